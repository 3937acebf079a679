/** The rep's own read as the sidebar shows it: scorecard, the close's question, CS sentiment. Pure. */
import type { KnowledgePack, Text } from '../pack/schema';
import type { MatchResult } from '../match/types';
import type { PageContext } from '../sites/types';
import type { OutcomeRecord, ScorecardRecord, SentimentRecord } from '../store/repRecords';
import { closedResult, matchedStage } from '../score/closed';
import { mergeScorecard } from '../score/scorecard';
import { suggestFor } from '../score/suggest';
import { recordKey } from './buildView';
import type { OutcomeView, RepViews, ScorecardView, SentimentView } from './types';

export interface RepState {
  /** The deal the scorecard belongs to and its stored record; null when this page shows none. */
  scorecard: { dealKey: string; record: ScorecardRecord | null } | null;
  outcome: OutcomeRecord | null;
  sentiment: SentimentRecord | null;
}

interface RepInput {
  pack: KnowledgePack;
  ctx: PageContext;
  match: MatchResult;
  rep: RepState;
  t: (text: Text | undefined) => string;
}

export function repViews(input: RepInput): RepViews {
  return { scorecard: scorecardView(input), outcome: outcomeView(input), sentiment: sentimentView(input) };
}

function scorecardView({ pack, ctx, match, rep, t }: RepInput): ScorecardView | null {
  const q = pack.qualification;
  if (!q || !rep.scorecard || !match.accountId) return null;
  const stage = matchedStage(pack, match);
  const competitor = match.competitors[0]?.name ?? null;
  const byId = new Map(q.elements.map((e) => [e.id, e]));
  return mergeScorecard({
    qualification: q,
    record: rep.scorecard.record,
    accountId: match.accountId,
    dealKey: rep.scorecard.dealKey,
    t,
    exit: stage ? { stage: t(stage.name), requires: stage.requiresValidated ?? [] } : null,
    suggest: (id) => suggestFor(byId.get(id)!, ctx, competitor),
  });
}

function outcomeView({ pack, ctx, match, rep, t }: RepInput): OutcomeView | null {
  const result = closedResult(pack, ctx, match);
  if (!result || !match.accountId || !pack.winLoss) return null;
  const r = rep.outcome;
  return {
    recordKey: recordKey(ctx),
    accountId: match.accountId,
    result,
    stage: ctx.stage ?? '',
    reasons: pack.winLoss.reasons.filter((x) => !x.outcome || x.outcome === result).map((x) => ({ id: x.id, label: t(x.label) })),
    competitors: pack.competitors.map((c) => ({ id: c.id, name: c.name })),
    suggestedCompetitorId: match.competitors[0]?.competitorId ?? null,
    recorded: r
      ? {
          // The reason in today's language when the pack still has it, else as it was saved.
          reason: r.reasonId ? t(pack.winLoss.reasons.find((x) => x.id === r.reasonId)?.label) || r.reasonLabel : null,
          competitor: r.competitorName,
          note: r.note,
          skipped: r.skipped,
          at: r.at,
        }
      : null,
  };
}

function sentimentView({ pack, match, rep, t }: RepInput): SentimentView | null {
  if (!match.accountId) return null;
  const h = match.health;
  const profile = h?.profileId ? pack.healthModel.profiles?.find((p) => p.id === h.profileId) : undefined;
  const weight = profile?.sentimentWeight ?? pack.healthModel.sentiment?.weight ?? 0;
  const s = rep.sentiment;
  const scored = h?.sentiment ?? null;
  return {
    accountId: match.accountId,
    current: s ? { color: s.color, comment: s.comment, at: s.at, counted: scored?.counted ?? false, stale: scored?.stale ?? false, share: scored?.effectiveWeight ?? 0 } : null,
    weighted: weight > 0,
    profile: profile ? t(profile.label) : null,
  };
}
