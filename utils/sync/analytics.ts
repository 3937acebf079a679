/**
 * Local analytics for the ops console, from the rep's own usage log and checklist
 * ticks (IndexedDB, this browser only — nothing leaves the machine). Pure: the
 * background reads the stores and the active pack and hands them in.
 *
 * It sits with sync because both are the ops side of the extension: what arrives
 * (sync) and what gets used (analytics).
 */
import type { TickRecord, UsageEvent } from '../store/db';
import type { KnowledgePack } from '../pack/schema';
import { localize } from '../pack/text';

export const COUNTS = ['cardViews', 'sectionViews', 'objectionViews', 'copies', 'inserts', 'ticks'] as const;
export type CountKey = (typeof COUNTS)[number];
export type Counts = Record<CountKey, number>;

export interface UsageCell extends Counts {
  /** ISO week of the event, e.g. "2026-W47" (UTC). */
  week: string;
  segment: string;
  region: string;
  /** Competitor name, or "" for events not about a card (ticks). */
  card: string;
}

export interface StageCompletion {
  playbookId: string;
  playbook: string;
  stageId: string;
  stage: string;
  items: number;
  /** Accounts with at least one item ticked at this stage. */
  accounts: number;
  /** Accounts with every required item (every item when none is required) ticked. */
  complete: number;
  /** Mean share of the stage's items ticked, over those accounts, 0–1. */
  averageDone: number;
  /** Tick events logged for this stage. */
  tickEvents: number;
}

/** Record views a site's own selectors could not read, by week, site, layer and the landmark that was missing. */
export interface ReadingCell {
  week: string;
  site: string;
  layer: string;
  /** The landmark not found ("highlights panel"), or "" when the page had it but a field was missing. */
  missing: string;
  views: number;
}

export interface AnalyticsReport {
  events: number;
  first: string | null;
  last: string | null;
  cells: UsageCell[];
  checklist: StageCompletion[];
  reading: ReadingCell[];
}

export const NONE = '—';

