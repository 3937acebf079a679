/**
 * What `npm run explain` says about the rep's own read on a page (issue 16, items 4–6):
 * the scorecard's suggestions and where each was read, the stage's exit requirement,
 * whether the page's CRM stage closes the deal, and the health profile. No stored rep
 * state: explain runs on a saved page, without a browser.
 */
import type { KnowledgePack } from '../../utils/pack/schema';
import type { MatchResult } from '../../utils/match/types';
import type { PageContext } from '../../utils/sites/types';
import { textIn } from '../../utils/match/index';
import { closedResult, matchedStage, scorecardTarget } from '../../utils/score/closed';
import { suggestFor } from '../../utils/score/suggest';
import type { SuggestionSource } from '../../utils/view/types';

export interface ExplainedRep {
  /** The methodology shown on this page, or null when the page shows no scorecard. */
  scorecard: { name: string; deal: string; exitRequires: string[]; suggestions: { element: string; text: string; source: SuggestionSource }[] } | null;
  /** won / lost when the page's CRM stage closes the deal (the sidebar asks why, once). */
  closed: 'won' | 'lost' | null;
  /** The health model's lifecycle profile for the account. */
  healthProfile: string | null;
}

export function explainRep(ctx: PageContext, pack: KnowledgePack, m: MatchResult): ExplainedRep {
  const loc = pack.meta.defaultLocale;
  const target = scorecardTarget(pack, ctx, m);
  const q = pack.qualification;
  const competitor = m.competitors[0]?.name ?? null;
  const scorecard =
    target && q
      ? {
          name: textIn(q.name, loc),
          deal: target === 'latest' ? "the account's latest deal" : target.dealKey,
          exitRequires: matchedStage(pack, m)?.requiresValidated ?? [],
          suggestions: q.elements.flatMap((e) => {
            const s = suggestFor(e, ctx, competitor);
            return s ? [{ element: e.id, ...s }] : [];
          }),
        }
      : null;
  return { scorecard, closed: closedResult(pack, ctx, m), healthProfile: m.health?.profileId ?? null };
}

const SOURCE: Record<SuggestionSource['kind'], string> = { contactRole: 'contact role', nextStep: 'Next Step field', closeDate: 'close date', amount: 'amount', competitor: 'competitor evidence' };

/** Lines for the readable report. */
export function formatRep(rep: ExplainedRep, row: (label: string, value: string) => string, more: (value: string) => string): string[] {
  const lines: string[] = [];
  const sc = rep.scorecard;
  lines.push(row('Scorecard', sc ? `${sc.name} for ${sc.deal}${sc.exitRequires.length ? `; this stage's exit needs validated: ${sc.exitRequires.join(', ')}` : ''}` : 'none on this page'));
  for (const s of sc?.suggestions ?? []) lines.push(more(`${s.element} ← “${s.text}” (${SOURCE[s.source.kind]}${s.source.kind === 'contactRole' ? ` “${s.source.role}”` : ''})`));
  if (rep.closed) lines.push(row('Closed', `${rep.closed}: the sidebar asks for the outcome once`));
  if (rep.healthProfile) lines.push(row('Health profile', rep.healthProfile));
  return lines;
}
