/** Shared by the background's record view and the workbench's preview (utils/view/preview.ts). */
import type { MatchResult } from '../match/types';
import type { KnowledgePack } from '../pack/schema';

export /** A card opened from the palette comes first, marked as searched, even when the page never mentions it. */
function withSearchedCompetitor(match: MatchResult, pack: KnowledgePack, competitorId: string): MatchResult {
  const found = match.competitors.find((c) => c.competitorId === competitorId);
  const c = pack.competitors.find((x) => x.id === competitorId);
  if (!c) return match;
  const first = found ?? {
    competitorId,
    name: c.name,
    sources: [],
    mentionCount: 0,
    mentions: [],
    confidence: 0,
    reasons: [{ code: 'searched' as const, params: { competitor: c.name } }],
  };
  return { ...match, competitors: [first, ...match.competitors.filter((x) => x !== found)] };
}
