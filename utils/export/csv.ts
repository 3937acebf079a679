/**
 * Every CSV the extension writes goes through here. Cells come from the pack (card,
 * owner, segment names) and from ops, so a spreadsheet must not run them: a text
 * cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is read as a
 * formula by Excel, LibreOffice and Google Sheets (`=HYPERLINK(…)`, DDE payloads).
 * Such a cell gets a leading apostrophe, the convention all three show as text.
 */
import { csvCell } from '../pack/authoring/csv';

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell that cannot start a formula. Numbers we computed ourselves are left as
 * numbers (a negative count must stay sortable); only text is neutralised.
 */
export function spreadsheetSafe(value: string | number | null | undefined): string | number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  const s = value ?? '';
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** Header and rows → CSV text with a BOM (spreadsheet apps then read UTF-8, and Chinese, correctly). */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map((c) => csvCell(spreadsheetSafe(c))).join(',')).join('\r\n')}\r\n`;
}
