/**
 * PageContext → MatchResult, pure. See docs/matching.md.
 *
 * Account, strongest evidence first: a manual pick; the CRM record id; the registrable
 * domain of the website field; the registrable domain of e-mail participants (our own
 * and free-mail domains skipped, and said so); the normalised name or an alias. The
 * first tier with evidence decides. When that tier points at several accounts (two
 * accounts share a domain, a thread has people from several customers) the matcher
 * does not guess: accountId is null and all of them are candidates with the reason —
 * unless exactly one of them is also backed by weaker evidence (its name is on the
 * page), which then wins. Fuzzy names are only ever candidates.
 */
import { CRM_SITES, type Account, type CrmSite, type Motion, type Playbook } from '../pack/schema';
import type { PageContext } from '../sites/types';
import { scoreHealth } from '../health/score';
import { detectCompetitors } from './competitors';
import { hostChain, hostOf, isFreeMail, registrableDomain } from './domains';
import { all, crmKey, textIn, type PackIndex, type PlaybookStages } from './index';
import { normalizeLoose, normalizeName } from './normalize';
import { accountsInText, pickFromText } from './pageText';
import type { AccountCandidate, MatchResult, Reason, StageMatch } from './types';

export interface MatchOptions {
  now?: Date;
  /** The account a person picked for this record; wins when it exists in the pack. */
  manualAccountId?: string | null;
  /** The stage last seen on a CRM page for this account, kept by the caller. */
  rememberedStage?: { playbookId: string; stageId: string; seenAt: string } | null;
}

/** Fuzzy names at or above this Dice similarity become "did you mean" candidates. */
export const FUZZY_THRESHOLD = 0.6;
const MAX_CANDIDATES = 5;

const ACCOUNT_RECORDS = new Set(['account', 'company', 'organization']);

/** text: the account's name found in a record page's visible text (the page-text reading layer only). */
type Tier = 'manual' | 'crm' | 'website' | 'email' | 'name' | 'text';
const TIER_WEIGHT: Record<Tier, number> = { manual: 1000, crm: 100, website: 80, email: 60, name: 50, text: 20 };
const TIER_CONFIDENCE: Record<Tier, number> = { manual: 1, crm: 0.99, website: 0.95, email: 0.85, name: 0.8, text: 0.6 };
const TIERS: readonly Tier[] = ['manual', 'crm', 'website', 'email', 'name', 'text'];

interface Evidence {
  account: number;
  /** Sum of the weights of every tier that points here (each tier counted once). */
  weight: number;
  tiers: Set<Tier>;
  reasons: Reason[];
  /** People in the thread from this account's domains. */
  people: number;
  alias: boolean;
}

function isCrm(site: string): site is CrmSite {
  return (CRM_SITES as readonly string[]).includes(site);
}

