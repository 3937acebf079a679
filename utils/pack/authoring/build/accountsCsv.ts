/** The accounts CSV export: one account a row, columns mapped onto account fields in pack.yaml. */
import type { CsvRecord } from '../csv';
import {
  ACCOUNT_TARGETS,
  DATE_TARGETS,
  DEFAULT_LIST_SEPARATOR,
  LIST_TARGETS,
  NUMBER_TARGETS,
  domainCell,
  parseDateCell,
  parseNumberCell,
  writeTarget,
  type AccountsSource,
  type DateFormat,
} from '../config';
import type { BuildContext, Obj } from './context';
import type { AccountRows } from './accountRows';
import { columnIndex, readCsv } from './csvFile';

type Column = { target: string; index: number };

export async function readAccountsCsv(ctx: BuildContext, rows: AccountRows, src: AccountsSource): Promise<void> {
  const cols: Column[] = [];
  await readCsv(ctx, src.file, src.delimiter, ['accounts'], {
    onHeader: (header) => {
      let ok = true;
      for (const target of ACCOUNT_TARGETS) {
        const name = src.columns[target];
        if (name === undefined) continue;
        const index = columnIndex(ctx, header, name, src.file, ['accounts', 'columns', target]);
        if (index < 0) ok = false;
        cols.push({ target, index });
        rows.accountColumns[target] = name;
      }
      if (!ok) ctx.blamed.push(['accounts']);
      return ok;
    },
    onRow: (r) => {
      const a: Obj = {};
      for (const { target, index } of cols) {
        const raw = r.fields[index].trim();
        if (raw === '') continue;
        const value = cellValue(ctx, src, target, raw, r, rows.accounts.length);
        if (value !== undefined) writeTarget(a, target, value);
      }
      rows.csvLines.push(r.line);
      rows.accounts.push(a);
    },
  });
}

/** A non-empty cell as its field's value; undefined when it does not parse (reported). */
function cellValue(ctx: BuildContext, src: AccountsSource, target: string, raw: string, r: CsvRecord, at: number): unknown {
  if (LIST_TARGETS.has(target)) {
    const list = raw.split(src.listSeparator ?? DEFAULT_LIST_SEPARATOR).map((s) => s.trim()).filter(Boolean);
    return target === 'domains' ? list.map(domainCell) : list;
  }
  const column = src.columns[target as keyof typeof src.columns];
  const refuse = (expected: string) => {
    ctx.fail({ path: `accounts[${at}].${target}`, file: src.file, line: r.line, message: `column "${column}": expected ${expected}, got "${raw}"` }, ['accounts', at, target]);
    return undefined;
  };
  if (NUMBER_TARGETS.has(target)) return parseNumberCell(raw) ?? refuse('a number');
  if (DATE_TARGETS.has(target)) return parseDateCell(raw, src.dateFormat as DateFormat | undefined) ?? refuse(`a date as ${src.dateFormat ?? 'YYYY-MM-DD'}`);
  return raw;
}
