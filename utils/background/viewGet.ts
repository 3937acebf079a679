/**
 * view:get, on the rep's wait: the match, the view, and every record of the rep's the
 * view shows, read from IndexedDB in two rounds instead of one after another.
 *
 * Under an in-app switch's load (the CRM repainting, the frame and the worker on two
 * cores) a round of reads here took 3–10 ms (one-off marks), and the view used to wait
 * on five rounds in a row: the pick, then the remembered stage and sentiment, then ticks
 * and scorecard, then seen marks, play and snoozes, then flags.
 *
 * - Round 1: the record's manual pick, beside the remembered stage and sentiment of the
 *   account the page matches without one — the account shown, unless the rep picked
 *   another for this record (then its own two are read after).
 * - Round 2: everything keyed by the match and the view's shape (utils/view/buildView.ts):
 *   ticks, scorecard and close, seen marks, play, stale snoozes, flags, the role settings.
 */
import type { Db } from '../store/db';
import type { PackIndex } from '../match/index';
import { completeMatch, matchAccount, type AccountMatch } from '../match/match';
import type { PackDerived } from '../pack/derived';
import type { Account, KnowledgePack } from '../pack/schema';
import type { Request } from '../messages';
import type { SidebarView } from '../view/types';
import type { RepState } from '../view/buildRep';
import { recordKey, viewShape, withRepRecords } from '../view/buildView';
import { decorateView, type Decorations } from '../view/decorate';
import { withSearchedCompetitor } from '../view/searched';
import { getPick, getSeenStage, getTicks } from '../store/userState';
import { getSentiment } from '../store/repState';
import { readRepState } from './repHandlers';
import type { LoopDb } from '../store/loopDb';
import { viewFlags } from '../feedback/viewFlags';

export interface ViewGetDeps {
  getDb: () => Promise<Db>;
  now: () => Date;
  indexed: () => Promise<{ stored: { pack: KnowledgePack }; derived: PackDerived; index: PackIndex }>;
  accountById: (index: PackIndex, id: string) => Account | undefined;
  /** The role, seen marks, play and snoozes for a view of this shape (utils/background/roleHandlers.ts). */
  decorations: (view: SidebarView, pack: KnowledgePack, lang: string) => Promise<Decorations>;
  /** The feedback database (opened as the request comes in: a second database to open on a woken worker). */
  loopDb: Promise<LoopDb>;
}

export async function viewGet({ getDb, now, indexed, accountById, decorations, loopDb }: ViewGetDeps, { ctx, lang, focus }: Request<'view:get'>): Promise<SidebarView> {
  const db = await getDb();
  const { stored, derived, index } = await indexed();
  const { pack } = stored;
  const browsing = Boolean(focus?.accountId);

  // Round 1.
  const accountReads = (found: AccountMatch) =>
    Promise.all([
      // A page that shows no stage takes the one last seen in the CRM for its account (stage:seen wrote it).
      found.account && !browsing && !ctx.stage ? getSeenStage(db, found.account.id) : null,
      // The CS rep's read weighs the score when the health model says so (utils/health/sentiment.ts).
      found.account ? getSentiment(db, found.account.id) : null,
    ]);
  let found = matchAccount(index, ctx, focus?.accountId ?? null);
  const [picked, guessed] = await Promise.all([browsing ? null : getPick(db, recordKey(ctx)), accountReads(found)]);
  let [rememberedStage, sentiment] = guessed;
  if (picked) {
    const withPick = matchAccount(index, ctx, picked);
    if (withPick.account?.id !== found.account?.id) [rememberedStage, sentiment] = await accountReads(withPick);
    found = withPick;
  }
  let match = completeMatch(index, ctx, found, { now: now(), rememberedStage, sentiment });
  if (focus?.competitorId) match = withSearchedCompetitor(match, pack, focus.competitorId);
  const shape = viewShape({ pack, derived, ctx, match, lang, now: now(), scenarioId: focus?.scenarioId, accountById: (id) => accountById(index, id) });

  // Round 2.
  const checklist = shape.checklist;
  const [ticks, rep, decor, flags] = await Promise.all([
    checklist ? getTicks(db, checklist.accountId, checklist.playbookId, checklist.stageId) : null,
    // Browsing another account from search: its scorecard and close belong to no record here.
    browsing ? ({ scorecard: null, outcome: null, sentiment } satisfies RepState) : readRepState(db, pack, ctx, match, sentiment),
    decorations(shape, pack, lang),
    loopDb.then((ldb) => viewFlags(shape, ldb)),
  ]);
  return { ...decorateView(withRepRecords(shape, { pack, ctx, match, ticks, rep, lang }), pack, decor), flags };
}
