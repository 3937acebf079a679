/**
 * `pack.yaml`: the pack's meta, the order of competitors and playbooks, and how the
 * CSV exports map onto accounts and health snapshots.
 */
import * as v from 'valibot';
import { CRM_SITES } from '../schema';

/** Account fields a CSV column can fill. Lists are split on `listSeparator`. */
export const ACCOUNT_TARGETS = [
  'id',
  'name',
  'aliases',
  'domains',
  ...CRM_SITES.map((s) => `crmIds.${s}` as const),
  'segment',
  'industry',
  'region',
  'owner',
  'competitors',
  'stage.playbookId',
  'stage.stageId',
  'renewalDate',
  'arr',
  'currency',
  'stack',
  'lifecycle',
] as const;
export type AccountTarget = (typeof ACCOUNT_TARGETS)[number];

export const LIST_TARGETS: ReadonlySet<string> = new Set(['aliases', 'domains', 'competitors', 'stack', ...CRM_SITES.map((s) => `crmIds.${s}`)]);
export const NUMBER_TARGETS: ReadonlySet<string> = new Set(['arr']);
export const DATE_TARGETS: ReadonlySet<string> = new Set(['renewalDate']);

/** What splits a list cell when pack.yaml names no `listSeparator`. */
export const DEFAULT_LIST_SEPARATOR = ';';

/** The account fields the targets fill (`crmIds.salesforce` fills `crmIds`). */
export const ACCOUNT_FIELDS: ReadonlySet<string> = new Set(ACCOUNT_TARGETS.map((t) => t.split('.')[0]));

/** The keys a nested account field may hold (`stage` → playbookId, stageId). */
export const innerKeys = (field: string): string[] => ACCOUNT_TARGETS.flatMap((t) => (t.startsWith(`${field}.`) ? [t.slice(field.length + 1)] : []));

type Row = Record<string, unknown>;

/** An account's value for a target: `a.stage.stageId` for `stage.stageId`. */
export function readTarget(a: Row, target: string): unknown {
  const dot = target.indexOf('.');
  return dot > 0 ? (a[target.slice(0, dot)] as Row | undefined)?.[target.slice(dot + 1)] : a[target];
}

/** Sets an account's value for a target, creating the nested object when needed. */
export function writeTarget(a: Row, target: string, value: unknown): void {
  const dot = target.indexOf('.');
  if (dot < 0) {
    a[target] = value;
    return;
  }
  const outer = target.slice(0, dot);
  const o = (a[outer] as Row | undefined) ?? {};
  o[target.slice(dot + 1)] = value;
  a[outer] = o;
}

export const DATE_FORMATS = ['YYYY-MM-DD', 'MM/DD/YYYY', 'DD/MM/YYYY', 'DD.MM.YYYY', 'YYYY/MM/DD'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** How a health row names its account: by pack id (default), a domain or a CRM id. */
export const ACCOUNT_KEYS = ['id', 'domain', ...CRM_SITES.map((s) => `crmIds.${s}` as const)] as const;

const column = v.pipe(v.string('expected a column name'), v.trim(), v.nonEmpty('expected a column name, got an empty string'));
const csvCommon = {
  file: v.pipe(v.string('expected a file name such as "accounts.csv"'), v.regex(/^[^/\\]+(\/[^/\\]+)*\.(csv|tsv|txt)$/i, 'expected a .csv file inside the pack folder')),
  delimiter: v.optional(v.pipe(v.string('expected one character'), v.length(1, 'expected one character such as "," or ";"'))),
  dateFormat: v.optional(v.picklist(DATE_FORMATS, `expected a date format: ${DATE_FORMATS.join(', ')}`)),
};

export const AccountsSource = v.strictObject({
  ...csvCommon,
  listSeparator: v.optional(v.pipe(v.string('expected one character'), v.length(1, 'expected one character such as ";" or "|"'))),
  columns: v.pipe(
    v.record(v.picklist(ACCOUNT_TARGETS, `expected an account field: ${ACCOUNT_TARGETS.join(', ')}`), column, 'expected a map of account field → CSV column'),
    v.check((c) => 'id' in c && 'name' in c, 'expected at least the id and name columns'),
  ),
});

const LocaleKey = v.pipe(v.string(), v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a locale such as "en" or "zh-CN"'));

export const HealthSource = v.strictObject({
  ...csvCommon,
  account: v.union(
    [
      column,
      v.strictObject({
        column,
        by: v.optional(v.picklist(ACCOUNT_KEYS, `expected how the column names the account: ${ACCOUNT_KEYS.join(', ')}`), 'id'),
      }),
    ],
    'expected the account column (a name, or { column, by })',
  ),
  date: column,
  signals: v.record(v.pipe(v.string(), v.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/, 'expected a measure id')), column, 'expected a map of measure id → CSV column'),
  note: v.optional(v.union([column, v.record(LocaleKey, column)], 'expected a column, or a map of locale → column')),
});

export const PackConfig = v.strictObject({
  meta: v.unknown(),
  order: v.optional(
    v.strictObject({
      competitors: v.optional(v.array(v.string('expected a competitor id'), 'expected a list of competitor ids')),
      playbooks: v.optional(v.array(v.string('expected a playbook id'), 'expected a list of playbook ids')),
    }),
  ),
  accounts: v.optional(AccountsSource),
  health: v.optional(HealthSource),
});

export type PackConfig = v.InferOutput<typeof PackConfig>;
export type AccountsSource = v.InferOutput<typeof AccountsSource>;
export type HealthSource = v.InferOutput<typeof HealthSource>;

/** Reads a date cell in the configured format into YYYY-MM-DD; null when it does not fit. */
export function parseDateCell(s: string, fmt: DateFormat = 'YYYY-MM-DD'): string | null {
  const t = s.trim();
  if (/^\d{4}-\d{2}-\d{2}([T ].*)?$/.test(t)) return t;
  const pad = (n: string) => n.padStart(2, '0');
  let m: RegExpExecArray | null;
  switch (fmt) {
    case 'MM/DD/YYYY':
      if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t))) return `${m[3]}-${pad(m[1])}-${pad(m[2])}`;
      break;
    case 'DD/MM/YYYY':
      if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t))) return `${m[3]}-${pad(m[2])}-${pad(m[1])}`;
      break;
    case 'DD.MM.YYYY':
      if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t))) return `${m[3]}-${pad(m[2])}-${pad(m[1])}`;
      break;
    case 'YYYY/MM/DD':
      if ((m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(t))) return `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
      break;
    default:
      break;
  }
  return null;
}

/** "180,000", "$180,000", "74%", "1 200" → number; null when it is not a number. */
export function parseNumberCell(s: string): number | null {
  const t = s.trim().replace(/^[$€£¥]/, '').replace(/%$/, '').replace(/[,_\s]/g, '');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** A website cell as a bare domain: "https://www.Acme.com/about" → "acme.com". */
export function domainCell(s: string): string {
  let t = s.trim().toLowerCase();
  t = t.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  t = t.replace(/[/?#].*$/, '').replace(/:\d+$/, '');
  return t.replace(/^www\./, '');
}
