/**
 * What a pack may cost the match index. The index is built from the pack in the
 * service worker on every wake-up, so a pack that validates but builds a huge index
 * (megabytes of long, random competitor aliases make an automaton of hundreds of MB,
 * and past ~16 M states V8 throws "Map maximum size exceeded") would leave every view
 * failing. These bounds are counted from the validated pack, before anything is built.
 *
 * Measured on the 50,000-account synthetic pack (`npm run bench:pack`): 92 k pattern
 * characters (26 k automaton states, 3 MB), 65 k account names and aliases with 0.98 M
 * characters, 165 k lookup keys. Each bound leaves that pack 2.5× room or more; at the
 * bound the automaton stays under ~40 MB and builds in about a second.
 */
import type { KnowledgePack } from './schema';
import type { PackError } from './validate';

/** Accounts in one pack (the largest customers we plan for have 50,000). */
export const MAX_ACCOUNTS = 100_000;
/** Characters of every competitor name, alias, keyword and exclusion (after NFKC): bounds the automaton's states. */
export const MAX_PATTERN_CHARS = 250_000;
/** Automaton states, checked on the built index (NFKC or folding could in theory add some). */
export const MAX_AUTOMATON_STATES = 250_001;
/** Characters of every account name and alias: bounds the fuzzy name index. */
export const MAX_NAME_CHARS = 4_000_000;
/** Keys in the exact-lookup maps: CRM ids, domains, names and aliases of all accounts. */
export const MAX_LOOKUP_KEYS = 1_000_000;

const n = (x: number) => x.toLocaleString('en');

/** The index bounds a shape-valid pack breaks, each naming where the bulk of the cost is. */
export function checkIndexCost(pack: KnowledgePack): PackError[] {
  const errors: PackError[] = [];
  if (pack.accounts.length > MAX_ACCOUNTS) {
    errors.push({ path: 'accounts', message: `${n(pack.accounts.length)} accounts; a pack holds at most ${n(MAX_ACCOUNTS)}` });
  }

  let patternChars = 0;
  let heaviest = { at: -1, chars: 0 };
  pack.competitors.forEach((c, ci) => {
    let chars = c.name.normalize('NFKC').length;
    for (const a of c.aliases) chars += (typeof a === 'string' ? a : a.text).normalize('NFKC').length;
    for (const k of [...c.keywords, ...c.exclusions]) chars += k.normalize('NFKC').length;
    patternChars += chars;
    if (chars > heaviest.chars) heaviest = { at: ci, chars };
  });
  if (patternChars > MAX_PATTERN_CHARS) {
    errors.push({
      path: `competitors[${heaviest.at}].aliases`,
      message: `the names, aliases, keywords and exclusions of all competitors add up to ${n(patternChars)} characters (${n(heaviest.chars)} of them here); at most ${n(MAX_PATTERN_CHARS)} are allowed, or matching pages would need too much memory`,
    });
  }

  let nameChars = 0;
  let keys = 0;
  let heaviestAccount = { at: -1, chars: 0, keys: 0 };
  pack.accounts.forEach((a, ai) => {
    let chars = a.name.length;
    for (const al of a.aliases) chars += al.length;
    let k = 1 + a.aliases.length + a.domains.length;
    for (const ids of Object.values(a.crmIds ?? {})) k += ids?.length ?? 0;
    nameChars += chars;
    keys += k;
    if (chars + k > heaviestAccount.chars + heaviestAccount.keys) heaviestAccount = { at: ai, chars, keys: k };
  });
  if (nameChars > MAX_NAME_CHARS) {
    errors.push({
      path: `accounts[${heaviestAccount.at}].aliases`,
      message: `the names and aliases of all accounts add up to ${n(nameChars)} characters (${n(heaviestAccount.chars)} of them here); at most ${n(MAX_NAME_CHARS)} are allowed`,
    });
  }
  if (keys > MAX_LOOKUP_KEYS) {
    errors.push({
      path: `accounts[${heaviestAccount.at}]`,
      message: `the accounts list ${n(keys)} names, aliases, domains and CRM ids in all (${n(heaviestAccount.keys)} here); at most ${n(MAX_LOOKUP_KEYS)} are allowed`,
    });
  }
  return errors;
}
