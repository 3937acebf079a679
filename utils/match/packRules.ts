/**
 * The regulation that applies to an account (监管政策洞察): a rule applies when every
 * dimension it names (industries, regions, segments) matches the account. Pure; dates
 * compared as calendar days in UTC, as the rest of the pack's dates are.
 */
import type { Account, PackRule } from '../pack/schema';
import type { Reason } from './types';
import { findIn } from './fieldText';

export interface RuleHit {
  ruleId: string;
  /** Past its review date: ops must check it again, the rep should double-check it. */
  stale: boolean;
  reasons: Reason[];
}

const dayOf = (iso: string) => iso.slice(0, 10);

export function rulesFor(rules: readonly PackRule[], account: Account | null, now: Date): RuleHit[] {
  if (!account) return [];
  const today = now.toISOString().slice(0, 10);
  return rules.flatMap((r) => {
    const reasons: Reason[] = [];
    const dims: [readonly string[], string | undefined, 'rule_industry' | 'rule_region' | 'rule_segment', string][] = [
      [r.industries ?? [], account.industry, 'rule_industry', 'industry'],
      [r.regions ?? [], account.region, 'rule_region', 'region'],
      [r.segments ?? [], account.segment, 'rule_segment', 'segment'],
    ];
    for (const [list, value, code, param] of dims) {
      if (!list.length) continue;
      if (!findIn(list, value)) return [];
      reasons.push({ code, params: { [param]: value! } });
    }
    return [{ ruleId: r.id, stale: dayOf(r.reviewBy) < today, reasons }];
  });
}
