/**
 * What a page says about which account it shows, gathered tier by tier, strongest
 * first: a manual pick; the CRM record id; the registrable domain of the website
 * field; the registrable domain of e-mail participants (our own and free-mail domains
 * skipped, and said so); the normalised name or an alias; the pack's names in the
 * visible text of a page the adapter could not read. Nothing here decides.
 */
import { CRM_SITES, type CrmSite } from '../../pack/schema';
import type { PageContext } from '../../sites/types';
import { hostChain, hostOf, isFreeMail, registrableDomain } from '../domains';
import { crmKey, nameEntry, type PackIndex } from '../index';
import { normalizeName } from '../normalize';
import { accountsInText, pickFromText } from '../pageText';
import type { MatchResult, Reason } from '../types';

/** text: the account's name found in a record page's visible text (the page-text reading layer only). */
export type Tier = 'manual' | 'crm' | 'website' | 'email' | 'name' | 'text';
export const TIER_WEIGHT: Record<Tier, number> = { manual: 1000, crm: 100, website: 80, email: 60, name: 50, text: 20 };
export const TIER_CONFIDENCE: Record<Tier, number> = { manual: 1, crm: 0.99, website: 0.95, email: 0.85, name: 0.8, text: 0.6 };
export const TIERS: readonly Tier[] = ['manual', 'crm', 'website', 'email', 'name', 'text'];
export const MAX_CANDIDATES = 5;

const ACCOUNT_RECORDS = new Set(['account', 'company', 'organization']);

export interface Evidence {
  account: number;
  /** Sum of the weights of every tier that points here (each tier counted once). */
  weight: number;
  tiers: Set<Tier>;
  reasons: Reason[];
  /** People in the thread from this account's domains. */
  people: number;
  alias: boolean;
}

/** A domain lookup that found accounts: tells a shared domain from several companies. */
export interface DomainHit {
  tier: 'website' | 'email';
  domain: string;
  accounts: readonly number[];
}

export interface AccountEvidence {
  /** Per account, in the order it was first found. */
  evidence: Map<number, Evidence>;
  /** Per tier, the accounts it points at, in the order found. */
  tierAccounts: Record<Tier, number[]>;
  domainHits: DomainHit[];
  lookedFor: MatchResult['lookedFor'];
  /** Skipped domains, said out loud. */
  notes: Reason[];
  /** The thread's addresses, ours left out, deduplicated and lower-cased. */
  emails: string[];
  /** The account name the page shows, and whether it (or an alias) is in the pack as written. */
  pageName: string | null;
  exactName: boolean;
  /** The account the page text singles out, when that tier was read at all. */
  textPick: number | null;
}

export function isCrm(site: string): site is CrmSite {
  return (CRM_SITES as readonly string[]).includes(site);
}

/** Every tier's evidence for `ctx`, the manual pick included. */
export function gatherEvidence(index: PackIndex, ctx: PageContext, manualAccountId: string | null | undefined): AccountEvidence {
  const g: AccountEvidence = {
    evidence: new Map(),
    tierAccounts: { manual: [], crm: [], website: [], email: [], name: [], text: [] },
    domainHits: [],
    lookedFor: { ids: [], domains: [], names: [], emails: [] },
    notes: [],
    emails: [],
    pageName: null,
    exactName: false,
    textPick: null,
  };
  fromManualPick(index, g, manualAccountId);
  fromCrmIds(index, ctx, g);
  fromDomains(index, ctx, g);
  fromName(index, ctx, g);
  fromPageText(index, ctx, g);
  return g;
}

function evidenceOf(g: AccountEvidence, ai: number): Evidence {
  let e = g.evidence.get(ai);
  if (!e) g.evidence.set(ai, (e = { account: ai, weight: 0, tiers: new Set(), reasons: [], people: 0, alias: false }));
  return e;
}

/** Records that `tier` points at account `ai` because of `reason` (each tier weighs once, each reason is kept once). */
function add(g: AccountEvidence, tier: Tier, ai: number, reason: Reason): Evidence {
  const e = evidenceOf(g, ai);
  if (!e.tiers.has(tier)) {
    e.tiers.add(tier);
    e.weight += TIER_WEIGHT[tier];
    g.tierAccounts[tier].push(ai);
  }
  if (!e.reasons.some((r) => r.code === reason.code && sameParams(r.params, reason.params))) e.reasons.push(reason);
  return e;
}

/** The account's name and id, the params every account reason carries. */
function who(index: PackIndex, ai: number): { account: string; accountId: string } {
  const a = index.accounts.at(ai)!;
  return { account: a.name, accountId: a.id };
}

function fromManualPick(index: PackIndex, g: AccountEvidence, manualAccountId: string | null | undefined): void {
  if (!manualAccountId) return;
  const ai = index.ids.last(manualAccountId);
  if (ai >= 0) add(g, 'manual', ai, { code: 'manual', params: who(index, ai) });
}

