import type { Text } from './schema';

/**
 * Picks the value for `lang` from a per-locale map: the exact locale, then its base
 * language ("zh" for "zh-CN"), then the pack's default locale, then whatever the
 * author wrote first.
 */
export function pickLocale<T>(byLocale: Record<string, T>, lang: string, defaultLocale: string): T | undefined {
  if (byLocale[lang]) return byLocale[lang];
  const base = lang.split('-')[0];
  const sameBase = Object.keys(byLocale).find((k) => k === base || k.split('-')[0] === base);
  if (sameBase) return byLocale[sameBase];
  return byLocale[defaultLocale] ?? Object.values(byLocale)[0];
}

/** The text for `lang` (plain strings are in the default locale). */
export function localize(text: Text | undefined, lang: string, defaultLocale: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return pickLocale(text, lang, defaultLocale) ?? '';
}
