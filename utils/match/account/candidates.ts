/**
 * "Did you mean": every other account with evidence, weakest confidence where the
 * decision left it ambiguous, then fuzzy names. Fuzzy names are only ever candidates.
 */
import type { PackIndex } from '../index';
import { normalizeName } from '../normalize';
import type { AccountCandidate } from '../types';
import { MAX_CANDIDATES, TIER_CONFIDENCE, TIERS, type AccountEvidence, type Evidence, type Tier } from './evidence';
import type { Decision } from './decide';

/** Fuzzy names at or above this Dice similarity become "did you mean" candidates. */
export const FUZZY_THRESHOLD = 0.6;

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

export function candidatesFor(index: PackIndex, g: AccountEvidence, d: Decision): AccountCandidate[] {
  const candidates = evidenceCandidates(index, g, d);
  candidates.push(...fuzzyCandidates(index, g, d.chosen, candidates));
  if (candidates.length > MAX_CANDIDATES && d.chosen !== null) candidates.length = MAX_CANDIDATES;
  return candidates;
}

function evidenceCandidates(index: PackIndex, g: AccountEvidence, { chosen, tier, ambiguity }: Decision): AccountCandidate[] {
  const tierOf = (e: Evidence): Tier => TIERS.find((t) => e.tiers.has(t))!;
  const others = [...g.evidence.values()].filter((e) => e.account !== chosen).sort((x, y) => y.weight - x.weight || y.people - x.people);
  return others.map((e) => {
    const t = tierOf(e);
    let confidence = TIER_CONFIDENCE[t] * (e.alias ? 0.95 : 1);
    if (chosen === null && tier === t) confidence /= Math.max(2, g.tierAccounts[t].length);
    else if (chosen !== null) confidence = Math.min(confidence, 0.5);
    const reasons = [...e.reasons];
    for (const r of ambiguity) if (tier === t) reasons.push(r);
    const a = index.accounts.at(e.account)!;
    return { accountId: a.id, name: a.name, confidence: round2(confidence), reasons };
  });
}

/** Accounts whose names are near the page's, when no name or alias matched it as written. */
function fuzzyCandidates(index: PackIndex, g: AccountEvidence, chosen: number | null, already: readonly AccountCandidate[]): AccountCandidate[] {
  const pageName = g.pageName;
  if (!pageName || g.exactName) return [];
  const out: AccountCandidate[] = [];
  for (const hit of index.fuzzy.search(normalizeName(pageName), FUZZY_THRESHOLD, MAX_CANDIDATES + 2)) {
    const ai = index.nameAccount[hit.entry];
    const a = index.accounts.at(ai)!;
    if (ai === chosen || already.some((c) => c.accountId === a.id) || out.some((c) => c.accountId === a.id)) continue;
    out.push({
      accountId: a.id,
      name: a.name,
      confidence: round2(hit.score * 0.6),
      reasons: [{ code: 'fuzzy', params: { name: pageName, account: a.name, accountId: a.id, score: round2(hit.score) } }],
    });
  }
  return out;
}