function fromCrmIds(index: PackIndex, ctx: PageContext, g: AccountEvidence): void {
  if (!isCrm(ctx.site)) return;
  const ids: string[] = [];
  if (ctx.recordId && ACCOUNT_RECORDS.has(ctx.recordType)) ids.push(ctx.recordId);
  if (ctx.accountId) ids.push(ctx.accountId);
  for (const id of new Set(ids)) {
    g.lookedFor.ids.push(id);
    for (const ai of index.byCrmId.all(crmKey(ctx.site, id))) add(g, 'crm', ai, { code: 'crm_id', params: { site: ctx.site, id, ...who(index, ai) } });
  }
}

/** Website fields, then e-mail participants. */
function fromDomains(index: PackIndex, ctx: PageContext, g: AccountEvidence): void {
  const ownEmail = ctx.ownEmail?.trim().toLowerCase() || null;
  // The signed-in user's domain is ours even when the pack forgot to list it (unless it is free mail).
  const userHost = ownEmail ? hostOf(ownEmail) : null;
  const userDomain = userHost && !isFreeMail(userHost, index.extraFreeMail) ? registrableDomain(userHost) : null;
  const lookup = domainLookup(index, g, userDomain);
  for (const d of ctx.domains ?? []) lookup(d, 'website');

  const seen = new Set<string>();
  for (const raw of [...(ctx.emails ?? []), ...(ctx.participants ?? []).map((p) => p.email)]) {
    const e = raw?.trim().toLowerCase();
    if (!e || !e.includes('@') || seen.has(e) || e === ownEmail) continue;
    seen.add(e);
    g.emails.push(e);
  }
  // Our colleagues and free-mail senders are not looked for, so the empty state does not list them.
  for (const e of g.emails) if (lookup(e, 'email')) g.lookedFor.emails.push(e);
}

/** Looks a domain (or an address's) up; false when it was not looked for at all (ours, free mail, no host). */
function domainLookup(index: PackIndex, g: AccountEvidence, userDomain: string | null) {
  const skipped = new Set<string>();
  const skip = (code: 'own_domain_skipped' | 'free_mail_skipped', reg: string) => {
    if (!skipped.has(reg)) g.notes.push({ code, params: { domain: reg } });
    skipped.add(reg);
    return false;
  };
  return (input: string, tier: 'website' | 'email'): boolean => {
    const host = hostOf(input);
    if (!host) return false;
    const reg = registrableDomain(host) ?? host;
    if (index.ownDomains.has(host) || index.ownDomains.has(reg) || reg === userDomain) return skip('own_domain_skipped', reg);
    if (isFreeMail(host, index.extraFreeMail)) return skip('free_mail_skipped', reg);
    if (!g.lookedFor.domains.includes(reg)) g.lookedFor.domains.push(reg);
    const { key, found } = accountsAtHost(index, host, reg);
    if (!found.length) return true;
    for (const ai of found) {
      const e = add(g, tier, ai, { code: 'domain', params: { domain: key, ...who(index, ai), source: tier } });
      if (tier === 'email') e.people++;
    }
    if (!g.domainHits.some((h) => h.tier === tier && h.domain === key)) g.domainHits.push({ tier, domain: key, accounts: found });
    return true;
  };
}

/** The accounts of the most specific listed host ("eu.acme.com" before "acme.com"), else of the registrable domain. */
function accountsAtHost(index: PackIndex, host: string, reg: string): { key: string; found: readonly number[] } {
  for (const h of hostChain(host, reg)) {
    const found = index.byDomain.all(h);
    if (found.length) return { key: h, found };
  }
  return { key: reg, found: index.byRegistrable.all(reg) };
}

function fromName(index: PackIndex, ctx: PageContext, g: AccountEvidence): void {
  const pageName = ctx.accountName?.trim() || null;
  g.pageName = pageName;
  if (!pageName) return;
  g.lookedFor.names.push(pageName);
  for (const en of index.byName.all(normalizeName(pageName))) {
    const entry = nameEntry(index, en);
    g.exactName = true;
    const reason: Reason =
      entry.kind === 'name'
        ? { code: 'name', params: { name: pageName, ...who(index, entry.account) } }
        : { code: 'alias', params: { alias: entry.text, ...who(index, entry.account) } };
    const e = add(g, 'name', entry.account, reason);
    if (entry.kind === 'alias') e.alias = true;
  }
}

/** A page the adapter could not read: the pack's names in its visible text, only when nothing else found the account. */
function fromPageText(index: PackIndex, ctx: PageContext, g: AccountEvidence): void {
  if (!ctx.read || ctx.read.layer === 'selectors' || g.evidence.size !== 0) return;
  const hits = accountsInText(index, ctx.read.heading, ctx.text);
  for (const h of hits.slice(0, MAX_CANDIDATES + 2)) {
    add(g, 'text', h.account, {
      code: 'page_text',
      params: { name: h.text, ...who(index, h.account), where: h.inHeading ? 'heading' : 'text', count: h.count },
    });
  }
  g.textPick = pickFromText(hits)?.account ?? null;
}

function sameParams(a: Record<string, string | number>, b: Record<string, string | number>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => a[k] === b[k]);
}
