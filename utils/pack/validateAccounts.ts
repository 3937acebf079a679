/**
 * The shape check of a large pack without running valibot over every account: at
 * 50,000 accounts (150,000 health snapshots) valibot's per-value datasets were most of
 * the import's time and garbage. A plain check here decides, per account, whether it
 * certainly passes the `Account` schema, and then builds exactly what valibot would
 * output (trimmed and lower-cased values, defaults, keys in schema order). Anything it
 * is not sure of — a wrong type, an unknown field, a health note, any value out of
 * range — goes to valibot itself, so every error keeps valibot's message and path, and
 * the rest of the pack goes through valibot as before.
 */
import * as v from 'valibot';
import { Account, CRM_SITES, CURRENCY_PATTERN, DOMAIN_PATTERN, ID_PATTERN, isIsoDate, KnowledgePack, MAX_ARR, MAX_SIGNAL } from './schema';

type Config = { abortEarly: false; abortPipeEarly: false };
type Issues = v.BaseIssue<unknown>[];

/** Packs with fewer accounts go through valibot whole: the fast path is for the big ones. */
const FAST_PATH_MIN_ACCOUNTS = 200;

/** Pack entries before `accounts`, in schema order: their issues come before the accounts' issues. */
const BEFORE_ACCOUNTS = new Set(Object.keys(KnowledgePack.entries).slice(0, Object.keys(KnowledgePack.entries).indexOf('accounts')));

const ACCOUNT_KEYS = new Set(Object.keys(Account.entries));
const CRM_KEYS = new Set<string>(CRM_SITES);
const SNAPSHOT_KEYS = new Set(['date', 'signals']);

/** The pack through the schema: valibot's result, reached faster for large account lists. */
export function parsePackShape(input: object, config: Config): v.SafeParseResult<typeof KnowledgePack> {
  const accounts = (input as { accounts?: unknown }).accounts;
  if (!Array.isArray(accounts) || accounts.length < FAST_PATH_MIN_ACCOUNTS) return v.safeParse(KnowledgePack, input, config);
  const rest = v.safeParse(KnowledgePack, { ...input, accounts: [] }, config);
  const out: Account[] = new Array(accounts.length);
  const accountIssues: Issues = [];
  for (let i = 0; i < accounts.length; i++) {
    const fast = fastAccount(accounts[i]);
    if (fast) {
      out[i] = fast;
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

/** `nonEmpty`: the trimmed text, or null. */
function text(x: unknown): string | null {
  if (typeof x !== 'string') return null;
  const t = x.trim();
  return t ? t : null;
}

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
  for (const s of x) if (typeof s !== 'string' || !ID_PATTERN.test(s)) return null;
  return x as string[];
}

function domains(x: unknown): string[] | null {
  if (!Array.isArray(x)) return null;
  let out: string[] | null = null;
  for (let i = 0; i < x.length; i++) {
    if (typeof x[i] !== 'string') return null;
    const d = (x[i] as string).trim().toLowerCase();
    if (!DOMAIN_PATTERN.test(d)) return null;
    if (d !== x[i]) (out ??= x.slice())[i] = d;
  }
  return out ?? (x as string[]);
}

const inRange = (x: unknown, min: number, max: number): x is number => typeof x === 'number' && x >= min && x <= max;

function crmIds(x: unknown): Record<string, string[]> | null {
  if (!isObject(x)) return null;
  for (const k in x) if (!CRM_KEYS.has(k)) return null;
  const out: Record<string, string[]> = {};
  for (const site of CRM_SITES) {
    if (!(site in x)) continue;
    const list = texts(x[site]);
    if (!list) return null;
    out[site] = list;
  }
  return sameShape(x, out) ? (x as Record<string, string[]>) : out;
}

/**
 * `input` has the same keys in the same order with identical values as `out`, what
 * valibot would make of it: then `input` can stand for it, and a large pack is not
 * copied object by object (the validated pack shares those objects with the parsed
 * input, which nothing else holds).
 */
function sameShape(input: Record<string, unknown>, out: Record<string, unknown>): boolean {
  const a = Object.keys(input);
  const b = Object.keys(out);
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] || input[a[i]] !== out[b[i]]) return false;
  return true;
}

function snapshots(x: unknown): Account['health'] | null {
  if (!Array.isArray(x)) return null;
  let out: Account['health'] | null = null;
  for (let i = 0; i < x.length; i++) {
    const h = x[i];
    if (!isObject(h)) return null;
    for (const k in h) if (!SNAPSHOT_KEYS.has(k)) return null;
    if (typeof h.date !== 'string' || !isIsoDate(h.date) || !isObject(h.signals)) return null;
    for (const k in h.signals) {
      // Keys valibot's record leaves out, or would refuse: its own judgement.
      if (!Object.prototype.hasOwnProperty.call(h.signals, k) || k === '__proto__' || k === 'prototype' || k === 'constructor') return null;
      if (!ID_PATTERN.test(k) || !inRange(h.signals[k], -MAX_SIGNAL, MAX_SIGNAL)) return null;
    }
    // valibot's record copies the signals key by key, in their order: the same object.
    const snapshot = { date: h.date, signals: h.signals as Record<string, number> };
    if (!sameShape(h, snapshot)) (out ??= (x as Account['health']).slice())[i] = { date: h.date, signals: { ...snapshot.signals } };
  }
  return out ?? (x as Account['health']);
}

/**
 * What valibot outputs for `a` when it passes the `Account` schema for sure, else null.
 * Keys in the schema's order, optional ones only when the input has them, defaults
 * (`[]`) as new lists, as valibot makes them.
 */
export function fastAccount(a: unknown): Account | null {
  if (!isObject(a)) return null;
  for (const k in a) if (!ACCOUNT_KEYS.has(k)) return null;
  if (typeof a.id !== 'string' || !ID_PATTERN.test(a.id)) return null;
  const name = text(a.name);
  if (name === null) return null;
  const out: Record<string, unknown> = { id: a.id, name };
  if (!((out.aliases = 'aliases' in a ? texts(a.aliases) : []))) return null;
  if (!((out.domains = 'domains' in a ? domains(a.domains) : []))) return null;
  if ('crmIds' in a && !((out.crmIds = crmIds(a.crmIds)))) return null;
  for (const k of ['segment', 'industry', 'region', 'owner'] as const) if (k in a && (out[k] = text(a[k])) === null) return null;
  if (!((out.competitors = 'competitors' in a ? ids(a.competitors) : []))) return null;
  if ('stage' in a) {
    const s = a.stage;
    if (!isObject(s)) return null;
    for (const k in s) if (k !== 'playbookId' && k !== 'stageId') return null;
    if (typeof s.playbookId !== 'string' || !ID_PATTERN.test(s.playbookId) || typeof s.stageId !== 'string' || !ID_PATTERN.test(s.stageId)) return null;
    out.stage = { playbookId: s.playbookId, stageId: s.stageId };
  }
  if ('renewalDate' in a) {
    if (typeof a.renewalDate !== 'string' || !isIsoDate(a.renewalDate)) return null;
    out.renewalDate = a.renewalDate;
  }
  if ('arr' in a) {
    if (!inRange(a.arr, 0, MAX_ARR)) return null;
    out.arr = a.arr;
  }
  if ('currency' in a) {
    if (typeof a.currency !== 'string' || !CURRENCY_PATTERN.test(a.currency)) return null;
    out.currency = a.currency;
  }
  if (!((out.health = 'health' in a ? snapshots(a.health) : []))) return null;
  if ('stack' in a && !((out.stack = texts(a.stack)))) return null;
  return (sameShape(a, out) ? a : out) as Account;
}
