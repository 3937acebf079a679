/**
 * The shape check of a large pack without running valibot over every account: at
 * 50,000 accounts (150,000 health snapshots) valibot's per-value datasets were most of
 * the import's time and garbage. A plain check here decides, per account, whether it
 * certainly passes the `Account` schema, and then gives exactly what valibot would
 * output (trimmed and lower-cased values, defaults, keys in schema order). Anything it
 * is not sure of — a wrong type, an unknown field, a health note, any value out of
 * range — goes to valibot itself, so every error keeps valibot's message and path, and
 * the rest of the pack goes through valibot as before.
 *
 * An account the fast path passes is also one `checkStructure` has nothing to say
 * about (no text over MAX_STRING or with U+FFFD, no forbidden key, a fixed and shallow
 * nesting), so the structure walk skips it: the accounts are walked once, not twice.
 *
 * Most accounts of a real pack are already what valibot would output. Such an account
 * is checked without building anything and is its own output (the validated pack
 * shares those objects with the parsed input, which nothing else holds); only one that
 * needs trimming, a default or its keys reordered is copied.
 */
import * as v from 'valibot';
import { MAX_STRING } from './limits';
import { isId } from './primitives';
import { Account, CRM_SITES, CURRENCY_PATTERN, DOMAIN_PATTERN, isIsoDate, KnowledgePack, MAX_ARR, MAX_SIGNAL } from './schema';

type Config = { abortEarly: false; abortPipeEarly: false };
type Issues = v.BaseIssue<unknown>[];
/** Per account: what valibot would output, or null where valibot itself must judge. */
export type FastAccounts = (Account | null)[];

/** Packs with fewer accounts go through valibot whole: the fast path is for the big ones. */
const FAST_PATH_MIN_ACCOUNTS = 200;

/** Pack entries before `accounts`, in schema order: their issues come before the accounts' issues. */
const BEFORE_ACCOUNTS = new Set(Object.keys(KnowledgePack.entries).slice(0, Object.keys(KnowledgePack.entries).indexOf('accounts')));

const ACCOUNT_ORDER = Object.keys(Account.entries);
const ACCOUNT_KEYS = new Set(ACCOUNT_ORDER);
const CRM_KEYS = new Set<string>(CRM_SITES);

/**
 * The fast path's verdict on each of `input.accounts`, or null when the pack goes
 * through valibot whole (too few accounts, or no list of them).
 */
export function fastAccounts(input: object): FastAccounts | null {
  const accounts = (input as { accounts?: unknown }).accounts;
  if (!Array.isArray(accounts) || accounts.length < FAST_PATH_MIN_ACCOUNTS) return null;
  const out: FastAccounts = new Array(accounts.length);
  for (let i = 0; i < accounts.length; i++) out[i] = fastAccount(accounts[i]);
  return out;
}

/**
 * The pack through the schema: valibot's result, reached faster for large account
 * lists. `fast` is `fastAccounts(input)` when the caller has it already.
 */
export function parsePackShape(input: object, config: Config, fast: FastAccounts | null = fastAccounts(input)): v.SafeParseResult<typeof KnowledgePack> {
  if (!fast) return v.safeParse(KnowledgePack, input, config);
  const accounts = (input as { accounts: unknown[] }).accounts;
  const rest = v.safeParse(KnowledgePack, { ...input, accounts: [] }, config);
  const out: Account[] = new Array(accounts.length);
  const accountIssues: Issues = [];
  for (let i = 0; i < accounts.length; i++) {
    const done = fast[i];
    if (done) {
      out[i] = done;
      continue;
    }
    const one = v.safeParse(Account, accounts[i], config);
    if (one.success) out[i] = one.output;
    else {
      // The path items valibot's pack object and account list would have put in front.
      const field = { type: 'object', origin: 'value', input, key: 'accounts', value: accounts } as const;
      const item = { type: 'array', origin: 'value', input: accounts, key: i, value: accounts[i] } as const;
      for (const issue of one.issues) {
        const is = issue as v.BaseIssue<unknown>;
        if (is.path) (is.path as unknown[]).unshift(field, item);
        else (is as { path?: unknown[] }).path = [field, item];
        accountIssues.push(is);
      }
    }
  }
  if (rest.success && !accountIssues.length) {
    rest.output.accounts = out;
    return rest;
  }
  // Issues in the order valibot reports them: entries before `accounts`, the accounts, then the rest.
  const restIssues = (rest.success ? [] : rest.issues) as Issues;
  const before = restIssues.filter((i) => BEFORE_ACCOUNTS.has(String(i.path?.[0]?.key)) && i.path?.[0]?.origin === 'value');
  const missingBefore = restIssues.filter((i) => BEFORE_ACCOUNTS.has(String(i.path?.[0]?.key)) && i.path?.[0]?.origin === 'key' && i.expected !== 'never');
  const known = new Set([...before, ...missingBefore]);
  const after = restIssues.filter((i) => !known.has(i));
  const ordered = restIssues.filter((i) => known.has(i));
  const issues = [...ordered, ...accountIssues, ...after];
  return { typed: false, success: false, output: input, issues: issues as [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]] } as unknown as v.SafeParseResult<typeof KnowledgePack>;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Whether `x`'s keys are all in `order` and come in that order (some may be missing):
 * valibot's output then has the input's key order. Keys are compared as they come,
 * with no lookup per key.
 */
