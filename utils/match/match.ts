/**
 * PageContext → MatchResult, pure: the account (utils/match/account/), the
 * competitors in play, the playbook and stage (stage.ts), the account's health.
 * Precision before recall: when the evidence does not single an account out, there is
 * none, and the accounts it points at are candidates with the reason.
 */
import { scoreHealth } from '../health/score';
import type { SentimentInput } from '../health/types';
import type { PageContext } from '../sites/types';
import { FUZZY_THRESHOLD, round2 } from './account/candidates';
import { matchAccount, type AccountMatch } from './account/resolve';
import { detectCompetitors } from './detectCompetitors';
import { nameEntry, type PackIndex } from './index';
import { normalizeName } from './normalize';
import { chooseStage, choosePlaybook, type RememberedStage } from './stage';
import type { MatchResult } from './types';

export { FUZZY_THRESHOLD } from './account/candidates';
export { matchAccount, type AccountMatch } from './account/resolve';
export { lookupStage, type RememberedStage } from './stage';

export interface MatchOptions {
  now?: Date;
  /** The account a person picked for this record; wins when it exists in the pack. */
  manualAccountId?: string | null;
  /** The stage last seen on a CRM page for this account, kept by the caller. */
  rememberedStage?: RememberedStage | null;
  /** The CS rep's own read of the account, kept by the caller; the health model may weight it. */
  sentiment?: SentimentInput | null;
}

export function matchPage(index: PackIndex, ctx: PageContext, opts: MatchOptions = {}): MatchResult {
  return completeMatch(index, ctx, matchAccount(index, ctx, opts.manualAccountId), opts);
}

/**
 * The rest of the match once the account is known: a caller that keeps state per
 * account (the stage last seen in the CRM) looks it up between the two steps instead of
 * matching twice. The account does not depend on `opts.rememberedStage`.
 */
export function completeMatch(index: PackIndex, ctx: PageContext, found: AccountMatch, opts: Omit<MatchOptions, 'manualAccountId'> = {}): MatchResult {
  const { account } = found;
  const competitors = detectCompetitors(index.competitors, {
    texts: [ctx.subject, ctx.text],
    crmField: ctx.competitorsField ?? [],
    addresses: found.emails,
    inPlay: account?.competitors ?? [],
    accountName: account?.name ?? null,
  });
  const playbook = choosePlaybook(index, ctx, account, opts.rememberedStage);
  return {
    accountId: account?.id ?? null,
    accountReasons: found.accountReasons,
    candidates: found.candidates,
    competitors,
    playbookId: playbook.playbook?.id ?? null,
    playbookReasons: playbook.playbookReasons,
    stage: chooseStage(index, ctx, account, playbook, opts.rememberedStage),
    health: account ? scoreHealth(index.pack.healthModel, account, opts.now ?? new Date(), { sentiment: opts.sentiment }) : null,
    lookedFor: found.lookedFor,
  };
}

export interface NameLookupHit {
  accountId: string;
  name: string;
  /** 1 for an exact (normalised) name or alias, else the Dice similarity. */
  score: number;
  kind: 'name' | 'alias' | 'fuzzy';
}

/**
 * Accounts by name: exact normalised names and aliases first, then fuzzy ones
 * (Dice ≥ `threshold`). The lookup `npm run bench` measures against Fuse.js; also the
 * building block for a "pick the account" search box.
 */
export function lookupAccountName(index: PackIndex, query: string, limit = 5, threshold = FUZZY_THRESHOLD): NameLookupHit[] {
  const key = normalizeName(query);
  if (!key) return [];
  const out: NameLookupHit[] = [];
  const seen = new Set<number>();
  for (const en of index.byName.all(key)) {
    const e = nameEntry(index, en);
    if (seen.has(e.account)) continue;
    seen.add(e.account);
    const a = index.accounts.at(e.account)!;
    out.push({ accountId: a.id, name: a.name, score: 1, kind: e.kind });
  }
  if (out.length < limit) {
    for (const hit of index.fuzzy.search(key, threshold, limit + out.length)) {
      const ai = index.nameAccount[hit.entry];
      if (seen.has(ai)) continue;
      seen.add(ai);
      const a = index.accounts.at(ai)!;
      out.push({ accountId: a.id, name: a.name, score: round2(hit.score), kind: 'fuzzy' });
      if (out.length >= limit) break;
    }
  }
  return out.slice(0, limit);
}
