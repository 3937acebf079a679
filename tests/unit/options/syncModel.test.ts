/** The sync section as a model: settings in force → form → save → "Sync now", with each outcome. */
import { describe, expect, it } from 'vitest';
import { createSyncModel } from '../../../entrypoints/options/syncModel';
import type { SyncStatus } from '../../../utils/sync/handlers';
import { packServer, profile, URL_, version } from '../sync/harness';
import { askWorker } from './askWorker';

async function setup({ granted = true } = {}) {
  const p = await profile();
  const srv = packServer();
  const worker = p.worker(srv.fetchFn);
  const { ask, sent } = askWorker(() => worker);
  const synced: SyncStatus[] = [];
  const asked = { contains: [] as string[], request: [] as string[] };
  const m = createSyncModel({
    ask,
    hasAccess: async (o) => (asked.contains.push(o), granted),
    requestAccess: async (o) => (asked.request.push(o), true),
    onSynced: (s) => synced.push(s),
  });
  m.show(await worker['sync:status']({}));
  return { p, srv, worker, m, sent, synced, asked };
}

const fillForm = (m: ReturnType<typeof createSyncModel>, url: string) => {
  m.url.value = url;
  m.minutes.value = '60';
};

describe('sync model', () => {
  it('fills the form from the settings in force; sync now is off without a URL', async () => {
    const { m } = await setup();
    expect([m.url.value, m.key.value, m.minutes.value, m.allowSwitch.value]).toEqual(['', '', '60', false]);
    expect(m.canSave.value).toBe(true);
    expect(m.canSyncNow.value).toBe(false);
    expect(m.anyLocked.value).toBe(false);
  });

  it('refuses a bad field with its message, saves nothing, and is not left busy', async () => {
    const { m, synced, worker } = await setup();
    fillForm(m, 'http://packs.example.com/pack.json');
    m.minutes.value = '5';
    await m.save();
    expect(Object.keys(m.errors.value).sort()).toEqual(['packUrl', 'refreshMinutes']);
    expect([m.saved.value, m.busy.value]).toEqual([false, false]);
    expect(synced).toEqual([]);
    expect((await worker['sync:status']({})).settings.packUrl).toBeNull();
  });

  it('saves a URL, and the background has already taken the published pack', async () => {
    const { m, srv, synced, worker } = await setup();
    srv.publish(version('1.1.0'));
    fillForm(m, ` ${URL_} `);
    await m.save();
    expect(m.errors.value).toEqual({});
    expect(m.saved.value).toBe(true);
    expect(synced.at(-1)?.lastResult).toMatchObject({ outcome: 'updated', version: '1.1.0' });
    expect(m.url.value).toBe(URL_);
    expect(m.canSyncNow.value).toBe(true);
    expect((await worker['pack:info']({})).version).toBe('1.1.0');
  });

  it('sync now reports each outcome: updated, not modified, failed, refused', async () => {
    const { m, srv, synced, sent } = await setup();
    srv.publish(version('1.1.0'), '"a"');
    fillForm(m, URL_);
    await m.save();

    srv.publish(version('1.2.0'), '"b"');
    await m.syncNow();
    expect(m.status.value?.lastResult).toMatchObject({ outcome: 'updated', version: '1.2.0' });

    await m.syncNow();
    expect(m.status.value?.lastResult?.outcome).toBe('not-modified');

    srv.s.down = true;
    await m.syncNow();
    expect(m.status.value?.lastResult?.outcome).toBe('error');
    expect(m.status.value?.failures).toBe(1);

    srv.s.down = false;
    srv.publish('{"meta":', '"c"');
    await m.syncNow();
    expect(m.status.value?.lastResult?.outcome).toBe('refused');
    expect(m.busy.value).toBe(false);
    expect(synced.map((s) => s.lastResult?.outcome)).toEqual(['updated', 'updated', 'not-modified', 'error', 'refused']);
    expect(sent.filter((t) => t === 'sync:now')).toHaveLength(4);
  });

  it('keeps an edit in progress when a status arrives with the same settings, and refills when they change', async () => {
    const { m, worker, p } = await setup();
    m.url.value = 'https://typing.example.com/';
    m.show(await worker['sync:status']({}));
    expect(m.url.value).toBe('https://typing.example.com/');
    p.policy = { packUrl: URL_, refreshMinutes: 120 };
    m.show(await worker['sync:status']({}));
    expect([m.url.value, m.minutes.value]).toEqual([URL_, '120']);
    expect(m.anyLocked.value).toBe(true);
    expect(m.allLocked.value).toBe(false);
    expect(m.settings.value?.locked.packUrl).toBe(true);
  });

  it('cannot save when the policy locks every field', async () => {
    const { m, worker, p } = await setup();
    p.policy = { packUrl: URL_, publicKey: null, refreshMinutes: 120, allowPackSwitch: false };
    const s = await worker['sync:status']({});
    m.show(s);
    expect(Object.values(s.settings.locked).every(Boolean)).toBe(true);
    expect([m.allLocked.value, m.canSave.value]).toEqual([true, false]);
  });

  it('offers host access for an https pack origin not yet granted, and takes it', async () => {
    const { m, srv, asked } = await setup({ granted: false });
    srv.publish(version('1.1.0'));
    fillForm(m, URL_);
    await m.save();
    await Promise.resolve();
    expect(asked.contains).toEqual(['https://packs.example.com/*']);
    expect(m.offerAccess.value).toBe(true);
    await m.grant();
    expect(asked.request).toEqual(['https://packs.example.com/*']);
    expect(m.offerAccess.value).toBe(false);
  });
});
