/**
 * What is worked out from a pack once, when it is taken in, and stored beside it (not
 * in it: the file ops author keeps its format). Today: the allow-listed tree of every
 * Markdown field, so a record view never runs the Markdown lexer.
 *
 * Trees are keyed by the field's JSON path (`competitors[2].battlecard.summary`); a
 * per-locale text gets one tree per locale, like the text itself.
 */
import type { KnowledgePack, Text } from './schema';
import { convertMarkdown, type Rich } from './rich';
import { pickLocale } from './text';
import { formatPath } from './jsonPath';
import { claimText } from './claims';
import type { PackError } from './validate';

/** Bump when the tree format or the conversion changes: stored trees of another version are rebuilt on load. */
export const DERIVED_VERSION = 1;

export type LocalRich = Rich | { [locale: string]: Rich };

export interface PackDerived {
  version: number;
  rich: Record<string, LocalRich>;
}

/** The pack's Markdown fields with their paths: battlecard summary and pricing, stage guidance, band play. */
export function markdownFields(pack: KnowledgePack): { path: string; text: Text }[] {
  const out: { path: string; text: Text }[] = [];
  pack.competitors.forEach((c, ci) => {
    out.push({ path: richPath.summary(ci), text: c.battlecard.summary });
    if (c.battlecard.pricing !== undefined) out.push({ path: richPath.pricing(ci), text: claimText(c.battlecard.pricing) });
    // Regional variants of the Markdown sections are Markdown too (issue 19).
    for (const [region, variant] of Object.entries(c.battlecard.regional ?? {})) {
      if (variant.summary !== undefined) out.push({ path: richPath.regional(ci, region, 'summary'), text: variant.summary });
      if (variant.pricing !== undefined) out.push({ path: richPath.regional(ci, region, 'pricing'), text: variant.pricing });
    }
  });
  pack.playbooks.forEach((p, pi) =>
    p.stages.forEach((s, si) => {
      if (s.guidance !== undefined) out.push({ path: richPath.guidance(pi, si), text: s.guidance });
    }),
  );
  pack.healthModel.bands.forEach((b, bi) => {
    if (b.play !== undefined) out.push({ path: richPath.play(bi), text: b.play });
  });
  return out;
}

export const richPath = {
  summary: (ci: number) => `competitors[${ci}].battlecard.summary`,
  pricing: (ci: number) => `competitors[${ci}].battlecard.pricing`,
  guidance: (pi: number, si: number) => `playbooks[${pi}].stages[${si}].guidance`,
  play: (bi: number) => `healthModel.bands[${bi}].play`,
  regional: (ci: number, region: string, field: 'summary' | 'pricing') => formatPath(['competitors', ci, 'battlecard', 'regional', region, field]),
};

/**
 * The whole pack's Markdown must convert within this time. The per-text limits keep a
 * real pack at milliseconds; this is the backstop that keeps intake (and loading a pack
 * stored before the limits) from running on, and it is generous so that a busy machine
 * never refuses a good pack.
 */
export const MAX_MARKDOWN_TOTAL_MS = 10_000;

/** A locale as a path step, the way validation writes it (`.en`, `["zh-CN"]`). */
const localeKey = (loc: string) => (/^[A-Za-z_$][\w$]*$/.test(loc) ? `.${loc}` : `[${JSON.stringify(loc)}]`);

/** A text the limits refuse, shown as it was written, as one plain-text paragraph (only for packs stored before the limits). */
const plain = (text: string): Rich => [{ t: 'p', c: [text] }];

/**
 * Every Markdown field converted within the limits. A field over them is an error
 * naming its path (and locale); in `derived` it is plain text, so a pack stored by an
 * older version still renders.
 */
export function deriveRich(pack: KnowledgePack, clock: () => number = () => performance.now()): { derived: PackDerived; errors: PackError[] } {
  const rich: Record<string, LocalRich> = {};
  const errors: PackError[] = [];
  const t0 = clock();
  let outOfTime = false;
  const convert = (path: string, markdown: string): Rich => {
    if (outOfTime) return plain(markdown);
    if (clock() - t0 > MAX_MARKDOWN_TOTAL_MS) {
      outOfTime = true;
      errors.push({ path, message: `converting the pack's Markdown took more than ${MAX_MARKDOWN_TOTAL_MS / 1000} s and stopped here; simplify its formatting` });
      return plain(markdown);
    }
    const r = convertMarkdown(markdown);
    if (r.ok) return r.rich;
    errors.push({ path, message: r.message });
    return plain(markdown);
  };
  for (const { path, text } of markdownFields(pack)) {
    if (typeof text === 'string') rich[path] = convert(path, text);
    else rich[path] = Object.fromEntries(Object.entries(text).map(([loc, md]) => [loc, convert(`${path}${localeKey(loc)}`, md)]));
  }
  return { derived: { version: DERIVED_VERSION, rich }, errors };
}

const memo = new WeakMap<KnowledgePack, { derived: PackDerived; errors: PackError[] }>();

/** `deriveRich`, once per pack object: validation, intake and activation share one conversion. */
export function packDerived(pack: KnowledgePack): { derived: PackDerived; errors: PackError[] } {
  let d = memo.get(pack);
  if (!d) memo.set(pack, (d = deriveRich(pack)));
  return d;
}

/** The stored tree of the field at `path`, in `lang` (same fallback as the text), or null when the field is absent. */
export function richAt(derived: PackDerived, path: string, lang: string, defaultLocale: string): Rich | null {
  const r = derived.rich[path];
  if (r === undefined) return null;
  return Array.isArray(r) ? r : (pickLocale(r, lang, defaultLocale) ?? null);
}
