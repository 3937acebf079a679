/**
 * Accounts: hand-written ones in accounts.yaml first, then one per row of the accounts
 * CSV, then health snapshots from the health CSV. A pack error under `accounts[i]` is
 * traced to the YAML line, or to the CSV row and the column it was read from.
 */
import { FILES } from '../layout';
import { innerKeys } from '../config';
import type { Origin, Seg } from '../errors';
import { isObj, type BuildContext, type Obj } from './context';
import type { AccountRows } from './accountRows';
import { readAccountsCsv } from './accountsCsv';
import { readHealthCsv } from './healthCsv';

async function readAccountsYaml(ctx: BuildContext, rows: AccountRows): Promise<void> {
  const y = await ctx.yamlAt(FILES.accounts);
  rows.yaml = y;
  if (!y) return;
  if (y.value !== null && !Array.isArray(y.value)) ctx.fail({ path: 'accounts', file: FILES.accounts, line: 1, message: 'expected a list of accounts' }, ['accounts']);
  else for (const a of (y.value as unknown[] | null) ?? []) rows.accounts.push(isObj(a) ? { ...a } : (a as Obj));
  rows.yamlCount = rows.accounts.length;
}

const columnNote = (columns: Record<string, string>, key: string) => ({ note: columns[key] ? `column "${columns[key]}"` : undefined });

/** Where `accounts[seg]…rest` came from; computed when an error asks, not stored per account. */
function accountOrigin(rows: AccountRows, seg: Seg, rest: Seg[]): Origin | null {
  if (typeof seg !== 'number') return null;
  const h = rows.healthLines.get(seg);
  if (h && rest[0] === 'health' && typeof rest[1] === 'number' && rest[1] >= h.offset) {
    const r = rest.slice(2);
    const key = r[0] === 'signals' ? `signals.${String(r[1])}` : String(r[0] ?? '');
    return { file: rows.healthFile, line: h.lines[rest[1] - h.offset], resolve: () => columnNote(rows.healthColumns, key) };
  }
  const yaml = rows.yaml;
  if (seg < rows.yamlCount && yaml) return { file: yaml.file, resolve: (r) => ({ line: yaml.lineOf([seg, ...r]) }) };
  const line = rows.csvLines[seg - rows.yamlCount];
  if (line === undefined) return null;
  return {
    file: rows.accountsFile,
    line,
    resolve: (r) => columnNote(rows.accountColumns, innerKeys(String(r[0])).length ? `${String(r[0])}.${String(r[1] ?? '')}` : String(r[0] ?? '')),
  };
}

export async function readAccounts(ctx: BuildContext): Promise<Obj[]> {
  const rows: AccountRows = { accounts: [], yaml: null, yamlCount: 0, csvLines: [], healthLines: new Map(), accountColumns: {}, healthColumns: {}, accountsFile: '', healthFile: '' };
  await readAccountsYaml(ctx, rows);
  ctx.origins.setLazy(['accounts'], (seg, rest) => accountOrigin(rows, seg, rest));
  const { accounts, health } = ctx.config;
  if (accounts) {
    rows.accountsFile = accounts.file;
    await readAccountsCsv(ctx, rows, accounts);
  }
  if (health) {
    rows.healthFile = health.file;
    await readHealthCsv(ctx, rows, health);
  }
  return rows.accounts;
}
