/**
 * The ops console's Feedback report: the rep's flags per item, with the card and its
 * owner, counts per verdict, notes, the pack versions they were made under and the
 * oldest open flag; and the palette searches that found nothing. Pure.
 *
 * A flag is open while it is not helpful and the pack has not answered it since: for a
 * card's item, until the card is reviewed (`reviewedAt`) on or after the flag's day;
 * for a stage or a health play, until a pack published on or after that day.
 */
import type { KnowledgePack, Text } from '../pack/schema';
import type { UsageEvent } from '../store/db';
import { targetCompetitor, VERDICTS, type FeedbackRecord, type FeedbackTarget, type Verdict } from './types';

export const NO_OWNER = '—';

export interface FeedbackNote {
  at: string;
  verdict: Verdict;
  note: string;
  packVersion: string;
}

export interface FeedbackRow {
  key: string;
  target: FeedbackTarget;
  owner: string;
  /** The card's name for a card's item, null for a stage or a play. */
  card: string | null;
  /** The item in words: an objection, a stage or band name; a section's id (the page names it). */
  item: string;
  counts: Record<Verdict, number>;
  open: number;
  oldestOpen: string | null;
  packVersions: string[];
  notes: FeedbackNote[];
  /** The item is not in the active pack (removed or renamed since). */
  gone: boolean;
}

export interface SearchMiss {
  query: string;
  count: number;
  last: string;
}

export interface FeedbackReport {
  flags: number;
  owners: string[];
  rows: FeedbackRow[];
  searchMisses: SearchMiss[];
  /** Every flag as stored, with its owner and whether it is open (the CSV and JSON exports). */
  all: (FeedbackRecord & { owner: string; card: string | null; item: string; open: boolean })[];
}

const day = (iso: string) => iso.slice(0, 10);
const cut = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Owner, card and item label of a target in the active pack; `gone` when the pack no longer has it. */
function describe(pack: KnowledgePack, t: FeedbackTarget, loc: (t: Text) => string): { owner: string; card: string | null; item: string; answeredOn: string; gone: boolean } {
  const cid = targetCompetitor(t);
  if (cid !== null && (t.kind === 'section' || t.kind === 'objection')) {
    const c = pack.competitors.find((x) => x.id === cid);
    if (!c) return { owner: NO_OWNER, card: cid, item: t.kind === 'section' ? t.section : t.objectionId, answeredOn: '9999', gone: true };
    if (t.kind === 'section') return { owner: c.owner, card: c.name, item: t.section, answeredOn: day(c.reviewedAt), gone: false };
    const o = c.battlecard.objections.find((x) => x.id === t.objectionId);
    return { owner: c.owner, card: c.name, item: o ? cut(loc(o.objection)) : t.objectionId, answeredOn: day(c.reviewedAt), gone: !o };
  }
  const published = day(pack.meta.publishedAt);
  if (t.kind === 'stage') {
    const s = pack.playbooks.find((p) => p.id === t.playbookId)?.stages.find((x) => x.id === t.stageId);
    return { owner: NO_OWNER, card: null, item: s ? loc(s.name) : `${t.playbookId}/${t.stageId}`, answeredOn: published, gone: !s };
  }
  const b = t.kind === 'play' ? pack.healthModel.bands.find((x) => x.id === t.bandId) : undefined;
  return { owner: NO_OWNER, card: null, item: b ? loc(b.label) : t.kind === 'play' ? t.bandId : '', answeredOn: published, gone: !b };
}

export function buildFeedbackReport(flags: readonly FeedbackRecord[], usage: readonly UsageEvent[], pack: KnowledgePack, loc: (t: Text) => string): FeedbackReport {
  const rows = new Map<string, FeedbackRow>();
  const all: FeedbackReport['all'] = [];
  for (const f of [...flags].sort((a, b) => a.at.localeCompare(b.at))) {
    const d = describe(pack, f.target, loc);
    // Open: not helpful, and nothing in the pack answered it since (reviewed or published on or after the flag's day).
    const open = f.verdict !== 'helpful' && !(d.answeredOn >= day(f.at));
    all.push({ ...f, owner: d.owner, card: d.card, item: d.item, open });
    let row = rows.get(f.key);
    if (!row) {
      row = { key: f.key, target: f.target, owner: d.owner, card: d.card, item: d.item, counts: Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>, open: 0, oldestOpen: null, packVersions: [], notes: [], gone: d.gone };
      rows.set(f.key, row);
    }
    row.counts[f.verdict]++;
    if (open) {
      row.open++;
      row.oldestOpen ??= f.at;
    }
    if (!row.packVersions.includes(f.packVersion)) row.packVersions.push(f.packVersion);
    if (f.note) row.notes.push({ at: f.at, verdict: f.verdict, note: f.note, packVersion: f.packVersion });
  }
  const sorted = [...rows.values()].sort((a, b) => b.open - a.open || (a.oldestOpen ?? '~').localeCompare(b.oldestOpen ?? '~') || a.key.localeCompare(b.key));
  const owners = [...new Set(sorted.map((r) => r.owner))].sort((a, b) => Number(a === NO_OWNER) - Number(b === NO_OWNER) || a.localeCompare(b));
  return { flags: flags.length, owners, rows: sorted, searchMisses: searchMisses(usage), all };
}

/** Palette searches that found nothing, the same words (any case, any spacing) counted together, most frequent first. */
export function searchMisses(usage: readonly UsageEvent[]): SearchMiss[] {
  const by = new Map<string, SearchMiss>();
  for (const e of usage) {
    if (e.kind !== 'search_miss' || !e.query) continue;
    const q = e.query.trim().replace(/\s+/g, ' ').toLowerCase();
    const cur = by.get(q) ?? { query: q, count: 0, last: e.at };
    cur.count++;
    if (e.at > cur.last) cur.last = e.at;
    by.set(q, cur);
  }
  return [...by.values()].sort((a, b) => b.count - a.count || b.last.localeCompare(a.last));
}

/** The owner's rows first (their queue), then everyone else's, each in report order. */
export function ownerFirst(rows: readonly FeedbackRow[], owner: string | null): FeedbackRow[] {
  if (!owner) return [...rows];
  return [...rows.filter((r) => r.owner === owner), ...rows.filter((r) => r.owner !== owner)];
}

/** Open flags per owner (the stale report's reminders). */
export function openFlagsByOwner(report: FeedbackReport): Map<string, FeedbackRow[]> {
  const out = new Map<string, FeedbackRow[]>();
  for (const r of report.rows) if (r.open) out.set(r.owner, [...(out.get(r.owner) ?? []), r]);
  return out;
}
