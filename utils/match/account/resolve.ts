/** The account a page shows: evidence, then the decision, then the candidates. Pure. */
import type { Account } from '../../pack/schema';
import type { PageContext } from '../../sites/types';
import type { PackIndex } from '../index';
import type { AccountCandidate, MatchResult, Reason } from '../types';
import { candidatesFor } from './candidates';
import { decide } from './decide';
import { gatherEvidence } from './evidence';

export interface AccountMatch {
  account: Account | null;
  accountReasons: Reason[];
  candidates: AccountCandidate[];
  lookedFor: MatchResult['lookedFor'];
  /** The thread's addresses (ours left out), for competitors writing from their own domains. */
  emails: string[];
}

export function matchAccount(index: PackIndex, ctx: PageContext, manualAccountId?: string | null): AccountMatch {
  const g = gatherEvidence(index, ctx, manualAccountId);
  const d = decide(g);
  const accountReasons: Reason[] = d.chosen !== null ? [...g.evidence.get(d.chosen)!.reasons] : [...d.ambiguity];
  accountReasons.push(...g.notes);
  const candidates = candidatesFor(index, g, d);
  const account = d.chosen === null ? null : index.accounts.at(d.chosen)!;
  if (!account && !candidates.length) accountReasons.push({ code: 'no_account', params: { looked: lookedList(g.lookedFor) } });
  return { account, accountReasons, candidates, lookedFor: g.lookedFor, emails: g.emails };
}

/** What was looked for, for the empty state's "looked for …". */
function lookedList(l: MatchResult['lookedFor']): string {
  return [...l.ids, ...l.domains, ...l.names.map((n) => `“${n}”`)].join(', ');
}
