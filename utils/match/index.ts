/**
 * The pack index: everything `matchPage` needs, built once per active pack (stored
 * beside it, and restored when the service worker wakes: persist.ts). Account lookups
 * are typed-array hash tables (keyTable.ts); the competitor automaton and
 * the fuzzy-name index are built here so a match allocates nothing proportional to the
 * pack.
 */
import { CRM_SITES, type Account, type CrmSite, type KnowledgePack, type Playbook, type Text } from '../pack/schema';
import type { Automaton } from './automaton';
import { buildCompetitorIndex, type CompetitorIndex, type CompetitorTables } from './competitors';
import { hostOf, registrableOfHost as getRegistrable } from './domains';
import { FuzzyIndex, FuzzyIndexBuilder } from './fuzzy';
import { KeyTable, KeyTableBuilder } from './keyTable';
import { isAsciiAlnum, normalizeLoose, normalizeName } from './normalize';

export interface NameEntry {
  account: number;
  kind: 'name' | 'alias';
  /** The name or alias as the pack writes it. */
  text: string;
}

/** Accounts by position: an array has this, and so has a packed list that decodes on demand. */
export interface AccountList {
  readonly length: number;
  at(i: number): Account | undefined;
}

export interface PlaybookStages {
  playbook: Playbook;
  /** site → CRM stage name (normalised) → stage id; only sites the playbook maps. */
  bySite: Map<CrmSite, Map<string, string>>;
  /** Every CRM's names, then the stage's own names and id → stage id. */
  any: Map<string, string>;
}

/**
 * The account side of the index: typed-array tables (keyTable.ts), so it costs no
 * Map entries, and is stored and restored as it is (persist.ts).
 */
export interface AccountTables {
  /** Account id → account index (the last account of an id, as a Map would keep). */
  ids: KeyTable;
  /** `crmKey(site, id)` → account indices. */
  byCrmId: KeyTable;
  /** A domain exactly as an account lists it → account indices (several when accounts share it). */
  byDomain: KeyTable;
  /** The registrable domain of listed subdomains ("eu.acme.com" → "acme.com"): a weaker fallback. */
  byRegistrable: KeyTable;
  /** Normalised name or alias → name entry ids. */
  byName: KeyTable;
  /** Per name entry: its account, and which alias of it (-1: the account's name). */
  nameAccount: Int32Array;
  nameAlias: Int32Array;
}

export interface PackIndex extends AccountTables {
  pack: KnowledgePack;
  /** The pack's accounts: its array, or (restored on a wake) a packed list that decodes the few a page needs (utils/store/packedAccounts.ts). */
  accounts: AccountList;
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
  if (site === 'salesforce' && s.length === 18 && isAlnum(s)) s = s.slice(0, 15);
  else if (site === 'dynamics') s = s.replace(/[{}]/g, '').toLowerCase();
  // One character for the site (not its name): 50k CRM ids are a megabyte less to hold and store.
  const code = SITE_CODE.get(site);
  return code !== undefined ? code + s : `${site}\u0000${s}`;
}

const SITE_CODE = new Map<string, string>(CRM_SITES.map((site, i) => [site, String.fromCharCode(1 + i)]));

/** Only ASCII letters and digits (a character loop: the regular expression was half of `crmKey` at index build). */
function isAlnum(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isAsciiAlnum(s.charCodeAt(i))) return false;
  return true;
}

/** A pack text in the pack's default locale (plain strings as they are). */
export function textIn(text: Text | undefined, locale: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[locale] ?? Object.values(text)[0] ?? '';
}

/** Name entry `e` as the matcher reports it. */
export function nameEntry(index: Pick<PackIndex, 'accounts' | 'nameAccount' | 'nameAlias'>, e: number): NameEntry {
  const account = index.nameAccount[e];
  const alias = index.nameAlias[e];
  const a = index.accounts.at(account)!;
  return alias < 0 ? { account, kind: 'name', text: a.name } : { account, kind: 'alias', text: a.aliases[alias] };
}

export function buildIndex(pack: KnowledgePack): PackIndex {
  const t0 = performance.now();
  const { tables, fuzzy } = indexAccounts(pack.accounts);
  return assembleIndex(pack, tables, fuzzy, null, t0);
}

/**
 * The index from its parts: the account tables, the fuzzy index and the automaton are
 * built here or restored from storage (persist.ts); the rest is small and rebuilt.
 */
export function assembleIndex(
  pack: KnowledgePack,
  tables: AccountTables,
  fuzzy: FuzzyIndex,
  competitors: { automaton: Automaton; tables: CompetitorTables } | null,
  t0 = performance.now(),
  accounts: AccountList = pack.accounts,
): PackIndex {
  const index: PackIndex = {
    pack,
    accounts,
    ...tables,
    fuzzy,
    competitors: buildCompetitorIndex(pack.competitors, competitors ?? undefined),
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
export function indexAccounts(accounts: readonly Account[]): { tables: AccountTables; fuzzy: FuzzyIndex } {
  const n = accounts.length;
  const ids = new KeyTableBuilder(n);
  const byCrmId = new KeyTableBuilder(n);
  const byDomain = new KeyTableBuilder(n);
  const byRegistrable = new KeyTableBuilder(64);
  const byName = new KeyTableBuilder(n);
  // At most one entry per name and alias: sized once, typed (nothing for a scavenge to copy).
  let names = n;
  for (let ai = 0; ai < n; ai++) names += accounts[ai].aliases.length;
  const nameAccount = new Int32Array(names);
  const nameAlias = new Int32Array(names);
  let entries = 0;
  const fuzzy = new FuzzyIndexBuilder(names);
  const addName = (ai: number, text: string, alias: number) => {
    const key = normalizeName(text);
    if (!key) return;
    const k = byName.intern(key);
    // One entry per account and key: the name wins over an alias that normalises the same.
    // An account's entries are added one after another, so an earlier one under this key is its last value.
    const last = byName.lastOf(k);
    if (last >= 0 && nameAccount[last] === ai) return;
    const e = entries++;
    nameAccount[e] = ai;
    nameAlias[e] = alias;
    fuzzy.add(key);
    byName.addAt(k, e);
  };

  for (let ai = 0; ai < n; ai++) {
    const a = accounts[ai];
    ids.add(a.id, ai);
    if (a.crmIds) {
      for (const site in a.crmIds) for (const id of a.crmIds[site as CrmSite] ?? []) byCrmId.add(crmKey(site, id), ai);
    }
    for (const d of a.domains) {
      const host = hostOf(d);
      if (!host) continue;
      byDomain.add(host, ai);
      // A host of two labels or fewer is its own registrable domain or has none (a public suffix):
      // either way no parent to add, and no public-suffix lookup (a tenth of the build at 50k accounts).
      if (host.indexOf('.') === host.lastIndexOf('.')) continue;
      const reg = getRegistrable(host);
      if (reg && reg !== host) byRegistrable.add(reg, ai);
    }
    addName(ai, a.name, -1);
    for (let k = 0; k < a.aliases.length; k++) addName(ai, a.aliases[k], k);
  }
  return {
    tables: {
      ids: ids.build(),
      byCrmId: byCrmId.build(),
      byDomain: byDomain.build(),
      byRegistrable: byRegistrable.build(),
      byName: byName.build(),
      nameAccount: nameAccount.slice(0, entries),
      nameAlias: nameAlias.slice(0, entries),
    },
    fuzzy: fuzzy.build(),
  };
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
