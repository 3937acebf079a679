/**
 * What a pack may cost the match index. The index is built from the pack in the
 * service worker on every wake-up, so a pack that validates but builds a huge index
 * (megabytes of long, random competitor aliases make an automaton of hundreds of MB,
 * and past ~16 M states V8 throws "Map maximum size exceeded") would leave every view
 * failing. These bounds are counted from the validated pack, before anything is built.
 *
 * Measured on 50,000-account packs: the synthetic one of `npm run bench` has 92 k
 * pattern characters (26 k automaton states, 3 MB) and 0.98 M characters of account
 * names and aliases; the CRM-export-like one of `npm run bench:pack` has 2.4 M name
 * characters and 200 k lookup keys. Each bound leaves those packs 2.5× room or more
 * (names 3.3×); at the pattern bound the automaton stays under ~40 MB and builds in
 * one to three seconds.
 */
import type { KnowledgePack } from './schema';
import type { PackError } from './validate';
import { grouped } from './grouped';

/** Accounts in one pack (the largest customers we plan for have 50,000). */
export const MAX_ACCOUNTS = 100_000;
/** Characters of every competitor name, alias, keyword and exclusion (after NFKC): bounds the automaton's states. */
export const MAX_PATTERN_CHARS = 250_000;
/** Automaton states, checked on the built index (NFKC or folding could in theory add some). */
export const MAX_AUTOMATON_STATES = 250_001;
/** Characters of every account name and alias: bounds the fuzzy name index. */
export const MAX_NAME_CHARS = 8_000_000;
/** Keys in the exact-lookup maps: CRM ids, domains, names and aliases of all accounts. */
export const MAX_LOOKUP_KEYS = 1_000_000;

const n = grouped;

export interface IndexCost {
  accounts: number;
  patternChars: number;
  nameChars: number;
  lookupKeys: number;
  /** Where most of each cost is: the competitor with the most pattern characters, the account with the most names and keys. */
  heaviestCompetitor: { at: number; chars: number };
  heaviestAccount: { at: number; chars: number; keys: number };
}

/** What the pack would put into the match index, counted without building it. */
export function measureIndexCost(pack: KnowledgePack): IndexCost {
  let patternChars = 0;
  let heaviestCompetitor = { at: -1, chars: 0 };
  pack.competitors.forEach((c, ci) => {
    let chars = c.name.normalize('NFKC').length;
    for (const a of c.aliases) chars += (typeof a === 'string' ? a : a.text).normalize('NFKC').length;
    for (const k of [...c.keywords, ...c.exclusions]) chars += k.normalize('NFKC').length;
    patternChars += chars;
    if (chars > heaviestCompetitor.chars) heaviestCompetitor = { at: ci, chars };
  });
  let nameChars = 0;
  let lookupKeys = 0;
  let heaviestAccount = { at: -1, chars: 0, keys: 0 };
  // Plain loops over the accounts: no closure or list per account.
  for (let ai = 0; ai < pack.accounts.length; ai++) {
    const a = pack.accounts[ai];
    let chars = a.name.length;
    for (let i = 0; i < a.aliases.length; i++) chars += a.aliases[i].length;
    let keys = 1 + a.aliases.length + a.domains.length;
    const crm = a.crmIds as Record<string, string[] | undefined> | undefined;
    for (const site in crm) if (Object.prototype.hasOwnProperty.call(crm, site)) keys += crm[site]?.length ?? 0;
    nameChars += chars;
    lookupKeys += keys;
    if (chars + keys > heaviestAccount.chars + heaviestAccount.keys) heaviestAccount = { at: ai, chars, keys };
  }
  return { accounts: pack.accounts.length, patternChars, nameChars, lookupKeys, heaviestCompetitor, heaviestAccount };
}

/** The index bounds a shape-valid pack breaks, each naming where the bulk of the cost is. */
export function checkIndexCost(pack: KnowledgePack): PackError[] {
  const cost = measureIndexCost(pack);
  const { heaviestCompetitor: hc, heaviestAccount: ha } = cost;
  const errors: PackError[] = [];
  if (cost.accounts > MAX_ACCOUNTS) {
    errors.push({ path: 'accounts', message: `${n(cost.accounts)} accounts; a pack holds at most ${n(MAX_ACCOUNTS)}` });
  }
  if (cost.patternChars > MAX_PATTERN_CHARS) {
    errors.push({
      path: `competitors[${hc.at}].aliases`,
      message: `the names, aliases, keywords and exclusions of all competitors add up to ${n(cost.patternChars)} characters (${n(hc.chars)} of them here); at most ${n(MAX_PATTERN_CHARS)} are allowed, or matching pages would need too much memory`,
    });
  }
  if (cost.nameChars > MAX_NAME_CHARS) {
    errors.push({
      path: `accounts[${ha.at}].aliases`,
      message: `the names and aliases of all accounts add up to ${n(cost.nameChars)} characters (${n(ha.chars)} of them here); at most ${n(MAX_NAME_CHARS)} are allowed`,
    });
  }
  if (cost.lookupKeys > MAX_LOOKUP_KEYS) {
    errors.push({
      path: `accounts[${ha.at}]`,
      message: `the accounts list ${n(cost.lookupKeys)} names, aliases, domains and CRM ids in all (${n(ha.keys)} here); at most ${n(MAX_LOOKUP_KEYS)} are allowed`,
    });
  }
  return errors;
}