function keysInOrder(x: object, order: readonly string[]): boolean {
  let j = 0;
  for (const k in x) {
    while (j < order.length && order[j] !== k) j++;
    if (j++ === order.length) return false;
  }
  return true;
}

/** Whether every key of `x` is in `keys` (checked only when they are not in schema order). */
function keysKnown(x: object, keys: ReadonlySet<string>): boolean {
  for (const k in x) if (!keys.has(k)) return false;
  return true;
}

/** A text `checkStructure` passes; the fast path leaves any other to it (it reports one with its path). */
const clean = (s: string) => s.length <= MAX_STRING && !s.includes('\uFFFD');

/** `nonEmpty`: the trimmed text, or null. */
function text(x: unknown): string | null {
  if (typeof x !== 'string' || !clean(x)) return null;
  const t = x.trim();
  return t ? t : null;
}

/** An optional `nonEmpty` field: undefined when absent, else as `text`. */
const optionalText = (a: Record<string, unknown>, key: string): string | null | undefined => (key in a ? text(a[key]) : undefined);

/** A list of `nonEmpty` texts (the input list itself when trimming changes nothing), or null. */
function texts(x: unknown): string[] | null {
  if (!Array.isArray(x)) return null;
  let out: string[] | null = null;
  for (let i = 0; i < x.length; i++) {
    const t = text(x[i]);
    if (t === null) return null;
    if (t !== x[i]) (out ??= x.slice())[i] = t;
  }
  return out ?? (x as string[]);
}

function ids(x: unknown): string[] | null {
  if (!Array.isArray(x)) return null;
  for (let i = 0; i < x.length; i++) if (!isId(x[i])) return null;
  return x as string[];
}

function domains(x: unknown): string[] | null {
  if (!Array.isArray(x)) return null;
  let out: string[] | null = null;
  for (let i = 0; i < x.length; i++) {
    const raw = x[i];
    // The pattern leaves no room for U+FFFD; the length is the structure check's.
    if (typeof raw !== 'string' || raw.length > MAX_STRING) return null;
    // A domain the pattern takes as it is has nothing to trim or lower-case: no new string for it.
    if (DOMAIN_PATTERN.test(raw)) continue;
    const d = raw.trim().toLowerCase();
    if (!DOMAIN_PATTERN.test(d)) return null;
    (out ??= x.slice())[i] = d;
  }
  return out ?? (x as string[]);
}

/** A date as `IsoDate` takes it (the length is the structure check's: a timestamp's pattern is open-ended). */
const isDate = (x: unknown): x is string => typeof x === 'string' && x.length <= MAX_STRING && isIsoDate(x);

const inRange = (x: unknown, min: number, max: number): x is number => typeof x === 'number' && x >= min && x <= max;

/** `perCrm(StringList)`: the input object itself when it is already in CRM order and trimmed, or null. */
function crmIds(x: unknown): Record<string, string[]> | null {
  if (!isObject(x)) return null;
  const ordered = keysInOrder(x, CRM_SITES);
  if (!ordered && !keysKnown(x, CRM_KEYS)) return null;
  let same = ordered;
  for (const site in x) {
    const list = texts(x[site]);
    if (!list) return null;
    if (list !== x[site]) same = false;
  }
  if (same) return x as Record<string, string[]>;
  const out: Record<string, string[]> = {};
  for (const site of CRM_SITES) if (site in x) out[site] = texts(x[site])!;
  return out;
}

/** `{ playbookId, stageId }`: the input object itself when its keys are in that order, or null. */
function stage(x: unknown): Account['stage'] | null {
  if (!isObject(x)) return null;
  let first: string | undefined;
  for (const k in x) {
    if (k !== 'playbookId' && k !== 'stageId') return null;
    first ??= k;
  }
  if (!isId(x.playbookId) || !isId(x.stageId)) return null;
  return first === 'playbookId' ? (x as Account['stage']) : { playbookId: x.playbookId, stageId: x.stageId };
}

const hasOwn = Object.prototype.hasOwnProperty;

