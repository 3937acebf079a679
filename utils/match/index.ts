/**
 * The pack index: everything `matchPage` needs, built once per active pack (and again
 * after the service worker wakes). Lookups are Map reads; the competitor automaton and
 * the fuzzy-name index are built here so a match allocates nothing proportional to the
 * pack.
 */
import { CRM_SITES, type Account, type CrmSite, type KnowledgePack, type Playbook, type Text } from '../pack/schema';
import { buildCompetitorIndex, type CompetitorIndex } from './competitors';
import { hostOf, registrableOfHost as getRegistrable } from './domains';
import { FuzzyIndex } from './fuzzy';
import { normalizeLoose, normalizeName } from './normalize';

export interface NameEntry {
  account: number;
  kind: 'name' | 'alias';
  /** The name or alias as the pack writes it. */
  text: string;
}

export interface PlaybookStages {
  playbook: Playbook;
  /** site → CRM stage name (normalised) → stage id; only sites the playbook maps. */
  bySite: Map<CrmSite, Map<string, string>>;
  /** Every CRM's names, then the stage's own names and id → stage id. */
  any: Map<string, string>;
}

export interface PackIndex {
  pack: KnowledgePack;
  accounts: readonly Account[];
  accountIndexById: Map<string, number>;
  /** `${site}\u0000${normalised id}` → account indices (read with `all`). */
  byCrmId: Map<string, Multi>;
  /** A domain exactly as an account lists it → account indices (several when accounts share it). */
  byDomain: Map<string, Multi>;
  /** The registrable domain of listed subdomains ("eu.acme.com" → "acme.com"): a weaker fallback. */
  byRegistrable: Map<string, Multi>;
  /** Normalised name or alias → name entry indices. */
  byName: Map<string, Multi>;
  nameEntries: NameEntry[];
  fuzzy: FuzzyIndex;
  competitors: CompetitorIndex;
  playbookById: Map<string, PlaybookStages>;
  /** Normalised opportunity type → playbooks listing it. */
  playbooksByType: Map<string, Playbook[]>;
  ownDomains: Set<string>;
  extraFreeMail: Set<string>;
  defaultLocale: string;
  /** Index build time in ms (for the options page and benchmarks). */
  buildMs: number;
}

/** Normalised CRM id: Salesforce ids by their case-sensitive 15-character prefix, Dynamics GUIDs lower-case without braces. */
export function crmKey(site: string, id: string): string {
  let s = id.trim();
  if (site === 'salesforce' && /^[a-zA-Z0-9]{18}$/.test(s)) s = s.slice(0, 15);
  else if (site === 'dynamics') s = s.replace(/[{}]/g, '').toLowerCase();
  return `${site}\u0000${s}`;
}

/** A pack text in the pack's default locale (plain strings as they are). */
export function textIn(text: Text | undefined, locale: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[locale] ?? Object.values(text)[0] ?? '';
}

/**
 * Lookup maps hold one account index as a plain number and turn it into a list only
 * when a second account shares the key: at 50k accounts that saves ~200k small arrays.
 */
export type Multi = number | number[];

function push<K>(map: Map<K, Multi>, key: K, value: number) {
  const cur = map.get(key);
  if (cur === undefined) map.set(key, value);
  else if (typeof cur === 'number') {
    if (cur !== value) map.set(key, [cur, value]);
  } else if (!cur.includes(value)) cur.push(value);
}

/** The values under `key` as a list (empty when none). */
export function all<K>(map: Map<K, Multi>, key: K): readonly number[] {
  const v = map.get(key);
  return v === undefined ? NONE : typeof v === 'number' ? [v] : v;
}
const NONE: readonly number[] = Object.freeze([]);

