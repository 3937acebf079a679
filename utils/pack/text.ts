import type { Text } from './schema';

/**
 * Picks the text for `lang`: the exact locale, then its base language ("zh" for
 * "zh-CN"), then the pack's default locale, then whatever the author wrote first.
 */
export function localize(text: Text | undefined, lang: string, defaultLocale: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  if (text[lang]) return text[lang];
  const base = lang.split('-')[0];
  const sameBase = Object.keys(text).find((k) => k === base || k.split('-')[0] === base);
  if (sameBase) return text[sameBase];
  return text[defaultLocale] ?? Object.values(text)[0] ?? '';
}
