/** Match + pack + the rep's ticks → the sidebar's view, in the UI language. Pure. */
import type { Account, KnowledgePack, Scenario, Text } from '../pack/schema';
import { localize } from '../pack/text';
import type { Rich } from '../pack/rich';
import { richAt, richPath, type PackDerived } from '../pack/derived';
import type { MatchResult } from '../match/types';
import type { PageContext } from '../sites/types';
import type { TickRecord } from '../store/db';
import type { AccountView, CardView, ChecklistView, HealthView, PackInfo, ScenarioView, SidebarView, StageView } from './types';
import { accountsOf, type StoredPack } from '../store/db';
import { audienceOf } from '../pack/audience';
import { richToPlain } from './plainText';
import { regionalCard, regionalScenario } from './regional';
import { fieldOpsView } from './fieldOps';
import { claimMark, claimText } from '../pack/claims';
import { repViews, type RepState } from './buildRep';

const DAY = 86_400_000;

/** The key under which a manual account pick is remembered for a record. */
export function recordKey(ctx: PageContext): string {
  return `${ctx.site}:${ctx.recordType}:${ctx.recordId ?? ctx.accountName ?? ''}`;
}

export function daysBetween(fromIso: string, to: Date): number {
  return Math.floor((to.getTime() - Date.parse(fromIso.length === 10 ? `${fromIso}T00:00:00Z` : fromIso)) / DAY);
}

export function packInfo(active: StoredPack, previous: StoredPack | null, lang = 'en'): PackInfo {
  const { meta } = active.pack;
  return {
    id: meta.id,
    name: localize(meta.name, lang, meta.defaultLocale),
    version: meta.version,
    publishedAt: meta.publishedAt,
    importedAt: active.importedAt,
    source: active.source,
    locales: meta.locales,
    counts: {
      competitors: active.pack.competitors.length,
      playbooks: active.pack.playbooks.length,
      // Counted without decoding a packed pack's accounts (utils/store/packedAccounts.ts): every activation answers with this.
      accounts: accountsOf(active).length,
      scenarios: active.pack.scenarios.length,
    },
    previous: previous
      ? { name: localize(previous.pack.meta.name, lang, previous.pack.meta.defaultLocale), version: previous.pack.meta.version, importedAt: previous.importedAt }
      : null,
  };
}

export function accountView(a: Account): AccountView {
  return {
    id: a.id,
    name: a.name,
    segment: a.segment ?? null,
    industry: a.industry ?? null,
    region: a.region ?? null,
    owner: a.owner ?? null,
    renewalDate: a.renewalDate ?? null,
    arr: a.arr ?? null,
    currency: a.currency ?? null,
  };
}

export interface ViewInput {
  pack: KnowledgePack;
  /** The pack's Markdown as trees, converted at intake: a view never parses Markdown. */
  derived: PackDerived;
  ctx: PageContext;
  match: MatchResult;
  ticks: TickRecord | null;
  lang: string;
  now: Date;
  /** A talk track opened from the palette, shown instead of the account's industry one. */
  scenarioId?: string;
  /** The account of an id, from the match index (a packed pack's accounts are not all decoded); else found in `pack.accounts`. */
  accountById?: (id: string) => Account | undefined;
  /** The rep's scorecard, outcome and sentiment for this page (absent: none shown). */
  rep?: RepState;
}

/** The pack's texts in the view's language. */
interface Texts {
  t: (text: Text | undefined) => string;
  rich: (path: string) => Rich | null;
}

/** What a view shows before the rep's own records are on it (see `viewShape`). */
export type ShapeInput = Omit<ViewInput, 'ticks' | 'rep'>;

export function buildView(input: ViewInput): SidebarView {
  return withRepRecords(viewShape(input), input);
}

/**
 * The view's shape: the cards, the stage and its checklist (nothing ticked), health,
 * field ops. Which of the rep's records the view needs (ticks, seen marks, flags, …) is
 * known from it, so the background reads them all at once (utils/background/viewGet.ts).
 */