export function matchPage(index: PackIndex, ctx: PageContext, opts: MatchOptions = {}): MatchResult {
  const { accounts } = index;
  const now = opts.now ?? new Date();
  const lookedFor: MatchResult['lookedFor'] = { ids: [], domains: [], names: [], emails: [] };
  const notes: Reason[] = []; // skipped domains, said out loud
  const evidence = new Map<number, Evidence>();
  const tierAccounts: Record<Tier, number[]> = { manual: [], crm: [], website: [], email: [], name: [], text: [] };
  /** Every domain lookup that found accounts, per tier, to tell a shared domain from several companies. */
  const domainHits: { tier: 'website' | 'email'; domain: string; accounts: readonly number[] }[] = [];

  const ev = (ai: number): Evidence => {
    let e = evidence.get(ai);
    if (!e) evidence.set(ai, (e = { account: ai, weight: 0, tiers: new Set(), reasons: [], people: 0, alias: false }));
    return e;
  };
  const add = (tier: Tier, ai: number, reason: Reason) => {
    const e = ev(ai);
    if (!e.tiers.has(tier)) {
      e.tiers.add(tier);
      e.weight += TIER_WEIGHT[tier];
      tierAccounts[tier].push(ai);
    }
    if (!e.reasons.some((r) => r.code === reason.code && sameParams(r.params, reason.params))) e.reasons.push(reason);
  };
  const name = (ai: number) => accounts[ai].name;

  // 1. Manual pick.
  if (opts.manualAccountId) {
    const ai = index.accountIndexById.get(opts.manualAccountId);
    if (ai !== undefined) add('manual', ai, { code: 'manual', params: { account: name(ai), accountId: accounts[ai].id } });
  }

  // 2. CRM ids.
  if (isCrm(ctx.site)) {
    const ids: string[] = [];
    if (ctx.recordId && ACCOUNT_RECORDS.has(ctx.recordType)) ids.push(ctx.recordId);
    if (ctx.accountId) ids.push(ctx.accountId);
    for (const id of new Set(ids)) {
      lookedFor.ids.push(id);
      for (const ai of all(index.byCrmId, crmKey(ctx.site, id)))
        add('crm', ai, { code: 'crm_id', params: { site: ctx.site, id, account: name(ai), accountId: accounts[ai].id } });
    }
  }

  // 3. Domains: website fields, then e-mail participants.
  const ownEmail = ctx.ownEmail?.trim().toLowerCase() || null;
  // The signed-in user's domain is ours even when the pack forgot to list it (unless it is free mail).
  const userHost = ownEmail ? hostOf(ownEmail) : null;
  const userDomain = userHost && !isFreeMail(userHost, index.extraFreeMail) ? registrableDomain(userHost) : null;
  const skipped = new Set<string>();
  /** Looks the domain up; false when it was not looked for at all (ours, free mail, no host). */
  const lookupDomain = (input: string, tier: 'website' | 'email'): boolean => {
    const host = hostOf(input);
    if (!host) return false;
    const reg = registrableDomain(host) ?? host;
    if (index.ownDomains.has(host) || index.ownDomains.has(reg) || reg === userDomain) {
      if (!skipped.has(reg)) notes.push({ code: 'own_domain_skipped', params: { domain: reg } });
      skipped.add(reg);
      return false;
    }
    if (isFreeMail(host, index.extraFreeMail)) {
      if (!skipped.has(reg)) notes.push({ code: 'free_mail_skipped', params: { domain: reg } });
      skipped.add(reg);
      return false;
    }
    if (!lookedFor.domains.includes(reg)) lookedFor.domains.push(reg);
    let found: readonly number[] = [];
    let key = reg;
    for (const h of hostChain(host, reg)) {
      found = all(index.byDomain, h);
      if (found.length) {
        key = h;
        break;
      }
    }
    if (!found.length) found = all(index.byRegistrable, reg);
    if (!found.length) return true;
    for (const ai of found) {
      add(tier, ai, { code: 'domain', params: { domain: key, account: name(ai), accountId: accounts[ai].id, source: tier } });
      if (tier === 'email') ev(ai).people++;
    }
    if (!domainHits.some((h) => h.tier === tier && h.domain === key)) domainHits.push({ tier, domain: key, accounts: found });
    return true;
  };
  for (const d of ctx.domains ?? []) lookupDomain(d, 'website');

  const emails: string[] = [];
  const seenEmail = new Set<string>();
  for (const raw of [...(ctx.emails ?? []), ...(ctx.participants ?? []).map((p) => p.email)]) {
    const e = raw?.trim().toLowerCase();
    if (!e || !e.includes('@') || seenEmail.has(e) || e === ownEmail) continue;
    seenEmail.add(e);
    emails.push(e);
  }
  // Our colleagues and free-mail senders are not looked for, so the empty state does not list them.
  for (const e of emails) if (lookupDomain(e, 'email')) lookedFor.emails.push(e);

  // 4. Name and aliases.
  const pageName = ctx.accountName?.trim() || null;
  let exactName = false;
  if (pageName) {
    lookedFor.names.push(pageName);
    const key = normalizeName(pageName);
    for (const en of all(index.byName, key)) {
      const entry = index.nameEntries[en];
      exactName = true;
      const reason: Reason =
        entry.kind === 'name'
          ? { code: 'name', params: { name: pageName, account: name(entry.account), accountId: accounts[entry.account].id } }
          : { code: 'alias', params: { alias: entry.text, account: name(entry.account), accountId: accounts[entry.account].id } };
      add('name', entry.account, reason);
      if (entry.kind === 'alias') ev(entry.account).alias = true;
    }
  }

  // 5. A page the adapter could not read: the pack's names in its visible text, only when nothing else found the account.
  let textPick: number | null = null;
  if (ctx.read && ctx.read.layer !== 'selectors' && evidence.size === 0) {
    const hits = accountsInText(index, ctx.read.heading, ctx.text);
    for (const h of hits.slice(0, MAX_CANDIDATES + 2)) {
      add('text', h.account, {
        code: 'page_text',
        params: { name: h.text, account: name(h.account), accountId: accounts[h.account].id, where: h.inHeading ? 'heading' : 'text', count: h.count },
      });
    }
    textPick = pickFromText(hits)?.account ?? null;
  }

  // 6. Decide: the first tier with evidence.
  let chosen: number | null = null;
  let chosenTier: Tier | null = null;
  const accountReasons: Reason[] = [];
  const ambiguity: Reason[] = [];
  for (const tier of TIERS) {
    const list = tierAccounts[tier];
    if (!list.length) continue;
    chosenTier = tier;
    // Page text picks only what it singles out (utils/match/pageText.ts); otherwise every find is a candidate.
    if (tier === 'text') {
      chosen = textPick;
      break;
    }
    if (list.length === 1) {
      chosen = list[0];
      break;
    }
    // Several accounts at the strongest tier: say why, and take one only if the evidence singles it out.
    if (tier === 'website' || tier === 'email') {
      const hits = domainHits.filter((h) => h.tier === tier);
      for (const h of hits) if (h.accounts.length > 1) ambiguity.push({ code: 'shared_domain', params: { domain: h.domain, count: h.accounts.length } });
      // Every domain in the thread points at one account (and some also at others): that account.
      const covering = list.filter((ai) => hits.every((h) => h.accounts.includes(ai)));
      if (hits.length > 1 && covering.length === 1) {
        chosen = covering[0];
        break;
      }
      if (!covering.length) ambiguity.push({ code: 'several_companies', params: { count: companies(hits.map((h) => h.accounts)) } });
    }
    const sorted = [...list].sort((x, y) => evidence.get(y)!.weight - evidence.get(x)!.weight);
    const best = evidence.get(sorted[0])!;
    const second = evidence.get(sorted[1])!;
    // Weaker evidence (the name on the page, a domain from a lower tier) for exactly one of them.
    if (best.weight - TIER_WEIGHT[tier] >= TIER_WEIGHT.name - 10 && best.weight > second.weight) chosen = best.account;
    break;
  }
  if (chosen !== null) accountReasons.push(...evidence.get(chosen)!.reasons);
  else accountReasons.push(...ambiguity);
  accountReasons.push(...notes);

  // Candidates: every other account with evidence, then fuzzy names.
  const candidates: AccountCandidate[] = [];
  const tierOf = (e: Evidence): Tier => TIERS.find((t) => e.tiers.has(t))!;
  const others = [...evidence.values()].filter((e) => e.account !== chosen).sort((x, y) => y.weight - x.weight || y.people - x.people);
  for (const e of others) {
    const t = tierOf(e);
    let confidence = TIER_CONFIDENCE[t] * (e.alias ? 0.95 : 1);
    if (chosen === null && chosenTier === t) confidence /= Math.max(2, tierAccounts[t].length);
    else if (chosen !== null) confidence = Math.min(confidence, 0.5);
    const reasons = [...e.reasons];
    for (const r of ambiguity) if (chosenTier === t) reasons.push(r);
    candidates.push({ accountId: accounts[e.account].id, name: accounts[e.account].name, confidence: round2(confidence), reasons });
  }
  if (pageName && !exactName) {
    const key = normalizeName(pageName);
    for (const hit of index.fuzzy.search(key, FUZZY_THRESHOLD, MAX_CANDIDATES + 2)) {
      const ai = index.nameEntries[hit.entry].account;
      if (ai === chosen || candidates.some((c) => c.accountId === accounts[ai].id)) continue;
      candidates.push({
        accountId: accounts[ai].id,
        name: accounts[ai].name,
        confidence: round2(hit.score * 0.6),
        reasons: [{ code: 'fuzzy', params: { name: pageName, account: accounts[ai].name, accountId: accounts[ai].id, score: round2(hit.score) } }],
      });
    }
  }
  if (candidates.length > MAX_CANDIDATES && chosen !== null) candidates.length = MAX_CANDIDATES;

  const account: Account | null = chosen === null ? null : accounts[chosen];
  if (!account && !candidates.length) {
    const looked = [...lookedFor.ids, ...lookedFor.domains, ...lookedFor.names.map((n) => `“${n}”`)].join(', ');
    accountReasons.push({ code: 'no_account', params: { looked } });
  }

  // Competitors.
  const competitors = detectCompetitors(index.competitors, {
    texts: [ctx.subject, ctx.text],
    crmField: ctx.competitorsField ?? [],
    addresses: emails,
    inPlay: account?.competitors ?? [],
    accountName: account?.name ?? null,
  });

  // Playbook and stage.
  const { playbook, playbookReasons, crmStageId } = choosePlaybook(index, ctx, account, opts);
  const stage = chooseStage(index, ctx, account, playbook, crmStageId, opts);

  return {
    accountId: account?.id ?? null,
    accountReasons,
    candidates,
    competitors,
    playbookId: playbook?.id ?? null,
    playbookReasons,
    stage,
    health: account ? scoreHealth(index.pack.healthModel, account, now) : null,
    lookedFor,
  };
}