export function isoWeek(iso: string): string {
  const d = new Date(iso);
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  t.setUTCDate(t.getUTCDate() + 4 - (t.getUTCDay() || 7)); // the Thursday of this ISO week
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

const zero = (): Counts => ({ cardViews: 0, sectionViews: 0, objectionViews: 0, copies: 0, inserts: 0, ticks: 0 });

export function buildReport(events: readonly UsageEvent[], ticks: readonly TickRecord[], pack: KnowledgePack, lang = 'en'): AnalyticsReport {
  const { cells, first, last, tickEvents, reading } = tallyEvents(events, pack);
  const checklist = stageCompletion(pack, ticks, tickEvents, lang);
  const sorted = [...cells.values()].sort((x, y) => x.week.localeCompare(y.week) || x.segment.localeCompare(y.segment) || x.region.localeCompare(y.region) || x.card.localeCompare(y.card));
  const readingRows = [...reading.values()].sort((x, y) => y.week.localeCompare(x.week) || y.views - x.views || x.site.localeCompare(y.site));
  return { events: events.length, first, last, cells: sorted, checklist, reading: readingRows };
}

/** One pass over the log: usage cells (week × segment × region × card), tick events per stage, reading fallbacks. */
function tallyEvents(events: readonly UsageEvent[], pack: KnowledgePack) {
  const accounts = new Map(pack.accounts.map((a) => [a.id, a]));
  const cards = new Map(pack.competitors.map((c) => [c.id, c.name]));
  const cells = new Map<string, UsageCell>();
  let first: string | null = null;
  let last: string | null = null;
  const tickEvents = new Map<string, number>();
  const reading = new Map<string, ReadingCell>();
  for (const e of events) {
    if (!first || e.at < first) first = e.at;
    if (!last || e.at > last) last = e.at;
    // Searches that found nothing are the Feedback report's (utils/feedback/report.ts).
    if (e.kind === 'search_miss') continue;
    if (e.kind === 'read_fallback') {
      const cell = { week: isoWeek(e.at), site: e.site ?? NONE, layer: e.layer ?? NONE, missing: e.missing ?? '', views: 0 };
      const k = `${cell.week}\u0000${cell.site}\u0000${cell.layer}\u0000${cell.missing}`;
      const cur = reading.get(k) ?? cell;
      cur.views++;
      reading.set(k, cur);
      continue;
    }
    // "Ask for help" clicks (issue 19) are logged for ops but have no column in the card table yet: no empty row for them.
    if (e.kind === 'expert_ask') continue;
    const a = e.accountId ? accounts.get(e.accountId) : undefined;
    const week = isoWeek(e.at);
    const segment = a?.segment ?? NONE;
    const region = a?.region ?? NONE;
    const card = e.competitorId ? cards.get(e.competitorId) ?? e.competitorId : '';
    const key = `${week}\u0000${segment}\u0000${region}\u0000${card}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { week, segment, region, card, ...zero() }));
    count(cell, e, tickEvents);
  }
  return { cells, first, last, tickEvents, reading };
}

function count(cell: UsageCell, e: UsageEvent, tickEvents: Map<string, number>): void {
  switch (e.kind) {
    case 'card_view':
      cell.cardViews++;
      break;
    case 'section_view':
      cell.sectionViews++;
      if (e.section === 'objections' || e.objectionId) cell.objectionViews++;
      break;
    case 'copy':
      cell.copies++;
      break;
    case 'insert':
      cell.inserts++;
      break;
    case 'tick':
      cell.ticks++;
      if (e.playbookId && e.stageId) tickEvents.set(`${e.playbookId}|${e.stageId}`, (tickEvents.get(`${e.playbookId}|${e.stageId}`) ?? 0) + 1);
      break;
    default:
      break;
  }
}

/** Checklist completion per playbook stage, from the ticks stored per account. */
function stageCompletion(pack: KnowledgePack, ticks: readonly TickRecord[], tickEvents: ReadonlyMap<string, number>, lang: string): StageCompletion[] {
  const byStage = new Map<string, TickRecord[]>();
  for (const t of ticks) {
    const k = `${t.playbookId}|${t.stageId}`;
    const list = byStage.get(k) ?? [];
    list.push(t);
    byStage.set(k, list);
  }
  const loc = (t: Parameters<typeof localize>[0]) => localize(t, lang, pack.meta.defaultLocale);
  const checklist: StageCompletion[] = [];
  for (const pb of pack.playbooks) {
    for (const st of pb.stages) {
      const ids = st.checklist.map((c) => c.id);
      const required = st.checklist.filter((c) => c.required).map((c) => c.id);
      const needed = required.length ? required : ids;
      const recs = (byStage.get(`${pb.id}|${st.id}`) ?? []).filter((r) => r.done.some((id) => ids.includes(id)));
      const shares = recs.map((r) => r.done.filter((id) => ids.includes(id)).length / (ids.length || 1));
      checklist.push({
        playbookId: pb.id,
        playbook: loc(pb.name),
        stageId: st.id,
        stage: loc(st.name),
        items: ids.length,
        accounts: recs.length,
        complete: recs.filter((r) => needed.every((id) => r.done.includes(id))).length,
        averageDone: shares.length ? shares.reduce((s, x) => s + x, 0) / shares.length : 0,
        tickEvents: tickEvents.get(`${pb.id}|${st.id}`) ?? 0,
      });
    }
  }
  return checklist;
}

export type Dimension = 'week' | 'segment' | 'region' | 'card';

/** Rolls the cells up by one dimension (the options page's "group by"). */
export function rollUp(cells: readonly UsageCell[], by: Dimension): ({ key: string } & Counts)[] {
  const rows = new Map<string, { key: string } & Counts>();
  for (const c of cells) {
    const key = c[by] || NONE;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { key, ...zero() }));
    for (const k of COUNTS) row[k] += c[k];
  }
  // "—" (no account, no segment…) last.
  return [...rows.values()].sort((a, b) => Number(a.key === NONE) - Number(b.key === NONE) || a.key.localeCompare(b.key));
}
