import { beforeEach, describe, expect, it } from 'vitest';
import { openFrontlineDb, type Db, type OutcomeRecord } from '../../../utils/store/db';
import { addOutcome, getScorecard, latestScorecard, listOutcomes, pruneScorecards, setScorecardEntry } from '../../../utils/store/repState';
import type { KnowledgePack } from '../../../utils/pack/schema';

let db: Db;
let n = 0;
beforeEach(async () => {
  db = await openFrontlineDb(`frontline-rep-${++n}`);
});

const at = (min: number) => new Date(Date.UTC(2026, 10, 2, 9, min));

describe('rep state', () => {
  it('keeps each element of a deal’s scorecard, and two tabs writing at once both land', async () => {
    const k = { accountId: 'northwind', dealKey: 'salesforce:opportunity:006A', label: 'x' };
    await Promise.all([
      setScorecardEntry(db, { ...k, elementId: 'metrics', state: 'validated', note: '+5%' }, at(1)),
      setScorecardEntry(db, { ...k, elementId: 'champion', state: 'noted', note: 'Nancy' }, at(1)),
    ]);
    const rec = await getScorecard(db, 'northwind', 'salesforce:opportunity:006A');
    expect(Object.keys(rec!.entries).sort()).toEqual(['champion', 'metrics']);
    // Back to empty with no note: the element has nothing left to keep.
    await setScorecardEntry(db, { ...k, elementId: 'champion', state: 'empty', note: '' }, at(2));
    expect(Object.keys((await getScorecard(db, 'northwind', 'salesforce:opportunity:006A'))!.entries)).toEqual(['metrics']);
  });

  it('drops an entry only when neither the active nor the previous pack has its element', async () => {
    const k = { accountId: 'a', dealKey: 'd', label: 'x', state: 'noted' as const, note: 'n' };
    await setScorecardEntry(db, { ...k, elementId: 'metrics' }, at(1));
    await setScorecardEntry(db, { ...k, elementId: 'champion' }, at(2));
    const pack = (ids: string[]) => ({ qualification: { id: 'q', name: 'Q', elements: ids.map((id) => ({ id })) } }) as unknown as KnowledgePack;
    expect(await pruneScorecards(db, [pack(['metrics']), pack(['metrics', 'champion'])])).toBe(0);
    expect(await pruneScorecards(db, [pack(['metrics']), pack(['metrics'])])).toBe(1);
    expect(Object.keys((await getScorecard(db, 'a', 'd'))!.entries)).toEqual(['metrics']);
  });

  it('gives a mail thread the account’s scorecard worked on last', async () => {
    await setScorecardEntry(db, { accountId: 'acme', dealKey: 'd1', elementId: 'm', state: 'noted', note: 'a', label: 'M' }, at(1));
    await setScorecardEntry(db, { accountId: 'acme', dealKey: 'd2', elementId: 'm', state: 'noted', note: 'b', label: 'M' }, at(5));
    await setScorecardEntry(db, { accountId: 'other', dealKey: 'd3', elementId: 'm', state: 'noted', note: 'c', label: 'M' }, at(9));
    expect((await latestScorecard(db, 'acme'))?.dealKey).toBe('d2');
    expect(await latestScorecard(db, 'nobody')).toBeNull();
  });

  it('asks the close once: the first answer for a record stands, and outcomes list newest first', async () => {
    const rec = (recordKey: string, minute: number, note: string): OutcomeRecord => ({
      recordKey, accountId: 'northwind', accountName: 'Northwind Traders', result: 'lost', stage: 'Closed Lost', reasonId: 'price', reasonLabel: 'Price',
      competitorId: 'globex', competitorName: 'Globex', note, skipped: false, packVersion: '1.0.0', at: at(minute).toISOString(),
    });
    await addOutcome(db, rec('r1', 1, 'first'));
    const again = await addOutcome(db, rec('r1', 2, 'second'));
    expect(again.note).toBe('first');
    await addOutcome(db, rec('r2', 3, 'other'));
    expect((await listOutcomes(db)).map((r) => [r.recordKey, r.note])).toEqual([['r2', 'other'], ['r1', 'first']]);
  });
});
