import { beforeEach, describe, expect, it } from 'vitest';
import { openFrontlineDb, type Db } from '../../utils/store/db';
import { createService } from '../../utils/background/service';
import type { PageContext } from '../../utils/sites/types';
import sample from '../../assets/sample-pack.json';
import { stageSeenIn } from '../../utils/view/stageSeen';

/** Every record in every store, to tell a read from a write. */
async function everything(d: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of [...d.objectStoreNames]) out[name] = await d.getAll(name);
  return out;
}

let db: Db;
let n = 0;
const NOW = new Date('2026-11-23T10:00:00Z');
const service = () => createService({ getDb: async () => db, now: () => NOW });
beforeEach(async () => {
  db = await openFrontlineDb(`frontline-service-${++n}`);
});

const base: PageContext = { site: 'salesforce', recordType: 'opportunity', recordId: '0065g00000NwOpp1AAB', accountName: 'Northwind Traders', accountId: '0015g00000NwTrdAAB', domains: [], emails: [], stage: 'Proposal/Price Quote', opportunityType: 'New Business', competitorsField: ['Globex Analytics'], text: '' };
const mail: PageContext = { site: 'gmail', recordType: 'thread', recordId: 'thread-1', accountName: null, domains: [], emails: ['buyer@northwindtraders.com', 'alex.morgan@lumora.io'], stage: null, competitorsField: [], text: 'Hi Alex, quick question.' };

