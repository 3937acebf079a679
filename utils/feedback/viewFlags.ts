/** The items a sidebar view shows, as feedback targets, and the view with the rep's latest flag on each. */
import type { SidebarView } from '../view/types';
import type { LoopDb } from '../store/loopDb';
import { latestFlags } from '../store/feedbackStore';
import { CARD_SECTIONS, targetKey, type FeedbackTarget, type FlagMark } from './types';

export function viewTargets(view: SidebarView): FeedbackTarget[] {
  const out: FeedbackTarget[] = [];
  for (const c of view.cards) {
    for (const section of CARD_SECTIONS) out.push({ kind: 'section', competitorId: c.id, section });
    for (const o of c.objections) out.push({ kind: 'objection', competitorId: c.id, objectionId: o.id });
  }
  if (view.stage) out.push({ kind: 'stage', playbookId: view.stage.playbookId, stageId: view.stage.current.stageId });
  if (view.health?.play) out.push({ kind: 'play', bandId: view.health.bandId });
  return out;
}

/** The rep's latest flag on each item of a view (its shape is enough: utils/view/buildView.ts). */
export function viewFlags(view: SidebarView, db: LoopDb): Promise<Record<string, FlagMark>> {
  return latestFlags(db, viewTargets(view).map(targetKey));
}