export function viewShape({ pack, derived, ctx, match, lang, now, scenarioId, accountById }: ShapeInput): SidebarView {
  const loc = pack.meta.defaultLocale;
  const tx: Texts = { t: (text) => localize(text, lang, loc), rich: (path) => richAt(derived, path, lang, loc) };
  const byId = accountById ?? ((id: string) => pack.accounts.find((a) => a.id === id));
  const account = match.accountId ? (byId(match.accountId) ?? null) : null;
  const { stage, checklist } = stageViews(pack, match, account, tx);
  // Field ops (issue 19): regional variants over the cards and talk track, then experts, rules and product fit.
  const cards = cardViews(pack, match, now, tx).map((card) => {
    const ci = pack.competitors.findIndex((c) => c.id === card.id);
    return regionalCard(card, pack.competitors[ci], ci, account?.region, tx);
  });
  const scenario = pickScenario(pack, account, scenarioId);
  const ops = fieldOpsView({ pack, ctx, account, cards, stage, scenario, lang, now, t: tx.t });
  return {
    pack: { id: pack.meta.id, name: tx.t(pack.meta.name), version: pack.meta.version },
    recordKey: recordKey(ctx),
    account: account ? accountView(account) : null,
    accountReasons: match.accountReasons,
    candidates: match.candidates,
    lookedFor: match.lookedFor,
    reading: ctx.read && ctx.read.layer !== 'selectors' ? { layer: ctx.read.layer, missing: ctx.read.missing ?? null } : null,
    cards,
    stage,
    checklist,
    health: healthView(pack, match, tx),
    scenario: scenario ? regionalScenario(scenarioView(scenario, pack, tx), scenario, account?.region, tx) : null,
    ...ops,
  };
}

/** The rep's records on a view's shape: the ticks on its checklist; the scorecard, close and sentiment when given. */
export function withRepRecords(view: SidebarView, { pack, ctx, match, ticks, rep, lang }: Pick<ViewInput, 'pack' | 'ctx' | 'match' | 'ticks' | 'rep' | 'lang'>): SidebarView {
  const t = (text: Text | undefined) => localize(text, lang, pack.meta.defaultLocale);
  return { ...view, checklist: view.checklist && ticked(view.checklist, ticks), ...(rep ? repViews({ pack, ctx, match, rep, t }) : {}) };
}

/**
 * Ticks on items this pack removed are listed, not deleted: a rollback shows them
 * again. They go when a later pack change leaves them unreachable (pruneTicks).
 */
function ticked(checklist: ChecklistView, ticks: TickRecord | null): ChecklistView {
  const done = new Set(ticks?.done ?? []);
  const ids = new Set(checklist.items.map((i) => i.id));
  const items = checklist.items.map((i) => ({ ...i, done: done.has(i.id) }));
  return {
    ...checklist,
    items,
    removed: [...done].filter((id) => !ids.has(id)).map((id) => ({ id, label: ticks?.labels[id] ?? id })),
    doneCount: items.filter((i) => i.done).length,
  };
}

function cardViews(pack: KnowledgePack, match: MatchResult, now: Date, { t, rich }: Texts): CardView[] {
  return match.competitors.flatMap((m) => {
    const ci = pack.competitors.findIndex((x) => x.id === m.competitorId);
    if (ci < 0) return [];
    const c = pack.competitors[ci];
    const reviewedDaysAgo = daysBetween(c.reviewedAt, now);
    const b = c.battlecard;
    const pricing = rich(richPath.pricing(ci));
    return [
      {
        id: c.id,
        name: c.name,
        owner: c.owner,
        reviewedAt: c.reviewedAt,
        reviewedDaysAgo,
        reviewEvery: c.reviewEvery,
        stale: reviewedDaysAgo > c.reviewEvery,
        summary: rich(richPath.summary(ci)) ?? [],
        whyWeWin: b.whyWeWin.map((x) => t(claimText(x))),
        whyWeLose: b.whyWeLose.map(t),
        objections: b.objections.map((o) => ({ id: o.id, objection: t(o.objection), response: t(o.response), proof: o.proof ? t(o.proof) : null, audience: audienceOf(o.audience, pack) })),
        landmines: b.landmines.map((x) => t(claimText(x))),
        pricing,
        proofPoints: b.proofPoints.map((x) => t(claimText(x))),
        match: m,
        claims: claimMarks(b, pack.meta.claimMaxAgeDays, now),
        pricingAudience: audienceOf(b.pricingAudience, pack),
        pricingText: pricing ? richToPlain(pricing) : null,
        proofPointsAudience: audienceOf(b.proofPointsAudience, pack),
      },
    ];
  });
}