export function buildIndex(pack: KnowledgePack): PackIndex {
  const t0 = performance.now();
  const { normalizedNames, ...byAccount } = indexAccounts(pack.accounts);
  const index: PackIndex = {
    pack,
    accounts: pack.accounts,
    ...byAccount,
    fuzzy: new FuzzyIndex(normalizedNames),
    competitors: buildCompetitorIndex(pack.competitors),
    ...indexPlaybooks(pack.playbooks),
    ownDomains: new Set(pack.meta.ownDomains.map((d) => d.toLowerCase())),
    extraFreeMail: new Set((pack.meta.freeMailDomains ?? []).map((d) => d.toLowerCase())),
    defaultLocale: pack.meta.defaultLocale,
    buildMs: 0,
  };
  index.buildMs = performance.now() - t0;
  return index;
}

/** Accounts by id, CRM id, host, registrable domain and normalised name or alias. */
function indexAccounts(accounts: readonly Account[]) {
  const accountIndexById = new Map<string, number>();
  const byCrmId = new Map<string, Multi>();
  const byDomain = new Map<string, Multi>();
  const byRegistrable = new Map<string, Multi>();
  const byName = new Map<string, Multi>();
  const nameEntries: NameEntry[] = [];
  const normalizedNames: string[] = [];
  const addName = (ai: number, text: string, kind: 'name' | 'alias') => {
    const key = normalizeName(text);
    if (!key) return;
    const cur = byName.get(key);
    // One entry per account and key: the name wins over an alias that normalises the same.
    if (cur !== undefined && (typeof cur === 'number' ? [cur] : cur).some((x) => nameEntries[x].account === ai)) return;
    const e = nameEntries.length;
    nameEntries.push({ account: ai, kind, text });
    normalizedNames.push(key);
    push(byName, key, e);
  };

  for (let ai = 0; ai < accounts.length; ai++) {
    const a = accounts[ai];
    accountIndexById.set(a.id, ai);
    if (a.crmIds) {
      for (const site of Object.keys(a.crmIds) as CrmSite[]) for (const id of a.crmIds[site] ?? []) push(byCrmId, crmKey(site, id), ai);
    }
    for (const d of a.domains) {
      const host = hostOf(d);
      if (!host) continue;
      push(byDomain, host, ai);
      const reg = getRegistrable(host);
      if (reg && reg !== host) push(byRegistrable, reg, ai);
    }
    addName(ai, a.name, 'name');
    for (const al of a.aliases) addName(ai, al, 'alias');
  }
  return { accountIndexById, byCrmId, byDomain, byRegistrable, byName, nameEntries, normalizedNames };
}

function indexPlaybooks(playbooks: readonly Playbook[]): Pick<PackIndex, 'playbookById' | 'playbooksByType'> {
  const playbookById = new Map<string, PlaybookStages>();
  const playbooksByType = new Map<string, Playbook[]>();
  for (const p of playbooks) {
    playbookById.set(p.id, playbookStages(p));
    for (const t of p.opportunityTypes ?? []) {
      const key = normalizeLoose(t);
      const list = playbooksByType.get(key);
      if (!list) playbooksByType.set(key, [p]);
      else if (!list.includes(p)) list.push(p);
    }
  }
  return { playbookById, playbooksByType };
}

/** A playbook's stages by the CRM stage names each site uses for them, and by any name. */
function playbookStages(p: Playbook): PlaybookStages {
  const bySite = new Map<CrmSite, Map<string, string>>();
  const any = new Map<string, string>();
  for (const s of p.stages) {
    for (const site of CRM_SITES) {
      for (const name of s.crmStages?.[site] ?? []) {
        const key = normalizeLoose(name);
        let m = bySite.get(site);
        if (!m) bySite.set(site, (m = new Map()));
        if (!m.has(key)) m.set(key, s.id);
        if (!any.has(key)) any.set(key, s.id);
      }
    }
  }
  // The stage's own names and id last, so a CRM mapping always wins.
  for (const s of p.stages) {
    const names = typeof s.name === 'string' ? [s.name] : Object.values(s.name);
    for (const n of [...names, s.id]) {
      const key = normalizeLoose(n);
      if (key && !any.has(key)) any.set(key, s.id);
    }
  }
  return { playbook: p, bySite, any };
}