/** How many separate companies a set of domain hits names: accounts joined by a shared domain count once. */
function companies(groups: readonly (readonly number[])[]): number {
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

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function sameParams(a: Record<string, string | number>, b: Record<string, string | number>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => a[k] === b[k]);
}

/** The stage id a CRM stage name maps to in `ps`: the site's own names when the playbook maps that site, else any CRM's. */
export function lookupStage(ps: PlaybookStages, site: string, stageName: string): string | null {
  const key = normalizeLoose(stageName);
  if (!key) return null;
  const own = isCrm(site) ? ps.bySite.get(site) : undefined;
  if (own) return own.get(key) ?? null;
  return ps.any.get(key) ?? null;
}

/** Keywords that imply a motion in an opportunity type nobody listed ("Renewal FY27", "Paid pilot"). */
const MOTION_WORDS: [Motion, RegExp][] = [
  ['renewal_expansion', /renew|expan|upsell|up-sell|cross-sell|existing|续约|续费|扩展|增购/i],
  ['poc', /\bpoc\b|pilot|trial|proof of concept|evaluation|试点|概念验证|试用/i],
  ['new_business', /\bnew\b|newbusiness|new logo|新业务|新客户/i],
];

function bySegment(list: readonly Playbook[], segment: string | undefined): Playbook | undefined {
  if (segment) {
    const s = segment.toLowerCase();
    const exact = list.find((p) => p.segments.some((x) => x.toLowerCase() === s));
    if (exact) return exact;
  }
  return list.find((p) => !p.segments.length) ?? list[0];
}

