/** The stale report with the ops loop's parts: old claims and open flags by owner. Pure. */
import type { KnowledgePack } from '../pack/schema';
import { oldClaimsByOwner } from '../pack/claims';
import { localize } from '../pack/text';
import type { OpsReport } from '../sync/reportHandlers';
import { openFlagsByOwner, type FeedbackReport } from './report';

export function withLoopReport(report: OpsReport, pack: KnowledgePack, feedback: FeedbackReport, now: Date): OpsReport {
  const claims = oldClaimsByOwner(pack, now, (t) => localize(t, pack.meta.defaultLocale, pack.meta.defaultLocale));
  const openFlags = [...openFlagsByOwner(feedback)].map(([owner, flags]) => ({ owner, flags }));
  return { ...report, claims, openFlags, claimMaxAgeDays: pack.meta.claimMaxAgeDays ?? null };
}