describe('background service', () => {
  it('builds a complete view for a Salesforce opportunity', async () => {
    const view = await service()['view:get']({ ctx: base, lang: 'en' });
    expect(view.account?.id).toBe('northwind');
    expect(view.cards[0].id).toBe('globex');
    expect(view.stage?.current.source).toBe('crm');
    expect(view.checklist?.items.length).toBeGreaterThan(0);
    expect(view.health?.score).toBeTypeOf('number');
  });

  it('phrases pack text in the UI language with the default locale as fallback', async () => {
    const zh = await service()['view:get']({ ctx: base, lang: 'zh-CN' });
    const en = await service()['view:get']({ ctx: base, lang: 'en' });
    expect(zh.stage!.goal).not.toBe(en.stage!.goal);
    expect(zh.stage!.goal).toMatch(/[\u4e00-\u9fff]/);
  });

  it('uses the stage last seen in the CRM on an email thread, with its date', async () => {
    const s = service();
    const crm = await s['view:get']({ ctx: base, lang: 'en' });
    // What the sidebar frame sends once it shows a view with a CRM stage.
    const seen = stageSeenIn(crm, undefined);
    expect(seen).toEqual({ accountId: 'northwind', playbookId: crm.stage!.playbookId, stageId: crm.stage!.current.stageId });
    await s['stage:seen'](seen!);
    const view = await s['view:get']({ ctx: mail, lang: 'en' });
    expect(view.account?.id).toBe('northwind');
    expect(view.stage?.current.source).toBe('remembered');
    expect(view.stage?.current.reasons[0].params.date).toBe(NOW.toISOString());
  });

  it("a record picked to another account shows that account's remembered stage and sentiment, not the matched one's", async () => {
    // view:get reads the matched account's records beside the pick (utils/background/viewGet.ts): a pick must win over them.
    const s = service();
    const crm = await s['view:get']({ ctx: base, lang: 'en' });
    await s['stage:seen'](stageSeenIn(crm, undefined)!);
    await s['sentiment:set']({ accountId: 'northwind', color: 'red', comment: 'Champion left' });
    const matched = await s['view:get']({ ctx: mail, lang: 'en' });
    expect([matched.account?.id, matched.stage?.current.source, matched.sentiment?.current?.comment]).toEqual(['northwind', 'remembered', 'Champion left']);

    await s['account:pick']({ recordKey: 'gmail:thread:thread-1', accountId: 'acme' });
    const picked = await s['view:get']({ ctx: mail, lang: 'en' });
    expect(picked.account?.id).toBe('acme');
    expect(picked.stage?.current.source).not.toBe('remembered');
    expect(picked.sentiment?.current).toBeNull();

    await s['sentiment:set']({ accountId: 'acme', color: 'green', comment: 'Renewal signed' });
    expect((await s['view:get']({ ctx: mail, lang: 'en' })).sentiment?.current?.comment).toBe('Renewal signed');
  });

  it('remembers no stage from an account browsed from search, nor from a page without a CRM stage', async () => {
    const s = service();
    const browsed = await s['view:get']({ ctx: base, lang: 'en', focus: { accountId: 'northwind' } });
    expect(browsed.stage?.current.source).toBe('crm');
    expect(stageSeenIn(browsed, { accountId: 'northwind' })).toBeNull();
    expect(stageSeenIn(await s['view:get']({ ctx: mail, lang: 'en' }), undefined)).toBeNull();
  });

  it('view:get writes nothing: not the stage it shows, not on a thread', async () => {
    const s = service();
    const before = await everything(db);
    await s['view:get']({ ctx: base, lang: 'en' });
    await s['view:get']({ ctx: mail, lang: 'en' });
    await s['view:get']({ ctx: base, lang: 'en', focus: { accountId: 'acme', competitorId: 'globex' } });
    expect(await everything(db)).toEqual(before);
    expect((await s['view:get']({ ctx: mail, lang: 'en' })).stage?.current.source).not.toBe('remembered');
  });

  it('refuses to remember a stage the active pack does not have', async () => {
    const s = service();
    const crm = await s['view:get']({ ctx: base, lang: 'en' });
    const seen = stageSeenIn(crm, undefined)!;
    await expect(s['stage:seen']({ ...seen, stageId: 'nope' })).rejects.toThrow(/unknown stage/);
    await expect(s['stage:seen']({ ...seen, accountId: 'nope' })).rejects.toThrow(/unknown account/);
    expect(await db.getAll('stages')).toEqual([]);
  });

  it('keeps ticks across a worker restart and a pack update that keeps the item id', async () => {
    const first = await service()['view:get']({ ctx: base, lang: 'en' });
    const c = first.checklist!;
    await service()['checklist:set']({ accountId: c.accountId, playbookId: c.playbookId, stageId: c.stageId, itemId: c.items[0].id, done: true, label: c.items[0].text });

    const next = structuredClone(sample) as any;
    next.meta.version = '1.1.0';
    const s = service();
    expect((await s['pack:import']({ text: JSON.stringify(next), source: 'file:v1.1.json' })).ok).toBe(true);
    const after = await service()['view:get']({ ctx: base, lang: 'en' });
    expect(after.checklist!.items[0].done).toBe(true);
    expect(after.checklist!.doneCount).toBe(1);
  });

  it('lists a ticked item that a new pack removed on every view, without deleting it', async () => {
    const first = await service()['view:get']({ ctx: base, lang: 'en' });
    const c = first.checklist!;
    const removed = c.items[0];
    await service()['checklist:set']({ accountId: c.accountId, playbookId: c.playbookId, stageId: c.stageId, itemId: removed.id, done: true, label: removed.text });

    const next = structuredClone(sample) as any;
    next.meta.version = '1.2.0';
    const stage = next.playbooks.find((p: any) => p.id === c.playbookId).stages.find((s: any) => s.id === c.stageId);
    stage.checklist = stage.checklist.filter((i: any) => i.id !== removed.id);
    await service()['pack:import']({ text: JSON.stringify(next), source: 'file:v1.2.json' });

    for (let i = 0; i < 2; i++) {
      const view = await service()['view:get']({ ctx: base, lang: 'en' });
      expect(view.checklist!.removed).toEqual([{ id: removed.id, label: removed.text }]);
      expect(view.checklist!.items.some((x) => x.id === removed.id)).toBe(false);
    }
  });

  it('refuses a bad pack and keeps serving the active one', async () => {
    const s = service();
    const r = await s['pack:import']({ text: '{"meta":{}}', source: 'file:bad.json' });
    expect(r.ok).toBe(false);
    expect((await s['pack:info']({})).version).toBe(sample.meta.version);
    expect((await s['view:get']({ ctx: base, lang: 'en' })).account?.id).toBe('northwind');
  });

  it('remembers a manual account pick for the record, and refuses unknown accounts', async () => {
    const s = service();
    const key = 'gmail:thread:thread-2';
    const ctx = { ...mail, recordId: 'thread-2', emails: ['someone@unknown-co.example'] };
    expect((await s['view:get']({ ctx, lang: 'en' })).account).toBeNull();
    await s['account:pick']({ recordKey: key, accountId: 'acme' });
    const picked = await service()['view:get']({ ctx, lang: 'en' });
    expect(picked.account?.id).toBe('acme');
    expect(picked.accountReasons[0].code).toBe('manual');
    await expect(s['account:pick']({ recordKey: key, accountId: 'nope' })).rejects.toThrow(/unknown account/);
  });

  it('finds accounts by Chinese name, alias or domain for "not this account"', async () => {
    const s = service();
    expect((await s['account:search']({ query: '云杉', lang: 'zh-CN' })).map((h) => h.id)).toContain('yunshan');
    expect((await s['account:search']({ query: 'initech.com', lang: 'en' })).map((h) => h.id).sort()).toEqual(['initech', 'initech-labs']);
  });
});
