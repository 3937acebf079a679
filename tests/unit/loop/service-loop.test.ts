/** The background's ops-loop requests: flags stored and shown, unknown items refused, usage enqueued only with an endpoint; the sidebar's search misses. */
import { beforeEach, describe, expect, it } from 'vitest';
import { openFrontlineDb, type Db } from '../../../utils/store/db';
import { openLoopDb } from '../../../utils/store/loopDb';
import { createService } from '../../../utils/background/service';
import { memoryLoopDeps } from '../../../utils/background/loopHandlers';
import { searchMissTracker } from '../../../utils/state/feedback';
import type { PageContext } from '../../../utils/sites/types';

let db: Db;
let n = 0;
const NOW = new Date('2026-11-23T10:00:00Z');
beforeEach(async () => {
  db = await openFrontlineDb(`frontline-loop-service-${++n}`);
});
const ctx: PageContext = { site: 'salesforce', recordType: 'opportunity', recordId: '0065g00000NwOpp1AAB', accountName: 'Northwind Traders', accountId: '0015g00000NwTrdAAB', domains: [], emails: [], stage: 'Proposal/Price Quote', opportunityType: 'New Business', competitorsField: ['Globex Analytics'], text: '' };

describe('ops loop in the background', () => {
  it('stores a flag, shows it in the next view, and reports it under the card’s owner', async () => {
    const s = createService({ getDb: async () => db, now: () => NOW });
    const target = { kind: 'objection' as const, competitorId: 'globex', objectionId: 'gx-ela' };
    const r = await s['feedback:flag']({ target, verdict: 'outdated', note: 'ELA changed' });
    expect(r).toEqual({ ok: true, key: 'objection:globex:gx-ela', mark: { verdict: 'outdated', note: 'ELA changed', at: NOW.toISOString() } });
    const view = await s['view:get']({ ctx, lang: 'en' });
    expect(view.flags?.['objection:globex:gx-ela']?.verdict).toBe('outdated');
    expect(view.cards[0].claims?.pricing).toMatchObject({ source: 'Globex price list (partner portal)', old: true });
    const report = await s['feedback:report']({ lang: 'en' });
    expect(report.rows[0]).toMatchObject({ owner: 'Priya Raman', card: 'Globex Analytics', open: 1 });
    const ops = await s['ops:report']({});
    expect(ops.openFlags).toEqual([{ owner: 'Priya Raman', flags: [expect.objectContaining({ key: 'objection:globex:gx-ela' })] }]);
    expect(ops.claims?.[0].owner).toBe('Priya Raman');
  });

  it('refuses a flag on an item the pack does not have', async () => {
    const s = createService({ getDb: async () => db, now: () => NOW });
    await expect(s['feedback:flag']({ target: { kind: 'play', bandId: 'purple' }, verdict: 'wrong' })).rejects.toThrow('unknown play to flag');
  });

  it('enqueues usage only once an endpoint is set, and drops the queue when it is cleared', async () => {
    const loop = memoryLoopDeps(openLoopDb);
    const s = createService({ getDb: async () => db, now: () => NOW, loop });
    await s['usage:log']({ kind: 'card_view', competitorId: 'globex' });
    expect((await s['telemetry:status']({})).status.queued).toBe(0);
    expect(await s['telemetry:settings']({ endpoint: 'http://example.com/v1/logs', includeNotes: false })).toEqual({ ok: false, error: expect.stringContaining('https://') });
    await loop.userSettings.set({ endpoint: 'https://otel.example.com/v1/logs' });
    await s['usage:log']({ kind: 'search_miss', query: 'Northwind pricing' });
    const queued = await (await loop.getLoopDb()).getAll('outbox');
    expect(queued.map((q) => q.event)).toEqual([{ kind: 'search_miss', queryLength: 17 }]);
    const off = await s['telemetry:settings']({ endpoint: null, includeNotes: false });
    expect(off.ok && off.view.status.queued).toBe(0);
  });

  it('counts a palette search as a miss only when the palette closes on it with no hits', () => {
    const misses: string[] = [];
    const t = searchMissTracker((q) => misses.push(q));
    t.searched('so', 3);
    t.searched('sso pricng', 0);
    t.closed();
    t.searched('x', 0);
    t.closed();
    t.searched('beacon', 2);
    t.closed();
    expect(misses).toEqual(['sso pricng']);
  });
});
