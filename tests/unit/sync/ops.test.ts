/**
 * The ops console's background side: preview before activation, activation rules,
 * the stale-content report and local analytics.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openFrontlineDb, type Db } from '../../../utils/store/db';
import { createService } from '../../../utils/background/service';
import { memoryKeyValue } from '../../../utils/sync/handlers';
import type { UserSettings } from '../../../utils/sync/settings';
import { generateKeyPair, signPack } from '../../../utils/pack/sign';
import { isoWeek, rollUp } from '../../../utils/sync/analytics';

const sample = JSON.parse(readFileSync(new URL('../../../assets/sample-pack.json', import.meta.url), 'utf8'));
const NOW = new Date('2026-11-23T10:00:00Z');
let db: Db;
let n = 0;
let settings: ReturnType<typeof memoryKeyValue<UserSettings>>;
beforeEach(async () => {
  db = await openFrontlineDb(`frontline-ops-${++n}`);
  settings = memoryKeyValue<UserSettings>({});
});
const service = () => createService({ getDb: async () => db, now: () => NOW, ops: { userSettings: settings } });
const text = (p: unknown) => JSON.stringify(p);
const version = (v: string, patch?: (p: any) => void) => {
  const p = structuredClone(sample);
  p.meta.version = v;
  patch?.(p);
  return p;
};

describe('preview and activation', () => {
  it('previews what a pack changes without activating it', async () => {
    const s = service();
    const next = version('1.1.0', (p) => {
      p.competitors = p.competitors.filter((c: any) => c.id !== 'hooli');
      p.accounts.forEach((a: any) => (a.competitors = (a.competitors ?? []).filter((c: string) => c !== 'hooli')));
    });
    const preview = await s['pack:preview']({ text: text(next), source: 'file:next.json', lang: 'en' });
    if (!preview.ok) throw new Error(JSON.stringify(preview.errors));
    expect(preview).toMatchObject({ comparison: 'upgrade', signature: 'unsigned', incoming: { version: '1.1.0', counts: { competitors: 4 } } });
    expect(preview.diff.sections.competitors.removed).toEqual([{ id: 'hooli', name: expect.any(String) }]);
    expect((await s['pack:info']({})).version).toBe('1.0.0');

    const done = await s['pack:activate']({ text: text(next), source: 'file:next.json', allowDowngrade: false });
    expect(done).toMatchObject({ ok: true, comparison: 'upgrade', info: { version: '1.1.0', source: 'file:next.json' } });
  });

  it('hashes the text only when a preview could be reused: a one-step import hashes nothing, the previewed text is checked once', async () => {
    const digest = vi.spyOn(globalThis.crypto.subtle, 'digest');
    try {
      const s = service();
      expect(await s['pack:import']({ text: text(version('1.1.0')), source: 'file:a.json' })).toMatchObject({ ok: true });
      expect(digest).not.toHaveBeenCalled();
      const next = text(version('1.2.0'));
      const preview = await s['pack:preview']({ text: next, source: 'file:b.json', lang: 'en' });
      expect(preview.ok && preview.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(digest).toHaveBeenCalledTimes(1);
      // The same text again: hashed, to find it previewed.
      expect(await s['pack:activate']({ text: next, source: 'file:b.json', allowDowngrade: false })).toMatchObject({ ok: true, info: { version: '1.2.0' } });
      expect(digest).toHaveBeenCalledTimes(2);
    } finally {
      digest.mockRestore();
    }
  });

  it('lists every error of a broken pack and activates nothing', async () => {
    const s = service();
    const bad = version('2.0.0', (p) => {
      p.accounts[0].arr = 'lots';
      p.playbooks[0].motion = 'hunting';
    });
    const preview = await s['pack:preview']({ text: text(bad), source: 'x', lang: 'en' });
    expect(preview).toMatchObject({ ok: false, reason: 'invalid' });
    expect(!preview.ok && preview.errors.map((e) => e.path)).toEqual(['playbooks[0].motion', 'accounts[0].arr']);
    expect(await s['pack:activate']({ text: text(bad), source: 'x', allowDowngrade: true })).toMatchObject({ ok: false, reason: 'invalid' });
    expect((await s['pack:info']({})).version).toBe('1.0.0');
  });

  it('an older version needs an explicit rollback', async () => {
    const s = service();
    await s['pack:activate']({ text: text(version('1.2.0')), source: 'a', allowDowngrade: false });
    const older = text(version('1.1.0'));
    expect((await s['pack:preview']({ text: older, source: 'b', lang: 'en' })).ok && (await s['pack:preview']({ text: older, source: 'b', lang: 'en' }))).toMatchObject({ comparison: 'downgrade' });
    expect(await s['pack:activate']({ text: older, source: 'b', allowDowngrade: false })).toEqual({
      ok: false,
      reason: 'downgrade',
      errors: [{ path: 'meta.version', message: 'version 1.1.0 is older than the active 1.2.0: activate it as a rollback' }],
    });
    expect(await s['pack:activate']({ text: older, source: 'b', allowDowngrade: true })).toMatchObject({ ok: true, comparison: 'downgrade', info: { version: '1.1.0' } });
  });

  it('activates a previewed pack by its hash; after a worker restart it asks for the text again', async () => {
    const s = service();
    const preview = await s['pack:preview']({ text: text(version('1.1.0')), source: 'a', lang: 'en' });
    if (!preview.ok) throw new Error('preview failed');
    expect(await service()['pack:activate']({ hash: preview.hash, source: 'a', allowDowngrade: false })).toEqual({ ok: false, reason: 'expired', errors: [] });
    expect(await s['pack:activate']({ hash: preview.hash, source: 'a', allowDowngrade: false })).toMatchObject({ ok: true, info: { version: '1.1.0' } });
  });

  it('judges an activation against the pack active at that moment, not the one the preview saw', async () => {
    const s = service();
    const v11 = text(version('1.1.0'));
    expect(await s['pack:preview']({ text: v11, source: 'a', lang: 'en' })).toMatchObject({ ok: true, comparison: 'upgrade' });
    // Meanwhile 1.2.0 became active (another tab, or a sync).
    await s['pack:activate']({ text: text(version('1.2.0')), source: 'b', allowDowngrade: false });
    expect(await s['pack:activate']({ text: v11, source: 'a', allowDowngrade: false })).toMatchObject({ ok: false, reason: 'downgrade' });
    const preview = await s['pack:preview']({ text: v11, source: 'a', lang: 'en' });
    await s['pack:rollback']({});
    expect(await s['pack:activate']({ hash: preview.ok ? preview.hash : '', source: 'a', allowDowngrade: false })).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('the one-step pack:import obeys the same key and downgrade rules', async () => {
    const key = await generateKeyPair();
    settings = memoryKeyValue<UserSettings>({ publicKey: key.publicKey });
    const s = service();
    expect(await s['pack:import']({ text: text(version('1.1.0')), source: 'f' })).toMatchObject({ ok: false });
    expect((await s['pack:info']({})).version).toBe('1.0.0');
    const signed = await signPack(version('1.1.0'), key.privateKeyPem);
    expect(await s['pack:import']({ text: JSON.stringify(signed), source: 'f' })).toMatchObject({ ok: true, info: { version: '1.1.0' } });
    const older = await signPack(version('1.0.5'), key.privateKeyPem);
    expect(await s['pack:import']({ text: JSON.stringify(older), source: 'f' })).toMatchObject({ ok: false, errors: [{ path: 'meta.version' }] });
  });

  it('with a public key configured, a file import must be signed by it too', async () => {
    const key = await generateKeyPair();
    settings = memoryKeyValue<UserSettings>({ publicKey: key.publicKey });
    const s = service();
    expect(await s['pack:preview']({ text: text(version('1.1.0')), source: 'f', lang: 'en' })).toMatchObject({ ok: false, reason: 'signature' });
    const signed = await signPack(version('1.1.0'), key.privateKeyPem);
    expect(await s['pack:preview']({ text: text(signed), source: 'f', lang: 'en' })).toMatchObject({ ok: true, signature: 'verified', keyId: key.keyId });
  });
});

describe('ops report', () => {
  it('groups cards past their review date by owner, most overdue first', async () => {
    const pack = version('1.1.0', (p) => {
      const [a, b, c, d] = p.competitors;
      Object.assign(a, { owner: 'Priya', reviewedAt: '2026-06-01', reviewEvery: 30 }); // due 07-01
      Object.assign(b, { owner: 'Jordan', reviewedAt: '2026-10-01', reviewEvery: 30 }); // due 10-31
      Object.assign(c, { owner: 'Priya', reviewedAt: '2026-09-01', reviewEvery: 60 }); // due 10-31
      Object.assign(d, { owner: 'Jordan', reviewedAt: '2026-11-20', reviewEvery: 10 }); // due 11-30: soon
      p.competitors[4].reviewedAt = '2026-11-22';
      p.competitors[4].reviewEvery = 90;
      p.sites = [{ id: 'crm', host: 'crm.example.com', pathPrefix: '/accounts/', selectors: { accountName: 'h1' } }];
    });
    const s = service();
    await s['pack:activate']({ text: text(pack), source: 'x', allowDowngrade: false });
    const r = await s['ops:report']({});
    expect(r.stale.map((g) => [g.owner, g.cards.map((c) => [c.id, c.daysOverdue])])).toEqual([
      ['Priya', [[pack.competitors[0].id, 145], [pack.competitors[2].id, 23]]],
      ['Jordan', [[pack.competitors[1].id, 23]]],
    ]);
    expect(r.dueSoon.map((c) => [c.id, c.dueOn])).toEqual([[pack.competitors[3].id, '2026-11-30']]);
    expect(r.sites).toEqual([{ id: 'crm', host: 'crm.example.com', pathPrefix: '/accounts/', recordType: undefined }]);
  });
});

describe('local analytics', () => {
  it('counts views, objection views, copies and inserts by week, segment and region, and checklist completion by stage', async () => {
    const s = service();
    const log = (at: string, e: Parameters<ReturnType<typeof service>['usage:log']>[0]) => {
      const svc = createService({ getDb: async () => db, now: () => new Date(at) });
      return svc['usage:log'](e);
    };
    // northwind: Enterprise / NA; yunshan: Enterprise / Greater China
    await log('2026-11-16T09:00:00Z', { kind: 'card_view', accountId: 'northwind', competitorId: 'globex' });
    await log('2026-11-16T09:01:00Z', { kind: 'section_view', accountId: 'northwind', competitorId: 'globex', section: 'objections' });
    await log('2026-11-16T09:02:00Z', { kind: 'copy', accountId: 'northwind', competitorId: 'globex', objectionId: 'gx-ela' });
    await log('2026-11-23T09:00:00Z', { kind: 'card_view', accountId: 'yunshan', competitorId: 'shuce' });
    await log('2026-11-23T09:01:00Z', { kind: 'insert', accountId: 'yunshan', competitorId: 'shuce' });
    await log('2026-11-23T09:02:00Z', { kind: 'card_view', accountId: null, competitorId: 'globex' });
    await log('2026-11-23T09:03:00Z', { kind: 'tick', accountId: 'northwind', playbookId: 'new-business', stageId: 'proposal', itemId: 'x' });
    const proposal = sample.playbooks[0].stages.find((st: any) => st.id === 'proposal');
    const ids = proposal.checklist.map((c: any) => c.id);
    await s['checklist:set']({ accountId: 'northwind', playbookId: 'new-business', stageId: 'proposal', itemId: ids[0], done: true });
    await s['checklist:set']({ accountId: 'acme', playbookId: 'new-business', stageId: 'proposal', itemId: ids[0], done: true });
    for (const id of ids) await s['checklist:set']({ accountId: 'acme', playbookId: 'new-business', stageId: 'proposal', itemId: id, done: true });

    const r = await s['usage:report']({ lang: 'en' });
    expect(r.events).toBe(7);
    expect(rollUp(r.cells, 'week').map((x) => [x.key, x.cardViews, x.objectionViews, x.copies, x.inserts, x.ticks])).toEqual([
      ['2026-W47', 1, 1, 1, 0, 0],
      ['2026-W48', 2, 0, 0, 1, 1],
    ]);
    expect(rollUp(r.cells, 'region').map((x) => [x.key, x.cardViews])).toEqual([
      ['Greater China', 1],
      ['NA', 1],
      ['—', 1],
    ]);
    expect(rollUp(r.cells, 'card').find((x) => x.key === 'Globex Analytics')).toMatchObject({ cardViews: 2, copies: 1 });
    const st = r.checklist.find((c) => c.playbookId === 'new-business' && c.stageId === 'proposal')!;
    expect(st).toMatchObject({ items: ids.length, accounts: 2, complete: 1, tickEvents: 1 });
    expect(st.averageDone).toBeCloseTo((1 / ids.length + 1) / 2);

    expect(await s['usage:clear']({})).toEqual({ ok: true, cleared: 7 });
    expect((await s['usage:report']({ lang: 'en' })).events).toBe(0);
  });

  it('names ISO weeks the way calendars do', () => {
    expect(['2026-01-01T00:00:00Z', '2027-01-03T23:00:00Z', '2026-12-28T00:00:00Z', '2026-11-23T10:00:00Z'].map(isoWeek)).toEqual(['2026-W01', '2026-W53', '2026-W53', '2026-W48']);
  });
});

describe('who may ask', () => {
  it('only extension pages may use the ops messages; a content script in a CRM tab is refused', async () => {
    const { admit } = await import('../../../utils/messages');
    for (const [type, payload] of [
      ['sync:settings', { packUrl: 'https://evil.example.com/p.json', publicKey: null, refreshMinutes: 60 }],
      ['sync:now', {}],
      ['pack:preview', { text: '{}', source: 'x', lang: 'en' }],
      ['pack:activate', { text: '{}', source: 'x', allowDowngrade: true }],
      ['usage:report', { lang: 'en' }],
      ['usage:clear', {}],
      ['ops:report', {}],
      ['sync:status', {}],
    ] as const) {
      expect(admit({ frontline: 1, type, payload }, 'content-script'), type).toEqual({ ok: false, error: `refused: "${type}" is only for extension pages` });
      expect(admit({ frontline: 1, type, payload }, 'extension-page').ok, type).toBe(true);
    }
    expect(admit({ frontline: 1, type: 'pack:activate', payload: { hash: 'not-a-hash', source: 'x', allowDowngrade: false } }, 'extension-page').ok).toBe(false);
  });
});
