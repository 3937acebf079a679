/**
 * Write-back into a CSV export: one cell changes and every other byte of the file —
 * other rows, other columns, quoting, line endings, the BOM — stays as it was, so the
 * next export diff shows only that cell.
 */
import { csvCell } from '../csv';

/** Character ranges [start, end) of each cell (quotes included), per record. */
export function csvSpans(text: string, delimiter = ','): [number, number][][] {
  const rows: [number, number][][] = [];
  let row: [number, number][] = [];
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let quoted = false;
  let i = start;
  const endCell = (at: number) => row.push([start, at]);
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      endCell(i);
      start = i + 1;
    } else if (c === '\n' || c === '\r') {
      endCell(i);
      rows.push(row);
      row = [];
      if (c === '\r' && text[i + 1] === '\n') i++;
      start = i + 1;
    }
  }
  if (start < text.length || row.length) {
    endCell(text.length);
    rows.push(row);
  }
  return rows;
}

const unquote = (cell: string) => (cell.startsWith('"') && cell.endsWith('"') && cell.length >= 2 ? cell.slice(1, -1).replace(/""/g, '"') : cell);

/** The cell's value as the build reads it. */
export const cellValue = (text: string, span: [number, number]) => unquote(text.slice(span[0], span[1]));

/**
 * Sets the cell in column `column` of the row whose `keyColumn` is `key`. Throws when
 * the row or a column is not there (the form only offers what the build read).
 */
export function setCsvCell(text: string, at: { keyColumn: string; key: string; column: string; delimiter?: string }, value: string): string {
  const d = at.delimiter ?? ',';
  const rows = csvSpans(text, d);
  const header = rows[0]?.map((s) => cellValue(text, s).trim()) ?? [];
  const k = header.indexOf(at.keyColumn);
  const c = header.indexOf(at.column);
  if (k < 0 || c < 0) throw new Error(`no column "${k < 0 ? at.keyColumn : at.column}" in the CSV header`);
  const row = rows.find((r, i) => i > 0 && r[k] && cellValue(text, r[k]).trim() === at.key);
  if (!row) throw new Error(`no row with ${at.keyColumn} "${at.key}"`);
  const span = row[c];
  if (!span) {
    // A short row (fewer cells than the header): pad it with empty cells up to the column.
    const end = row[row.length - 1][1];
    return `${text.slice(0, end)}${d.repeat(c - row.length + 1)}${csvCell(value, d)}${text.slice(end)}`;
  }
  return `${text.slice(0, span[0])}${csvCell(value, d)}${text.slice(span[1])}`;
}
