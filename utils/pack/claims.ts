/**
 * Claims with sources: the text of a claim whichever form it has, its age against the
 * pack's `claimMaxAgeDays`, every claim of a pack with its JSON path and owner (for the
 * stale report), and the "every claim names its source" rule. Pure.
 */
import type { Claim, KnowledgePack, Text } from './schema';
import type { PackError } from './validate';

/** The battlecard fields that hold claims, in the card's order. */
export const CLAIM_LISTS = ['whyWeWin', 'landmines', 'proofPoints'] as const;
export type ClaimList = (typeof CLAIM_LISTS)[number];
export type ClaimField = ClaimList | 'pricing';

const DAY = 86_400_000;

export function isSourced(c: Claim): c is Extract<Claim, { text: Text }> {
  return typeof c === 'object' && c !== null && 'text' in c;
}

/** The claim's text (a plain string or per-locale record), whether or not it carries a source. */
export function claimText(c: Claim): Text {
  return isSourced(c) ? c.text : c;
}

export interface ClaimMark {
  source: string | null;
  asOf: string | null;
  /** Days since `asOf` (null without one). */
  ageDays: number | null;
  /** Older than the pack's `claimMaxAgeDays`. */
  old: boolean;
}

export function ageInDays(asOf: string, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(`${asOf.slice(0, 10)}T00:00:00Z`)) / DAY);
}

/** What the sidebar shows under a claim; null for a plain claim (nothing to show). */
export function claimMark(c: Claim, maxAgeDays: number | undefined, now: Date): ClaimMark | null {
  if (!isSourced(c) || (c.source === undefined && c.asOf === undefined)) return null;
  const ageDays = c.asOf ? ageInDays(c.asOf, now) : null;
  return { source: c.source ?? null, asOf: c.asOf?.slice(0, 10) ?? null, ageDays, old: ageDays !== null && maxAgeDays !== undefined && ageDays > maxAgeDays };
}

export interface PackClaim {
  path: string;
  competitorId: string;
  competitor: string;
  owner: string;
  field: ClaimField;
  /** Position in the list (0 for pricing). */
  index: number;
  claim: Claim;
}

/** Every claim of the pack, in card order. */
export function packClaims(pack: KnowledgePack): PackClaim[] {
  const out: PackClaim[] = [];
  pack.competitors.forEach((c, ci) => {
    const at = `competitors[${ci}].battlecard`;
    const base = { competitorId: c.id, competitor: c.name, owner: c.owner };
    for (const field of CLAIM_LISTS) c.battlecard[field].forEach((claim, i) => out.push({ ...base, path: `${at}.${field}[${i}]`, field, index: i, claim }));
    if (c.battlecard.pricing !== undefined) out.push({ ...base, path: `${at}.pricing`, field: 'pricing', index: 0, claim: c.battlecard.pricing });
  });
  return out;
}

/** With `meta.requireClaimSources`: each claim without a source, by its path. */
export function claimSourceErrors(pack: KnowledgePack): PackError[] {
  if (!pack.meta.requireClaimSources) return [];
  return packClaims(pack)
    .filter((c) => !isSourced(c.claim) || !c.claim.source)
    .map((c) => ({ path: c.path, message: 'expected a source: this pack sets meta.requireClaimSources, so every claim is { text, source, asOf? }' }));
}

export interface OldClaim {
  competitorId: string;
  competitor: string;
  field: ClaimField;
  index: number;
  path: string;
  /** The claim's text in the report's language. */
  text: string;
  source: string | null;
  asOf: string;
  ageDays: number;
}

/** Claims dated longer ago than `claimMaxAgeDays`, grouped by card owner, oldest first. */
export function oldClaimsByOwner(pack: KnowledgePack, now: Date, localize: (t: Text) => string): { owner: string; claims: OldClaim[] }[] {
  const max = pack.meta.claimMaxAgeDays;
  if (max === undefined) return [];
  const byOwner = new Map<string, OldClaim[]>();
  for (const c of packClaims(pack)) {
    if (!isSourced(c.claim) || !c.claim.asOf) continue;
    const ageDays = ageInDays(c.claim.asOf, now);
    if (ageDays <= max) continue;
    const row: OldClaim = { competitorId: c.competitorId, competitor: c.competitor, field: c.field, index: c.index, path: c.path, text: localize(c.claim.text), source: c.claim.source ?? null, asOf: c.claim.asOf.slice(0, 10), ageDays };
    byOwner.set(c.owner, [...(byOwner.get(c.owner) ?? []), row]);
  }
  return [...byOwner].map(([owner, claims]) => ({ owner, claims: claims.sort((a, b) => b.ageDays - a.ageDays) }));
}
