/**
 * The sidebar's view for a pack that is not active yet: the options page's workbench
 * previews a pack being authored for any account and stage, or for a saved page. The
 * same matcher and the same buildView the background uses for a record (service.ts
 * `view:get`), only with the pack from the workbench's build and no rep state (no
 * ticks, no remembered picks): what a rep sees on first opening that record.
 */
import { buildIndex, type PackIndex } from '../match/index';
import { matchPage } from '../match/match';
import { packDerived } from '../pack/derived';
import type { KnowledgePack } from '../pack/schema';
import type { PageContext } from '../sites/types';
import { buildView } from './buildView';
import { withSearchedCompetitor } from './searched';
import type { SidebarView } from './types';

export interface PreviewPick {
  /** The account shown (as if the rep picked it); null: whatever the page matches. */
  accountId: string | null;
  /** The stage shown, as if last seen in the CRM; null: the one the matcher chooses. */
  stage: { playbookId: string; stageId: string } | null;
}

/** A CRM account record with nothing on it: the account comes from the pick. */
export function blankRecord(accountId: string): PageContext {
  return {
    site: 'salesforce',
    recordType: 'account',
    recordId: `preview:${accountId}`,
    accountName: null,
    domains: [],
    emails: [],
    stage: null,
    competitorsField: [],
    text: '',
  };
}

const indexes = new WeakMap<KnowledgePack, PackIndex>();

/** What the rep opened from the sidebar's palette (view:get's `focus`). */
export interface PreviewFocus {
  accountId?: string;
  competitorId?: string;
  scenarioId?: string;
}

export function previewView(pack: KnowledgePack, ctx: PageContext, pick: PreviewPick, { lang, now, focus }: { lang: string; now: Date; focus?: PreviewFocus }): SidebarView {
  let index = indexes.get(pack);
  if (!index) indexes.set(pack, (index = buildIndex(pack)));
  const rememberedStage = pick.stage ? { ...pick.stage, seenAt: now.toISOString() } : null;
  let match = matchPage(index, ctx, { now, manualAccountId: focus?.accountId ?? pick.accountId, rememberedStage });
  // Opened from the palette: the card comes first even when the record does not mention it.
  if (focus?.competitorId) match = withSearchedCompetitor(match, pack, focus.competitorId);
  return buildView({ pack, derived: packDerived(pack).derived, ctx, match, ticks: null, lang, now, scenarioId: focus?.scenarioId });
}