function choosePlaybook(
  index: PackIndex,
  ctx: PageContext,
  account: Account | null,
  opts: MatchOptions,
): { playbook: Playbook | null; playbookReasons: Reason[]; crmStageId: string | null } {
  const { pack } = index;
  const loc = index.defaultLocale;
  const reasonParams = (p: Playbook) => ({ playbook: textIn(p.name, loc), playbookId: p.id });
  const segment = account?.segment;

  // Opportunity type: listed by a playbook, else a motion word in it.
  const type = ctx.opportunityType?.trim();
  if (type) {
    const listed = index.playbooksByType.get(normalizeLoose(type));
    let p = listed?.length ? bySegment(listed, segment) : undefined;
    if (!p) {
      const motion = MOTION_WORDS.find(([, re]) => re.test(type))?.[0];
      if (motion) p = bySegment(pack.playbooks.filter((x) => x.motion === motion), segment);
    }
    if (p) {
      const crmStageId = ctx.stage ? lookupStage(index.playbookById.get(p.id)!, ctx.site, ctx.stage) : null;
      return { playbook: p, playbookReasons: [{ code: 'playbook_motion', params: { ...reasonParams(p), motion: p.motion, type } }], crmStageId };
    }
  }

  // The CRM stage name, when exactly one playbook knows it.
  if (ctx.stage) {
    const hits: { p: Playbook; stageId: string }[] = [];
    for (const ps of index.playbookById.values()) {
      const stageId = lookupStage(ps, ctx.site, ctx.stage);
      if (stageId) hits.push({ p: ps.playbook, stageId });
    }
    if (hits.length === 1) {
      const { p, stageId } = hits[0];
      return {
        playbook: p,
        playbookReasons: [{ code: 'playbook_stage', params: { ...reasonParams(p), motion: p.motion, stage: ctx.stage, source: 'crm' } }],
        crmStageId: stageId,
      };
    }
    if (hits.length > 1) {
      // Several playbooks share the name: the account's known playbook or segment decides among them.
      const known = [opts.rememberedStage?.playbookId, account?.stage?.playbookId].find((id) => id && hits.some((h) => h.p.id === id));
      const pick = known ? hits.find((h) => h.p.id === known)! : null;
      const bySeg = pick ?? hits.find((h) => h.p === bySegment(hits.map((x) => x.p).filter((x) => x.motion === 'new_business'), segment));
      if (pick || bySeg) {
        const h = (pick ?? bySeg)!;
        const reasons: Reason[] = [{ code: 'playbook_stage', params: { ...reasonParams(h.p), motion: h.p.motion, stage: ctx.stage, source: 'crm' } }];
        if (!pick && segment) reasons.push({ code: 'playbook_segment', params: { ...reasonParams(h.p), segment } });
        return { playbook: h.p, playbookReasons: reasons, crmStageId: h.stageId };
      }
    }
  }

  // The stage last seen in the CRM, then the account's stage in the pack.
  const remembered = opts.rememberedStage;
  if (remembered && stageExists(index, remembered.playbookId, remembered.stageId)) {
    const p = index.playbookById.get(remembered.playbookId)!.playbook;
    return {
      playbook: p,
      playbookReasons: [
        { code: 'playbook_stage', params: { ...reasonParams(p), motion: p.motion, stage: stageName(index, p, remembered.stageId), source: 'remembered' } },
      ],
      crmStageId: null,
    };
  }
  if (account?.stage && stageExists(index, account.stage.playbookId, account.stage.stageId)) {
    const p = index.playbookById.get(account.stage.playbookId)!.playbook;
    return {
      playbook: p,
      playbookReasons: [
        { code: 'playbook_stage', params: { ...reasonParams(p), motion: p.motion, stage: stageName(index, p, account.stage.stageId), source: 'pack' } },
      ],
      crmStageId: null,
    };
  }

  // New business for the account's segment, else the first playbook.
  const nb = pack.playbooks.filter((p) => p.motion === 'new_business');
  if (nb.length) {
    const seg = segment?.toLowerCase();
    const exact = seg ? nb.find((p) => p.segments.some((x) => x.toLowerCase() === seg)) : undefined;
    const p = exact ?? nb.find((x) => !x.segments.length);
    if (p) {
      return {
        playbook: p,
        playbookReasons: [
          segment ? { code: 'playbook_segment', params: { ...reasonParams(p), segment } } : { code: 'playbook_default', params: reasonParams(p) },
        ],
        crmStageId: null,
      };
    }
  }
  const first = pack.playbooks[0] ?? null;
  return { playbook: first, playbookReasons: first ? [{ code: 'playbook_default', params: reasonParams(first) }] : [], crmStageId: null };
}

