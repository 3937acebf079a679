/**
 * Rollback restores the rep's ticks. Ticks on checklist items that a new pack removed
 * used to be deleted on the first record view, so rolling back showed them unticked.
 * Now they are hidden (listed as removed) while the active or the previous pack still
 * has the item, and deleted only when a later pack change leaves neither with it —
 * and a record view writes nothing for it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { openFrontlineDb, type Db } from '../../../utils/store/db';
import { createService } from '../../../utils/background/service';
import { memoryKeyValue } from '../../../utils/sync/handlers';
import type { UserSettings } from '../../../utils/sync/settings';
import type { PageContext } from '../../../utils/sites/types';
import { validPack, type Json } from './corpus';

const NOW = new Date('2026-11-23T10:00:00Z');
const URL_ = 'https://packs.example.com/frontline/pack.json';
const opportunity: PageContext = { site: 'salesforce', recordType: 'opportunity', recordId: '0065g00000NwOpp1AAB', accountName: 'Northwind Traders', accountId: '0015g00000NwTrdAAB', domains: [], emails: [], stage: 'Proposal/Price Quote', opportunityType: 'New Business', competitorsField: ['Globex Analytics'], text: '' };

let db: Db;
let n = 0;
let served = '';
beforeEach(async () => {
  db = await openFrontlineDb(`frontline-ticks-rollback-${++n}`);
});
const service = () =>
  createService({
    getDb: async () => db,
    now: () => NOW,
    ops: { userSettings: memoryKeyValue<UserSettings>({ packUrl: URL_ }), fetch: (async () => new Response(served, { status: 200 })) as typeof fetch },
  });

/** The sample at `version`, without the checklist items `drop` in the opportunity's stage. */
function packWithout(version: string, stage: { playbookId: string; stageId: string }, drop: string[]): Json {
  const p = validPack();
  p.meta.version = version;
  const st = p.playbooks.find((x: Json) => x.id === stage.playbookId).stages.find((x: Json) => x.id === stage.stageId);
  st.checklist = st.checklist.filter((i: Json) => !drop.includes(i.id));
  return p;
}

describe('ticks survive a pack that removes their item until the pack after it', () => {
  it('import → view → rollback shows the ticks again; the next pack after that prunes them', async () => {
    const s = service();
    const c = (await s['view:get']({ ctx: opportunity, lang: 'en' })).checklist!;
    const [a, b] = c.items;
    for (const item of [a, b]) await s['checklist:set']({ accountId: c.accountId, playbookId: c.playbookId, stageId: c.stageId, itemId: item.id, done: true, label: item.text });
    const ticked = await db.get('ticks', `${c.accountId}|${c.playbookId}|${c.stageId}`);

    expect((await s['pack:import']({ text: JSON.stringify(packWithout('1.1.0', c, [b.id])), source: 'file:v1.1.json' })).ok).toBe(true);
    const hidden = await s['view:get']({ ctx: opportunity, lang: 'en' });
    expect(hidden.checklist!.doneCount).toBe(1);
    expect(hidden.checklist!.removed).toEqual([{ id: b.id, label: b.text }]);
    await s['view:get']({ ctx: opportunity, lang: 'en' });
    // A view is a read: the stored ticks are exactly as the rep left them.
    expect(await db.get('ticks', `${c.accountId}|${c.playbookId}|${c.stageId}`)).toEqual(ticked);

    expect(await s['pack:rollback']({})).toMatchObject({ ok: true, info: { version: '1.0.0' } });
    const back = await s['view:get']({ ctx: opportunity, lang: 'en' });
    expect(back.checklist!.doneCount).toBe(2);
    expect(back.checklist!.items.filter((i) => i.done).map((i) => i.id)).toEqual([a.id, b.id]);
    expect(back.checklist!.removed).toEqual([]);

    // Forward again, then one more pack (by sync) that lacks the item too: now neither
    // the active nor the previous pack has it, and the tick is gone for good.
    await s['pack:rollback']({});
    served = JSON.stringify(packWithout('1.2.0', c, [b.id]));
    expect((await s['sync:now']({})).result).toMatchObject({ outcome: 'updated', version: '1.2.0' });
    expect((await db.get('ticks', `${c.accountId}|${c.playbookId}|${c.stageId}`))!.done).toEqual([a.id]);
    const after = await s['view:get']({ ctx: opportunity, lang: 'en' });
    expect(after.checklist!.removed).toEqual([]);
    expect(after.checklist!.doneCount).toBe(1);
  });
});
