import { beforeEach, describe, expect, it } from 'vitest';
import { openFrontlineDb, type Db } from '../../../utils/store/db';
import { createService } from '../../../utils/background/service';
import type { PageContext } from '../../../utils/sites/types';

let db: Db;
let n = 0;
const NOW = new Date('2026-11-23T10:00:00Z');
const service = () => createService({ getDb: async () => db, now: () => NOW });
beforeEach(async () => {
  db = await openFrontlineDb(`frontline-rep-service-${++n}`);
});

const opp: PageContext = {
  site: 'salesforce', recordType: 'opportunity', recordId: '0065g00000NwOpp1AAB', accountName: 'Northwind Traders', accountId: '0015g00000NwTrdAAB',
  domains: [], emails: [], stage: 'Proposal/Price Quote', opportunityType: 'New Business', competitorsField: ['Globex Analytics'], text: '',
  contactRoles: [{ name: 'Nancy Davolio', role: 'Economic Buyer' }],
};
const mail: PageContext = { site: 'gmail', recordType: 'thread', recordId: 'thread-1', accountName: null, domains: [], emails: ['buyer@northwindtraders.com'], stage: null, competitorsField: [], text: '' };

describe('the rep’s own read through the background', () => {
  it('a scorecard set on the opportunity shows there and on the account’s mail thread', async () => {
    const s = service();
    const view = await s['view:get']({ ctx: opp, lang: 'en' });
    expect(view.scorecard?.elements.find((e) => e.id === 'economic-buyer')?.suggestion?.text).toBe('Nancy Davolio');
    await s['scorecard:set']({ accountId: 'northwind', dealKey: view.scorecard!.dealKey, elementId: 'metrics', state: 'validated', note: '+5%' });
    expect((await s['view:get']({ ctx: opp, lang: 'en' })).scorecard?.validated).toBe(1);
    // Northwind's pack stage (proposal) is open: its thread shows the deal's scorecard.
    const onMail = (await s['view:get']({ ctx: mail, lang: 'zh-CN' })).scorecard!;
    expect(onMail.dealKey).toBe('salesforce:opportunity:0065g00000NwOpp1AAB');
    expect(onMail.elements.find((e) => e.id === 'metrics')).toMatchObject({ state: 'validated', name: '量化指标' });
  });

  it('refuses ids the pack does not have', async () => {
    const s = service();
    await expect(s['scorecard:set']({ accountId: 'northwind', dealKey: 'd', elementId: 'nope', state: 'noted', note: '' })).rejects.toThrow('unknown scorecard element "nope"');
    await expect(s['sentiment:set']({ accountId: 'nobody', color: 'red', comment: '' })).rejects.toThrow('unknown account');
    await expect(s['outcome:set']({ recordKey: 'k', accountId: 'northwind', result: 'lost', stage: 'Closed Lost', reasonId: 'bribery', competitorId: null, note: '', skipped: false })).rejects.toThrow('unknown win/loss reason');
  });

  it('asks a closed-lost record once, storing the pack’s labels, and lists it for ops', async () => {
    const s = service();
    const closed = { ...opp, stage: 'Closed Lost' };
    const ask = (await s['view:get']({ ctx: closed, lang: 'en' })).outcome!;
    expect(ask).toMatchObject({ result: 'lost', suggestedCompetitorId: 'globex', recorded: null });
    expect(ask.reasons.map((r) => r.id)).not.toContain('value');
    await s['outcome:set']({ recordKey: ask.recordKey, accountId: 'northwind', result: 'lost', stage: 'Closed Lost', reasonId: 'price', competitorId: 'globex', note: 'ELA', skipped: false });
    const again = (await s['view:get']({ ctx: closed, lang: 'zh-CN' })).outcome!;
    expect(again.recorded).toMatchObject({ reason: '价格', competitor: 'Globex Analytics', note: 'ELA' });
    expect(await s['outcomes:report']({})).toEqual([expect.objectContaining({ accountName: 'Northwind Traders', reasonLabel: 'Price', packVersion: '1.0.0', at: NOW.toISOString() })]);
    // The open opportunity asks nothing.
    expect((await s['view:get']({ ctx: opp, lang: 'en' })).outcome).toBeNull();
  });

  it('a sentiment weighs the score as the sample model says, and is shown on the view', async () => {
    const s = service();
    const before = (await s['view:get']({ ctx: opp, lang: 'en' })).health!.score;
    await s['sentiment:set']({ accountId: 'northwind', color: 'red', comment: 'Sponsor left' });
    const view = await s['view:get']({ ctx: opp, lang: 'en' });
    expect(before).toBe(57);
    expect(view.health!.score).toBe(48);
    expect(view.sentiment).toMatchObject({ weighted: true, current: { color: 'red', comment: 'Sponsor left', counted: true } });
  });
});
