/** The ops console's reports: cards due for review, site rules, local analytics. */
import type { KnowledgePack, SiteRule } from '../pack/schema';
import { localize } from '../pack/text';
import { buildReport, type AnalyticsReport } from './analytics';
import type { OpsContext } from './opsCore';
import type { OldClaim } from '../pack/claims';
import type { FeedbackRow } from '../feedback/report';

export interface StaleCard {
  id: string;
  name: string;
  reviewedAt: string;
  reviewEvery: number;
  /** The date the next review was due. */
  dueOn: string;
  /** Days past due (negative: due in that many days). */
  daysOverdue: number;
  /** Regions with their own variant of the card (issue 19): reviewed with it. */
  variants?: string[];
}

/** A rule (regulation) past its review date (issue 19). */
export interface StaleRule {
  id: string;
  title: string;
  owner: string | null;
  reviewBy: string;
  daysOverdue: number;
  regions: string[];
}

export interface OpsReport {
  /** Cards past their review date, grouped by owner, most overdue first. */
  stale: { owner: string; cards: StaleCard[] }[];
  /** Cards due for review within 14 days. */
  dueSoon: StaleCard[];
  sites: Pick<SiteRule, 'id' | 'host' | 'pathPrefix' | 'recordType'>[];
  /** Rules past their review date, most overdue first (issue 19). */
  staleRules?: StaleRule[];
  /** Claims older than meta.claimMaxAgeDays, by card owner (the service adds them: utils/feedback/staleLoop.ts). */
  claims?: { owner: string; claims: OldClaim[] }[];
  /** The pack's meta.claimMaxAgeDays (null: claims are not checked for age). */
  claimMaxAgeDays?: number | null;
  /** Open flags on each owner's items, for the review reminders. */
  openFlags?: { owner: string; flags: FeedbackRow[] }[];
}

const DAY = 86_400_000;
const DUE_SOON_DAYS = 14;

function reviewOf(c: KnowledgePack['competitors'][number], today: Date): StaleCard & { owner: string } {
  const reviewed = Date.parse(`${c.reviewedAt.slice(0, 10)}T00:00:00Z`);
  const due = reviewed + c.reviewEvery * DAY;
  return {
    id: c.id,
    name: c.name,
    owner: c.owner,
    reviewedAt: c.reviewedAt.slice(0, 10),
    reviewEvery: c.reviewEvery,
    dueOn: new Date(due).toISOString().slice(0, 10),
    daysOverdue: Math.floor((today.getTime() - due) / DAY),
    variants: Object.keys(c.battlecard.regional ?? {}),
  };
}

function staleRules(pack: KnowledgePack, today: Date): StaleRule[] {
  return (pack.rules ?? [])
    .map((r) => ({
      id: r.id,
      title: localize(r.title, pack.meta.defaultLocale, pack.meta.defaultLocale),
      owner: r.owner ?? null,
      reviewBy: r.reviewBy.slice(0, 10),
      daysOverdue: Math.floor((today.getTime() - Date.parse(`${r.reviewBy.slice(0, 10)}T00:00:00Z`)) / DAY),
      regions: r.regions ?? [],
    }))
    .filter((r) => r.daysOverdue > 0)
    .sort((a, b) => b.daysOverdue - a.daysOverdue);
}

export function opsReport(pack: KnowledgePack, today: Date): OpsReport {
  const cards = pack.competitors.map((c) => reviewOf(c, today));
  const byOwner = new Map<string, StaleCard[]>();
  for (const { owner, ...card } of cards.filter((c) => c.daysOverdue > 0).sort((a, b) => b.daysOverdue - a.daysOverdue)) {
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), card]);
  }
  return {
    stale: [...byOwner].map(([owner, list]) => ({ owner, cards: list })),
    dueSoon: cards.filter((c) => c.daysOverdue <= 0 && c.daysOverdue > -DUE_SOON_DAYS).map(({ owner: _o, ...c }) => c),
    sites: pack.sites.map((s) => ({ id: s.id, host: s.host, pathPrefix: s.pathPrefix, recordType: s.recordType })),
    staleRules: staleRules(pack, today),
  };
}

export function createReportHandlers(ctx: OpsContext) {
  return {
    async 'ops:report'(): Promise<OpsReport> {
      return opsReport((await ctx.current()).stored.pack, ctx.now());
    },

    async 'usage:report'({ lang }: { lang: string }): Promise<AnalyticsReport> {
      const db = await ctx.getDb();
      const [events, ticks] = await Promise.all([db.getAll('usage'), db.getAll('ticks')]);
      return buildReport(events, ticks, (await ctx.current()).stored.pack, lang);
    },

    async 'usage:clear'(): Promise<{ ok: true; cleared: number }> {
      const db = await ctx.getDb();
      const tx = db.transaction('usage', 'readwrite');
      const [cleared] = await Promise.all([tx.store.count(), tx.store.clear(), tx.done]);
      return { ok: true, cleared };
    },
  };
}
