/**
 * Which records get a scorecard and which ask the close's question. Pure.
 *
 * A deal record (opportunity, deal, a self-hosted CRM's record) shows its own
 * scorecard; a mail thread shows the account's most recently worked scorecard while the
 * account's stage is open. A deal is closed when its CRM stage label is one the pack
 * marks won or lost on the matched stage (`stages[].outcome`).
 */
import type { KnowledgePack, Stage } from '../pack/schema';
import type { Outcome } from '../pack/schemaScore';
import type { MatchResult } from '../match/types';
import { normalizeLoose } from '../match/normalize';
import type { PageContext } from '../sites/types';
import { recordKey } from '../view/buildView';

const DEAL_TYPES: ReadonlySet<string> = new Set(['opportunity', 'deal', 'record']);

export function matchedStage(pack: KnowledgePack, match: MatchResult): Stage | null {
  const m = match.stage;
  if (!m) return null;
  return pack.playbooks.find((p) => p.id === m.playbookId)?.stages.find((s) => s.id === m.stageId) ?? null;
}

/** Won or lost when the page's CRM stage is one of the matched stage's closing labels; else null. */
export function closedResult(pack: KnowledgePack, ctx: PageContext, match: MatchResult): Outcome | null {
  if (!ctx.stage || match.stage?.source !== 'crm' || !DEAL_TYPES.has(ctx.recordType)) return null;
  const outcome = matchedStage(pack, match)?.outcome;
  if (!outcome) return null;
  const key = normalizeLoose(ctx.stage);
  // `?? []`: packs read as raw JSON by tools and tests lack the schema's defaults.
  if ((outcome.won ?? []).some((l) => normalizeLoose(l) === key)) return 'won';
  if ((outcome.lost ?? []).some((l) => normalizeLoose(l) === key)) return 'lost';
  return null;
}

/** The deal whose scorecard this page shows: this record's, the account's latest (a mail thread of an open deal), or none. */
export function scorecardTarget(pack: KnowledgePack, ctx: PageContext, match: MatchResult): { dealKey: string } | 'latest' | null {
  if (!pack.qualification || !match.accountId) return null;
  if (DEAL_TYPES.has(ctx.recordType) && ctx.recordId) return { dealKey: recordKey(ctx) };
  if (ctx.recordType !== 'thread') return null;
  const stage = matchedStage(pack, match);
  // A thread's stage is the one last seen in the CRM or the pack's; a closing stage is no open deal.
  return stage && !stage.outcome ? 'latest' : null;
}
