/** What a shown view implies the rep has seen, for the sidebar frame to report (a write apart from the read). */
import type { Request } from '../messages';
import type { SidebarView } from './types';

/** The stage:seen a shown view implies: a CRM page's stage for the record's own account, not one browsed from search. */
export function stageSeenIn(view: SidebarView, focus: { accountId?: string } | null | undefined): Request<'stage:seen'> | null {
  const stage = view.stage?.current;
  if (!view.account || focus?.accountId || stage?.source !== 'crm') return null;
  return { accountId: view.account.id, playbookId: stage.playbookId, stageId: stage.stageId };
}