/** `v.record(Id, Signal)`, judged without copying: whether valibot would output these signals as they are. */
function signalsPass(x: Record<string, unknown>): boolean {
  for (const k in x) {
    // Keys valibot's record leaves out, or would refuse: its own judgement.
    if (!hasOwn.call(x, k) || k === '__proto__' || k === 'prototype' || k === 'constructor') return false;
    if (!isId(k) || !inRange(x[k], -MAX_SIGNAL, MAX_SIGNAL)) return false;
  }
  return true;
}

/** Health snapshots (only `date` and `signals`; one with a note goes to valibot): the input list itself when no snapshot needs reordering. */
function snapshots(x: unknown): Account['health'] | null {
  if (!Array.isArray(x)) return null;
  let out: Account['health'] | null = null;
  for (let i = 0; i < x.length; i++) {
    const h = x[i];
    if (!isObject(h)) return null;
    let first: string | undefined;
    for (const k in h) {
      if (k !== 'date' && k !== 'signals') return null;
      first ??= k;
    }
    if (!isDate(h.date) || !isObject(h.signals) || !signalsPass(h.signals)) return null;
    // valibot's record copies the signals key by key, in their order: an equal object.
    if (first !== 'date') (out ??= (x as Account['health']).slice())[i] = { date: h.date, signals: { ...(h.signals as Record<string, number>) } };
  }
  return out ?? (x as Account['health']);
}

/**
 * What valibot outputs for `a` when it passes the `Account` schema for sure, else null.
 * Keys in the schema's order, optional ones only when the input has them, defaults
 * (`[]`) as new lists, as valibot makes them. `a` itself when that is what it already
 * is. Every `x in a ? check(a.x) : …` below is one schema entry: absent, the default or
 * nothing; present, its value checked (null: not sure, valibot decides).
 */
export function fastAccount(a: unknown): Account | null {
  if (!isObject(a)) return null;
  const ordered = keysInOrder(a, ACCOUNT_ORDER);
  if (!ordered && !keysKnown(a, ACCOUNT_KEYS)) return null;
  if (!isId(a.id)) return null;
  const name = text(a.name);
  if (name === null) return null;
  const aliases = 'aliases' in a ? texts(a.aliases) : [];
  const domainList = 'domains' in a ? domains(a.domains) : [];
  const crm = 'crmIds' in a ? crmIds(a.crmIds) : undefined;
  const segment = optionalText(a, 'segment');
  const industry = optionalText(a, 'industry');
  const region = optionalText(a, 'region');
  const owner = optionalText(a, 'owner');
  const competitors = 'competitors' in a ? ids(a.competitors) : [];
  const stageRef = 'stage' in a ? stage(a.stage) : undefined;
  if (!aliases || !domainList || crm === null || segment === null || industry === null || region === null || owner === null || !competitors || stageRef === null) return null;
  if ('renewalDate' in a && !isDate(a.renewalDate)) return null;
  if ('arr' in a && !inRange(a.arr, 0, MAX_ARR)) return null;
  if ('currency' in a && (typeof a.currency !== 'string' || !CURRENCY_PATTERN.test(a.currency))) return null;
  const health = 'health' in a ? snapshots(a.health) : [];
  const stack = 'stack' in a ? texts(a.stack) : undefined;
  if (!health || stack === null) return null;
  if ('lifecycle' in a && !isId(a.lifecycle)) return null;

  // Already valibot's output: the keys in order and every value the input's own (a
  // defaulted list that is absent is not; the values not named here are never changed).
  const same =
    ordered &&
    name === a.name &&
    aliases === a.aliases &&
    domainList === a.domains &&
    crm === a.crmIds &&
    segment === a.segment &&
    industry === a.industry &&
    region === a.region &&
    owner === a.owner &&
    competitors === a.competitors &&
    stageRef === a.stage &&
    health === a.health &&
    stack === a.stack;
  if (same) return a as Account;
  const out: Record<string, unknown> = { id: a.id, name, aliases, domains: domainList };
  if (crm !== undefined) out.crmIds = crm;
  if (segment !== undefined) out.segment = segment;
  if (industry !== undefined) out.industry = industry;
  if (region !== undefined) out.region = region;
  if (owner !== undefined) out.owner = owner;
  out.competitors = competitors;
  if (stageRef !== undefined) out.stage = stageRef;
  if ('renewalDate' in a) out.renewalDate = a.renewalDate;
  if ('arr' in a) out.arr = a.arr;
  if ('currency' in a) out.currency = a.currency;
  out.health = health;
  if (stack !== undefined) out.stack = stack;
  if ('lifecycle' in a) out.lifecycle = a.lifecycle;
  return out as Account;
}