function stageExists(index: PackIndex, playbookId: string, stageId: string): boolean {
  return !!index.playbookById.get(playbookId)?.playbook.stages.some((s) => s.id === stageId);
}

function stageName(index: PackIndex, p: Playbook, stageId: string): string {
  const s = p.stages.find((x) => x.id === stageId);
  return s ? textIn(s.name, index.defaultLocale) : stageId;
}

function chooseStage(
  index: PackIndex,
  ctx: PageContext,
  account: Account | null,
  playbook: Playbook | null,
  crmStageId: string | null,
  opts: MatchOptions,
): StageMatch | null {
  if (!playbook) return null;
  const ps = index.playbookById.get(playbook.id)!;
  const stageId = crmStageId ?? (ctx.stage ? lookupStage(ps, ctx.site, ctx.stage) : null);
  if (stageId && ctx.stage) {
    return {
      playbookId: playbook.id,
      stageId,
      source: 'crm',
      reasons: [
        {
          code: 'stage_crm',
          params: { stage: ctx.stage, stageId, stageName: stageName(index, playbook, stageId), playbook: textIn(playbook.name, index.defaultLocale), playbookId: playbook.id, site: ctx.site },
        },
      ],
    };
  }
  const r = opts.rememberedStage;
  if (r && r.playbookId === playbook.id && stageExists(index, r.playbookId, r.stageId)) {
    return {
      playbookId: playbook.id,
      stageId: r.stageId,
      source: 'remembered',
      reasons: [{ code: 'stage_remembered', params: { stage: stageName(index, playbook, r.stageId), stageId: r.stageId, date: r.seenAt } }],
    };
  }
  const s = account?.stage;
  if (s && s.playbookId === playbook.id && stageExists(index, s.playbookId, s.stageId)) {
    return {
      playbookId: playbook.id,
      stageId: s.stageId,
      source: 'pack',
      reasons: [{ code: 'stage_pack', params: { stage: stageName(index, playbook, s.stageId), stageId: s.stageId } }],
    };
  }
  return null;
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
  for (const en of all(index.byName, key)) {
    const e = index.nameEntries[en];
    if (seen.has(e.account)) continue;
    seen.add(e.account);
    out.push({ accountId: index.accounts[e.account].id, name: index.accounts[e.account].name, score: 1, kind: e.kind });
  }
  if (out.length < limit) {
    for (const hit of index.fuzzy.search(key, threshold, limit + out.length)) {
      const ai = index.nameEntries[hit.entry].account;
      if (seen.has(ai)) continue;
      seen.add(ai);
      out.push({ accountId: index.accounts[ai].id, name: index.accounts[ai].name, score: round2(hit.score), kind: 'fuzzy' });
      if (out.length >= limit) break;
    }
  }
  return out.slice(0, limit);
}
