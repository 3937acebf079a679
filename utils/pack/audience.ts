/**
 * Customer-safe vs internal text (issue 16.2): every text a rep can copy or insert,
 * with its audience, and the intake checks on audiences and role layouts. Pure.
 */
import type { KnowledgePack, Text } from './schema';
import type { AudienceValue } from './roles';
import type { PackError } from './validate';
import { claimText } from './claims';

/** Where a copyable text lives; the insert boundary resolves these, never raw text from the frame. */
export type TextRef =
  | { kind: 'objection'; competitorId: string; id: string }
  | { kind: 'proof'; competitorId: string; index: number }
  | { kind: 'pricing'; competitorId: string }
  | { kind: 'guidance'; playbookId: string; stageId: string }
  | { kind: 'scenario'; id: string };

export interface CopyableText {
  ref: TextRef;
  /** JSON path of the text (for validation messages and explain). */
  path: string;
  audience: AudienceValue;
  text: Text;
}

/** A text without an audience of its own takes the pack's; a pack without one keeps its texts internal. */
export function audienceOf(own: AudienceValue | undefined, pack: Pick<KnowledgePack, 'meta'>): AudienceValue {
  return own ?? pack.meta.defaultAudience ?? 'internal';
}

/** Every copyable text of the pack, in pack order. */
export function copyableTexts(pack: KnowledgePack): CopyableText[] {
  const out: CopyableText[] = [];
  pack.competitors.forEach((c, ci) => {
    const b = c.battlecard;
    const at = `competitors[${ci}].battlecard`;
    b.objections.forEach((o, oi) => {
      const audience = audienceOf(o.audience, pack);
      out.push({ ref: { kind: 'objection', competitorId: c.id, id: o.id }, path: `${at}.objections[${oi}].response`, audience, text: o.response });
    });
    if (b.pricing) out.push({ ref: { kind: 'pricing', competitorId: c.id }, path: `${at}.pricing`, audience: audienceOf(b.pricingAudience, pack), text: claimText(b.pricing) });
    b.proofPoints.forEach((p, i) => out.push({ ref: { kind: 'proof', competitorId: c.id, index: i }, path: `${at}.proofPoints[${i}]`, audience: audienceOf(b.proofPointsAudience, pack), text: claimText(p) }));
  });
  pack.playbooks.forEach((p, pi) =>
    p.stages.forEach((s, si) => {
      if (s.guidance) out.push({ ref: { kind: 'guidance', playbookId: p.id, stageId: s.id }, path: `playbooks[${pi}].stages[${si}].guidance`, audience: audienceOf(s.guidanceAudience, pack), text: s.guidance });
    }),
  );
  pack.scenarios.forEach((s, i) => out.push({ ref: { kind: 'scenario', id: s.id }, path: `scenarios[${i}].value`, audience: audienceOf(s.audience, pack), text: s.value }));
  return out;
}

/** The copyable text a ref names, or null when the pack has none there. */
export function findCopyable(pack: KnowledgePack, ref: TextRef): CopyableText | null {
  const same = (r: TextRef) => JSON.stringify(r) === JSON.stringify(ref);
  return copyableTexts(pack).find((t) => same(t.ref)) ?? null;
}

const texts = (t: Text): string[] => (typeof t === 'string' ? [t] : Object.values(t));
const norm = (s: string) => s.replace(/[*_`>#]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
const CJK = /[\u3400-\u9fff]/;

/** Sentences long enough that finding one inside another text means it was quoted, not a shared phrase. */
function quotableSentences(t: Text): string[] {
  return texts(t)
    .flatMap((s) => norm(s).split(/(?<=[.!?;。！？；])\s*|\n/))
    .map((s) => s.trim())
    .filter((s) => s.length >= (CJK.test(s) ? 12 : 32));
}

/**
 * A customer-safe text that contains a sentence of an internal one would take that
 * internal text into a customer's inbox through Insert: flagged (a warning naming both
 * paths), since ops may mean it — the check cannot tell a quote from a shared fact.
 */
export function checkAudienceQuotes(pack: KnowledgePack): PackError[] {
  const all = copyableTexts(pack);
  const internal = all.filter((t) => t.audience === 'internal').map((t) => ({ path: t.path, sentences: quotableSentences(t.text) }));
  const warnings: PackError[] = [];
  for (const t of all) {
    if (t.audience !== 'customer') continue;
    const hay = texts(t.text).map(norm);
    const hit = internal.find((i) => i.path !== t.path && i.sentences.some((s) => hay.some((h) => h.includes(s))));
    if (hit) warnings.push({ path: t.path, message: `customer-safe text quotes internal text at ${hit.path}: mark it internal, or reword it` });
  }
  return warnings;
}

/** A role layout names each section once, and collapses only sections it shows. */
export function checkLayouts(pack: KnowledgePack): PackError[] {
  const errors: PackError[] = [];
  for (const [role, layout] of Object.entries(pack.meta.layouts ?? {})) {
    if (!layout) continue;
    const seen = new Set<string>();
    layout.order.forEach((id, i) => {
      if (seen.has(id)) errors.push({ path: `meta.layouts.${role}.order[${i}]`, message: `section "${id}" is listed twice` });
      seen.add(id);
    });
    (layout.collapsed ?? []).forEach((id, i) => {
      if (!seen.has(id)) errors.push({ path: `meta.layouts.${role}.collapsed[${i}]`, message: `section "${id}" is collapsed but not in meta.layouts.${role}.order` });
    });
  }
  return errors;
}
