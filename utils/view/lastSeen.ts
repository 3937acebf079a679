/**
 * "What changed since you last looked" (issue 16.3), pure. A card or a playbook stage is
 * cut into parts (summary, objections, …) and each part into items with a content hash;
 * what the rep last saw is stored the same way (utils/store/seen.ts), so comparing the
 * two says which items were added, changed or removed — across any number of pack
 * versions in between, which a diff of the last two packs (utils/pack/diff.ts) cannot.
 * Items with ids (objections, checklist items) pair by id; list entries without ids pair
 * by content, so one entry inserted at the top does not mark every entry below it.
 */
import { claimText } from '../pack/claims';
import type { Competitor, Stage, Text } from '../pack/schema';
import type { SeenRecord } from '../store/db';

export type SeenItems = SeenRecord['items'];
type Item = SeenItems[string][number];
export type ItemMark = 'added' | 'changed';

export interface SeenMarks {
  /** The rep has seen this card or stage before (else nothing is marked: there is nothing to compare). */
  known: boolean;
  /** `part` (a single text), `part:<id>` (items with ids), `part:<index>` (other lists, index in the current list). */
  marks: Record<string, ItemMark>;
  removed: { part: string; label: string }[];
  /** Parts with a mark or a removal, in part order. */
  parts: string[];
}

/** FNV-1a, 32 bits, over the JSON: a change detector, not a security measure. */
export function hashOf(value: unknown): string {
  const s = JSON.stringify(value) ?? '';
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Labels are kept short: they only name a removed item. */
const label = (t: Text): Text => (typeof t === 'string' ? t.slice(0, 160) : Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.slice(0, 160)])));
const single = (t: Text | undefined, part: string): Item[] => (t === undefined ? [] : [{ k: part, h: hashOf(t), l: label(t) }]);
const byContent = (list: readonly Text[]): Item[] => list.map((t) => ({ k: `#${hashOf(t)}`, h: hashOf(t), l: label(t) }));

export const CARD_PARTS = ['summary', 'whyWeWin', 'whyWeLose', 'objections', 'landmines', 'pricing', 'proofPoints'] as const;
export const STAGE_PARTS = ['goal', 'exitCriteria', 'guidance', 'checklist'] as const;

export function cardItems(c: Competitor): SeenItems {
  const b = c.battlecard;
  return {
    summary: single(b.summary, 'summary'),
    // A claim is its text here: a new source or date alone is not news to the rep.
    whyWeWin: byContent(b.whyWeWin.map(claimText)),
    whyWeLose: byContent(b.whyWeLose),
    // An objection's audience is part of it: a response that became internal is a change the rep must see.
    objections: b.objections.map((o) => ({ k: o.id, h: hashOf([o.objection, o.response, o.proof ?? null, o.audience ?? null]), l: label(o.objection) })),
    landmines: byContent(b.landmines.map(claimText)),
    pricing: single(b.pricing === undefined ? undefined : claimText(b.pricing), 'pricing'),
    proofPoints: byContent(b.proofPoints.map(claimText)),
  };
}

export function stageItems(s: Stage): SeenItems {
  return {
    goal: single(s.goal, 'goal'),
    exitCriteria: byContent(s.exitCriteria),
    guidance: single(s.guidance, 'guidance'),
    checklist: s.checklist.map((i) => ({ k: i.id, h: hashOf([i.text, i.required]), l: label(i.text) })),
  };
}

/** One part's marks: current items against what was seen. */
function comparePart(part: string, seen: Item[], now: Item[], t: (x: Text) => string, out: SeenMarks): void {
  const before = out.removed.length;
  const start = Object.keys(out.marks).length;
  const byText = [...now, ...seen].some((i) => i.k.startsWith('#'));
  if (!byText) {
    const old = new Map(seen.map((i) => [i.k, i]));
    for (const i of now) {
      const o = old.get(i.k);
      const at = i.k === part ? part : `${part}:${i.k}`;
      if (!o) out.marks[at] = 'added';
      else if (o.h !== i.h) out.marks[at] = 'changed';
    }
    const ids = new Set(now.map((i) => i.k));
    for (const o of seen) if (!ids.has(o.k)) out.removed.push({ part, label: t(o.l) });
  } else {
    // Entries without ids: the same text anywhere in the list is unchanged; the rest pair up in order.
    const oldHashes = new Set(seen.map((i) => i.h));
    const nowHashes = new Set(now.map((i) => i.h));
    const gone = seen.filter((i) => !nowHashes.has(i.h));
    let paired = 0;
    now.forEach((i, idx) => {
      if (oldHashes.has(i.h)) return;
      out.marks[`${part}:${idx}`] = paired < gone.length ? 'changed' : 'added';
      paired++;
    });
    for (const o of gone.slice(paired)) out.removed.push({ part, label: t(o.l) });
  }
  if (out.removed.length > before || Object.keys(out.marks).length > start) out.parts.push(part);
}

/** What changed in `now` since `seen` (null: never seen, nothing marked). */
export function compareSeen(seen: SeenItems | null, now: SeenItems, t: (x: Text) => string): SeenMarks {
  const out: SeenMarks = { known: seen !== null, marks: {}, removed: [], parts: [] };
  if (!seen) return out;
  for (const part of Object.keys(now)) comparePart(part, seen[part] ?? [], now[part], t, out);
  return out;
}

/** The record after the rep opened `parts` (all of them when absent): those parts now read as seen. */
export function markSeen(seen: SeenItems | null, now: SeenItems, parts?: readonly string[]): SeenItems {
  if (!seen || !parts) return now;
  const next: SeenItems = { ...seen };
  for (const p of parts) if (p in now) next[p] = now[p];
  return next;
}
