/**
 * The rep's own read through typed messages (utils/messages.ts): scorecard entries,
 * the close's answer, the CS rep's sentiment; and the outcomes for the ops console.
 * Every id a page sends is checked against the active pack, and the labels stored are
 * the pack's, never the page's.
 */
import type { Db } from '../store/db';
import type { Account, KnowledgePack } from '../pack/schema';
import { localize } from '../pack/text';
import type { MatchResult } from '../match/types';
import type { PageContext } from '../sites/types';
import type { SentimentRecord } from '../store/repRecords';
import { ACCOUNT_DEAL, addOutcome, getOutcome, getScorecard, latestScorecard, listOutcomes, setScorecardEntry, setSentiment } from '../store/repState';
import { closedResult, scorecardTarget } from '../score/closed';
import type { RepState } from '../view/buildRep';
import { recordKey } from '../view/buildView';
import type { Handlers } from './service';

type RepHandlers = Pick<Handlers, 'scorecard:set' | 'outcome:set' | 'sentiment:set' | 'outcomes:report'>;

interface Deps {
  getDb: () => Promise<Db>;
  now: () => Date;
  pack: () => Promise<KnowledgePack>;
  /** The active pack's account of an id, or undefined (through the match index: service.ts). */
  accountById: (id: string) => Promise<Account | undefined>;
}

/** What the view of this page needs from the rep's stores (the sentiment is read before the match: it weighs the score). */
export async function readRepState(db: Db, pack: KnowledgePack, ctx: PageContext, match: MatchResult, sentiment: SentimentRecord | null): Promise<RepState> {
  const target = scorecardTarget(pack, ctx, match);
  const accountId = match.accountId;
  // Both read together: each is an IndexedDB round trip on the view's path.
  const [record, outcome] = await Promise.all([
    target && accountId ? (target === 'latest' ? latestScorecard(db, accountId) : getScorecard(db, accountId, target.dealKey)) : undefined,
    closedResult(pack, ctx, match) ? getOutcome(db, recordKey(ctx)) : null,
  ]);
  const scorecard: RepState['scorecard'] = target && accountId ? { dealKey: target === 'latest' ? (record?.dealKey ?? ACCOUNT_DEAL) : target.dealKey, record: record ?? null } : null;
  return { scorecard, outcome, sentiment };
}

export function repHandlers({ getDb, now, pack, accountById }: Deps): RepHandlers {
  const account = async (id: string) => {
    const a = await accountById(id);
    if (!a) throw new Error(`unknown account "${id}"`);
    return a;
  };
  return {
    async 'scorecard:set'({ accountId, dealKey, elementId, state, note }) {
      const p = await pack();
      await account(accountId);
      const el = p.qualification?.elements.find((e) => e.id === elementId);
      if (!el) throw new Error(`unknown scorecard element "${elementId}"`);
      const label = localize(el.name, p.meta.defaultLocale, p.meta.defaultLocale);
      const rec = await setScorecardEntry(await getDb(), { accountId, dealKey, elementId, state, note: note.trim(), label }, now());
      return { entries: Object.keys(rec.entries).length };
    },

    async 'outcome:set'(req) {
      const p = await pack();
      const a = await account(req.accountId);
      const reason = req.reasonId ? p.winLoss?.reasons.find((r) => r.id === req.reasonId) : undefined;
      if (req.reasonId && !reason) throw new Error(`unknown win/loss reason "${req.reasonId}"`);
      const competitor = req.competitorId ? p.competitors.find((c) => c.id === req.competitorId) : undefined;
      if (req.competitorId && !competitor) throw new Error(`unknown competitor "${req.competitorId}"`);
      const loc = p.meta.defaultLocale;
      const rec = await addOutcome(await getDb(), {
        recordKey: req.recordKey,
        accountId: a.id,
        accountName: a.name,
        result: req.result,
        stage: req.stage,
        reasonId: reason?.id ?? null,
        reasonLabel: reason ? localize(reason.label, loc, loc) : null,
        competitorId: competitor?.id ?? null,
        competitorName: competitor?.name ?? null,
        note: req.skipped ? '' : req.note.trim(),
        skipped: req.skipped,
        packVersion: p.meta.version,
        at: now().toISOString(),
      });
      return { at: rec.at };
    },

    async 'sentiment:set'({ accountId, color, comment }) {
      await account(accountId);
      const at = now().toISOString();
      await setSentiment(await getDb(), { accountId, color, comment: comment.trim(), at });
      return { at };
    },

    async 'outcomes:report'() {
      return listOutcomes(await getDb());
    },
  };
}
