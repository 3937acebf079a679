/**
 * The decision: the first tier with evidence decides. When that tier points at several
 * accounts (two accounts share a domain, a thread has people from several customers)
 * it does not guess: no account, and the reason why — unless exactly one of them is
 * also backed by weaker evidence (its name is on the page), which then wins.
 */
import type { Reason } from '../types';
import { TIER_WEIGHT, TIERS, type AccountEvidence, type Tier } from './evidence';

export interface Decision {
  /** The chosen account's index, or null. */
  chosen: number | null;
  /** The tier that decided (also when it chose nobody). */
  tier: Tier | null;
  /** Why several accounts at that tier could not be told apart. */
  ambiguity: Reason[];
}

export function decide(g: AccountEvidence): Decision {
  const tier = TIERS.find((t) => g.tierAccounts[t].length > 0) ?? null;
  if (!tier) return { chosen: null, tier, ambiguity: [] };
  const list = g.tierAccounts[tier];
  // Page text picks only what it singles out (utils/match/pageText.ts); otherwise every find is a candidate.
  if (tier === 'text') return { chosen: g.textPick, tier, ambiguity: [] };
  if (list.length === 1) return { chosen: list[0], tier, ambiguity: [] };
  // Several accounts at the strongest tier: say why, and take one only if the evidence singles it out.
  const ambiguity: Reason[] = [];
  if (tier === 'website' || tier === 'email') {
    const covering = coveringAccount(g, tier, list, ambiguity);
    if (covering !== null) return { chosen: covering, tier, ambiguity };
  }
  return { chosen: backedByWeaker(g, tier, list), tier, ambiguity };
}

/**
 * The one account every domain of the tier points at (some also at others), or null;
 * adds the shared-domain and several-companies reasons to `ambiguity`.
 */
function coveringAccount(g: AccountEvidence, tier: 'website' | 'email', list: readonly number[], ambiguity: Reason[]): number | null {
  const hits = g.domainHits.filter((h) => h.tier === tier);
  for (const h of hits) if (h.accounts.length > 1) ambiguity.push({ code: 'shared_domain', params: { domain: h.domain, count: h.accounts.length } });
  const covering = list.filter((ai) => hits.every((h) => h.accounts.includes(ai)));
  if (hits.length > 1 && covering.length === 1) return covering[0];
  if (!covering.length) ambiguity.push({ code: 'several_companies', params: { count: companies(hits.map((h) => h.accounts)) } });
  return null;
}

/** The heaviest account when weaker evidence (the name on the page, a domain from a lower tier) backs it alone. */
function backedByWeaker(g: AccountEvidence, tier: Tier, list: readonly number[]): number | null {
  const sorted = [...list].sort((x, y) => g.evidence.get(y)!.weight - g.evidence.get(x)!.weight);
  const best = g.evidence.get(sorted[0])!;
  const second = g.evidence.get(sorted[1])!;
  return best.weight - TIER_WEIGHT[tier] >= TIER_WEIGHT.name - 10 && best.weight > second.weight ? best.account : null;
}

/** How many separate companies a set of domain hits names: accounts joined by a shared domain count once. */
export function companies(groups: readonly (readonly number[])[]): number {
  const merged: Set<number>[] = [];
  for (const g of groups) {
    const joined = new Set(g);
    for (let i = merged.length - 1; i >= 0; i--) {
      if ([...merged[i]].some((a) => joined.has(a))) {
        for (const a of merged[i]) joined.add(a);
        merged.splice(i, 1);
      }
    }
    merged.push(joined);
  }
  return merged.length;
}
