/**
 * An entity's Markdown companions, one per locale (`globex.zh-CN.md`), or one plain
 * file (`globex.md`) whose text is the default locale's.
 */
import type { Seg } from '../errors';
import { mdLines, sections, type MdLine } from '../markdown';
import { mdNamePattern } from '../layout';
import type { BuildContext } from './context';

export interface LocaleDoc {
  file: string;
  /** null: a file without a locale suffix, whose text is plain (default-locale) strings. */
  locale: string | null;
  lines: MdLine[];
}

/** A value read from Markdown, per locale, with where it was written. */
export interface Localised<T> {
  doc: LocaleDoc;
  value: T;
  line: number;
}

/** The companions of `stem` that may be read, in meta.locales order. */
function localeDocs(ctx: BuildContext, stem: string): LocaleDoc[] {
  const re = mdNamePattern(stem);
  const docs: { file: string; locale: string | null }[] = [];
  for (const f of ctx.all) {
    const m = re.exec(f);
    if (m) docs.push({ file: f, locale: m[1] ?? null });
  }
  const plain = docs.find((d) => d.locale === null);
  if (plain && docs.length > 1) {
    ctx.fail({ path: '(file)', file: plain.file, message: `both ${plain.file} and per-locale files (${docs.filter((d) => d.locale).map((d) => d.file).join(', ')}) exist: use one or the other` });
    return [];
  }
  const { locales, defaultLocale } = ctx;
  const out: LocaleDoc[] = [];
  for (const d of docs) {
    if (d.locale && locales.length && !locales.includes(d.locale)) {
      ctx.used.add(d.file);
      ctx.fail({ path: '(file)', file: d.file, message: `locale "${d.locale}" is not listed in meta.locales (${locales.join(', ')})` });
      continue;
    }
    out.push({ ...d, lines: [] });
  }
  out.sort((a, b) => locales.indexOf(a.locale ?? defaultLocale) - locales.indexOf(b.locale ?? defaultLocale));
  return out;
}

export async function loadDocs(ctx: BuildContext, stem: string): Promise<LocaleDoc[]> {
  const docs = localeDocs(ctx, stem);
  for (const d of docs) {
    ctx.used.add(d.file);
    d.lines = mdLines(await ctx.files.readText(d.file));
    const { before } = sections(d.lines, 2);
    const text = before.filter((l) => l.text.trim() && !l.heading);
    if (text.length) ctx.warn({ path: '(file)', file: d.file, line: text[0].line, message: 'text before the first "##" heading is not part of the pack' });
  }
  return docs;
}

/** Text from per-locale values: a plain string for a locale-less file, else a map in meta.locales order. */
export function textOf(values: Localised<string>[]): unknown {
  if (values.length === 1 && values[0].doc.locale === null) return values[0].value;
  return Object.fromEntries(values.map((x) => [x.doc.locale, x.value]));
}

export function recordTextOrigins(ctx: BuildContext, path: Seg[], values: Localised<unknown>[]): void {
  ctx.origins.set(path, { file: values[0].doc.file, line: values[0].line });
  for (const x of values) if (x.doc.locale) ctx.origins.set([...path, x.doc.locale], { file: x.doc.file, line: x.line });
}

/** A section some locales have and others lack: readers of the others see the first one's text. */
export function warnMissingSection(ctx: BuildContext, docs: LocaleDoc[], have: Localised<unknown>[], heading: string): void {
  if (docs.length < 2 || have.length === docs.length) return;
  for (const d of docs) {
    if (!have.some((x) => x.doc === d)) ctx.warn({ path: '(file)', file: d.file, message: `no "## ${heading}" section: ${d.locale} readers see the ${have[0].doc.locale} text` });
  }
}
