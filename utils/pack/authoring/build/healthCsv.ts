/**
 * The health CSV export: one snapshot a row, added to the account its key column names
 * (by pack id, a domain or a CRM id). An empty signal cell is unknown, not zero.
 */
import type { CsvRecord } from '../csv';
import { parseDateCell, parseNumberCell, readTarget, type DateFormat, type HealthSource } from '../config';
import type { BuildContext, Obj } from './context';
import type { AccountRows } from './accountRows';
import { columnIndex, readCsv } from './csvFile';

type NoteColumn = { locale: string | null; column: string };
interface Columns {
  account: number;
  date: number;
  signals: { id: string; index: number; column: string }[];
  notes: { locale: string | null; index: number }[];
}

/** Account key (lower-cased) → index; the first account with a key wins. */
function accountIndex(accounts: Obj[], byKey: string): Map<string, number> {
  const index = new Map<string, number>();
  accounts.forEach((a, i) => {
    const value = byKey === 'id' ? [a.id] : readTarget(a, byKey === 'domain' ? 'domains' : byKey);
    const keys: unknown[] = Array.isArray(value) ? value : [];
    for (const k of keys) if (typeof k === 'string' && !index.has(k.toLowerCase())) index.set(k.toLowerCase(), i);
  });
  return index;
}

const noteColumns = (note: HealthSource['note']): NoteColumn[] =>
  note === undefined ? [] : typeof note === 'string' ? [{ locale: null, column: note }] : Object.entries(note).map(([locale, column]) => ({ locale, column }));

function mapHeader(ctx: BuildContext, rows: AccountRows, src: HealthSource, accountCol: string, header: string[], cols: Columns): boolean {
  const at = (name: string, ...cfgPath: string[]) => columnIndex(ctx, header, name, src.file, ['health', ...cfgPath]);
  cols.account = at(accountCol, 'account');
  cols.date = at(src.date, 'date');
  rows.healthColumns.date = src.date;
  for (const [id, column] of Object.entries(src.signals)) {
    cols.signals.push({ id, column, index: at(column, 'signals', id) });
    rows.healthColumns[`signals.${id}`] = column;
  }
  const notes = noteColumns(src.note);
  for (const n of notes) cols.notes.push({ locale: n.locale, index: at(n.column, 'note', ...(n.locale ? [n.locale] : [])) });
  if (notes.length) rows.healthColumns.note = notes.map((n) => n.column).join('", "');
  const ok = cols.account >= 0 && cols.date >= 0 && cols.signals.every((s) => s.index >= 0) && cols.notes.every((n) => n.index >= 0);
  if (!ok) ctx.blamed.push(['accounts']);
  return ok;
}

/** A row as a snapshot; null when a cell does not parse (reported against account `at`). */
function snapshotOf(ctx: BuildContext, src: HealthSource, r: CsvRecord, cols: Columns, at: number): Obj | null {
  const fail = (message: string) => ctx.fail({ path: '(file)', file: src.file, line: r.line, message }, ['accounts', at]);
  const date = parseDateCell(r.fields[cols.date], src.dateFormat as DateFormat | undefined);
  if (date === null) {
    fail(`column "${src.date}": expected a date as ${src.dateFormat ?? 'YYYY-MM-DD'}, got "${r.fields[cols.date].trim()}"`);
    return null;
  }
  const signals: Record<string, number> = {};
  let bad = false;
  for (const s of cols.signals) {
    const raw = r.fields[s.index].trim();
    if (raw === '') continue;
    const n = parseNumberCell(raw);
    if (n !== null) signals[s.id] = n;
    else {
      bad = true;
      fail(`column "${s.column}": expected a number (or an empty cell when unknown), got "${raw}"`);
    }
  }
  if (bad) return null;
  const snap: Obj = { date, signals };
  const noteValues = cols.notes.flatMap((n) => {
    const t = r.fields[n.index].trim();
    return t ? [[n.locale, t] as const] : [];
  });
  if (noteValues.length) snap.note = noteValues.length === 1 && noteValues[0][0] === null ? noteValues[0][1] : Object.fromEntries(noteValues);
  return snap;
}

function addSnapshot(ctx: BuildContext, rows: AccountRows, at: number, snap: Obj, line: number): void {
  const acc = rows.accounts[at];
  const list = Array.isArray(acc.health) ? acc.health : (acc.health = []);
  let h = rows.healthLines.get(at);
  if (!h) rows.healthLines.set(at, (h = { offset: list.length, lines: [] }));
  (list as unknown[]).push(snap);
  h.lines.push(line);
  ctx.stats.snapshots++;
}

export async function readHealthCsv(ctx: BuildContext, rows: AccountRows, src: HealthSource): Promise<void> {
  const byKey = typeof src.account === 'string' ? 'id' : src.account.by;
  const accountCol = typeof src.account === 'string' ? src.account : src.account.column;
  const index = accountIndex(rows.accounts, byKey);
  const cols: Columns = { account: -1, date: -1, signals: [], notes: [] };
  await readCsv(ctx, src.file, src.delimiter, ['health'], {
    onHeader: (header) => mapHeader(ctx, rows, src, accountCol, header, cols),
    onRow: (r) => {
      const key = r.fields[cols.account].trim();
      const at = index.get(key.toLowerCase());
      if (at === undefined) {
        ctx.fail({ path: '(file)', file: src.file, line: r.line, message: `column "${accountCol}": no account with ${byKey === 'id' ? 'id' : byKey} "${key}" in the pack` });
        return;
      }
      const snap = snapshotOf(ctx, src, r, cols, at);
      if (snap) addSnapshot(ctx, rows, at, snap, r.line);
    },
  });
}