/** The matched stage of the matched playbook and, when an account is known, its checklist (nothing ticked). */
function stageViews(pack: KnowledgePack, match: MatchResult, account: Account | null, { t, rich }: Texts): { stage: StageView | null; checklist: ChecklistView | null } {
  const none = { stage: null, checklist: null };
  const pi = match.playbookId ? pack.playbooks.findIndex((p) => p.id === match.playbookId) : -1;
  const playbook = pi >= 0 ? pack.playbooks[pi] : undefined;
  if (!playbook || !match.stage || match.stage.playbookId !== playbook.id) return none;
  const current = match.stage;
  const si = playbook.stages.findIndex((x) => x.id === current.stageId);
  const s = si >= 0 ? playbook.stages[si] : undefined;
  if (!s) return none;
  const guidance = rich(richPath.guidance(pi, si));
  const stage: StageView = {
    playbookId: playbook.id,
    playbookName: t(playbook.name),
    motion: playbook.motion,
    path: playbook.stages.map((x) => ({ id: x.id, name: t(x.name) })),
    current,
    name: t(s.name),
    goal: t(s.goal),
    exitCriteria: s.exitCriteria.map(t),
    guidance,
    playbookReasons: match.playbookReasons,
    guidanceAudience: audienceOf(s.guidanceAudience, pack),
    guidanceText: guidance ? richToPlain(guidance) : null,
  };
  if (!account) return { stage, checklist: null };
  // Nothing ticked yet: the rep's ticks go on in withRepRecords.
  const items = s.checklist.map((i) => ({ id: i.id, text: t(i.text), required: i.required, done: false }));
  return { stage, checklist: { accountId: account.id, playbookId: playbook.id, stageId: s.id, items, removed: [], doneCount: 0 } };
}

function healthView(pack: KnowledgePack, match: MatchResult, { t, rich }: Texts): HealthView | null {
  const health = match.health;
  if (!health) return null;
  const bi = pack.healthModel.bands.findIndex((b) => b.id === health.bandId);
  const band = bi >= 0 ? pack.healthModel.bands[bi] : undefined;
  return {
    ...health,
    bandLabel: band ? t(band.label) : health.bandId,
    play: health.color === 'red' && band?.play ? rich(richPath.play(bi)) : null,
    measures: health.measures.map((ms) => {
      const m = pack.healthModel.measures.find((x) => x.id === ms.measureId);
      // A lifecycle profile weighs measures its own way: the weight shown is the one that scored.
      const weight = health.profileId ? (pack.healthModel.profiles?.find((p) => p.id === health.profileId)?.weights[ms.measureId] ?? 0) : (m?.weight ?? 0);
      return { ...ms, label: m ? t(m.label) : ms.measureId, unit: m?.unit ? t(m.unit) : null, weight };
    }),
  };
}

/** The talk track opened from the palette, else the one for the account's industry. */
function pickScenario(pack: KnowledgePack, account: Account | null, scenarioId: string | undefined): Scenario | null {
  const industry = account?.industry?.toLowerCase();
  return (scenarioId ? pack.scenarios.find((x) => x.id === scenarioId) : industry ? pack.scenarios.find((x) => x.industry.toLowerCase() === industry) : undefined) ?? null;
}

function scenarioView(s: Scenario, pack: KnowledgePack, { t }: Texts): ScenarioView {
  return { id: s.id, industry: s.industry, useCase: t(s.useCase), scenario: t(s.scenario), advantage: t(s.advantage), value: t(s.value), audience: audienceOf(s.audience, pack) };
}

/** Each claim's source and age, by position beside the card's texts; null where a claim is plain. */
function claimMarks(b: KnowledgePack['competitors'][number]['battlecard'], max: number | undefined, now: Date): NonNullable<CardView['claims']> {
  const marks = (list: readonly Parameters<typeof claimMark>[0][]) => list.map((c) => claimMark(c, max, now));
  return { whyWeWin: marks(b.whyWeWin), landmines: marks(b.landmines), proofPoints: marks(b.proofPoints), pricing: b.pricing === undefined ? null : claimMark(b.pricing, max, now), maxAgeDays: max ?? null };
}
