/**
 * Failures: an activation cut off at every point leaves the old pack or the
 * new one, never a mix; a full disk refuses with a clear error and loses nothing; an
 * IndexedDB upgrade is not blocked by an extension page still holding the old
 * version; two tabs (two connections) ticking the same checklist both land; a pack
 * server that fails (500, no answer, garbage) changes nothing.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDB } from 'idb';
import { DB_NAME, DB_VERSION, getDb, openFrontlineDb, type Db } from '../../../utils/store/db';
import { activatePack, getActivePack, getPreviousPack, rollbackPack } from '../../../utils/store/packStore';
import { getPick, getTicks, setTick } from '../../../utils/store/userState';
import { createService } from '../../../utils/background/service';
import { validatePack } from '../../../utils/pack/validate';
import type { KnowledgePack } from '../../../utils/pack/schema';
import { memoryKeyValue, type OpsDeps } from '../../../utils/sync/handlers';
import { corpus, validPack } from './corpus';

let n = 0;
const freshDb = () => openFrontlineDb(`frontline-failures-${++n}`);
const NOW = new Date('2026-11-23T10:00:00Z');

function packVersion(version: string): KnowledgePack {
  const p = validPack();
  p.meta.version = version;
  const r = validatePack(p);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.pack;
}

const proto = globalThis.IDBObjectStore.prototype;
const realPut = proto.put;
afterEach(() => {
  proto.put = realPut;
});

/**
 * Makes the `failAt`-th put (1-based) fail the way `how` says. Counts puts on every
 * store; the pack store's activation does exactly two (previous, then active).
 */
function failPut(failAt: number, how: 'throw' | 'abort' | 'quota') {
  let calls = 0;
  proto.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    calls++;
    if (calls === failAt) {
      if (how === 'quota') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      if (how === 'abort') {
        // What a worker stopped mid-import looks like to IndexedDB: the transaction
        // never commits.
        this.transaction.abort();
        throw new DOMException('The transaction was aborted.', 'AbortError');
      }
      throw new Error('simulated failure between the two puts');
    }
    return realPut.apply(this, args);
  } as typeof proto.put;
  return () => calls;
}

async function packsOf(db: Db) {
  return { active: (await getActivePack(db)).pack.meta.version, previous: (await getPreviousPack(db))?.pack.meta.version ?? null };
}

describe('activation interrupted', () => {
  for (const how of ['throw', 'abort', 'quota'] as const) {
    for (const failAt of [1, 2]) {
      it(`${how} at put ${failAt} of 2: the old pack and its previous, untouched`, async () => {
        const db = await freshDb();
        await activatePack(db, packVersion('2.0.0'), 'file:v2.json');
        await activatePack(db, packVersion('3.0.0'), 'file:v3.json');
        expect(await packsOf(db)).toEqual({ active: '3.0.0', previous: '2.0.0' });
        failPut(failAt, how);
        await expect(activatePack(db, packVersion('4.0.0'), 'file:v4.json')).rejects.toThrow();
        proto.put = realPut;
        expect(await packsOf(db)).toEqual({ active: '3.0.0', previous: '2.0.0' });
        // And the store still works afterwards.
        await activatePack(db, packVersion('4.0.0'), 'file:v4.json');
        expect(await packsOf(db)).toEqual({ active: '4.0.0', previous: '3.0.0' });
      });
    }
  }

  it('a rollback cut off between its two puts changes nothing either', async () => {
    const db = await freshDb();
    await activatePack(db, packVersion('2.0.0'), 'file:v2.json');
    await activatePack(db, packVersion('3.0.0'), 'file:v3.json');
    failPut(2, 'abort');
    await expect(rollbackPack(db)).rejects.toThrow();
    proto.put = realPut;
    expect(await packsOf(db)).toEqual({ active: '3.0.0', previous: '2.0.0' });
  });

  it('whatever request the worker dies at, a reader sees the old pair or the new pair', async () => {
    const outcomes = new Set<string>();
    for (let cut = 1; cut <= 4; cut++) {
      const name = `frontline-failures-${++n}`;
      const db = await openFrontlineDb(name);
      await activatePack(db, packVersion('2.0.0'), 'file:v2.json');
      // The activation's transaction is aborted as its `cut`-th request is issued (the
      // worker stopped there); `cut` past the last request lets it commit.
      let requests = 0;
      const realGet = proto.get;
      const cutHere = (store: IDBObjectStore) => {
        if (++requests === cut) store.transaction.abort();
      };
      proto.get = function (this: IDBObjectStore, ...a: Parameters<IDBObjectStore['get']>) {
        cutHere(this);
        return realGet.apply(this, a);
      } as typeof proto.get;
      proto.put = function (this: IDBObjectStore, ...a: Parameters<IDBObjectStore['put']>) {
        cutHere(this);
        return realPut.apply(this, a);
      } as typeof proto.put;
      const done = await activatePack(db, packVersion('3.0.0'), 'file:v3.json').then(
        () => true,
        () => false,
      );
      proto.get = realGet;
      proto.put = realPut;
      db.close();
      const reader = await openFrontlineDb(name);
      const pair = await packsOf(reader);
      expect(pair, `cut at request ${cut}`).toEqual(done ? { active: '3.0.0', previous: '2.0.0' } : { active: '2.0.0', previous: '1.0.0' });
      outcomes.add(done ? 'new' : 'old');
      reader.close();
    }
    // Both outcomes were exercised: cut inside the transaction (old) and after it (new).
    expect([...outcomes].sort()).toEqual(['new', 'old']);
  });
});

describe('storage quota exceeded', () => {
  it('an import that cannot be stored fails with QuotaExceededError; the pack and the ticks are as they were', async () => {
    const db = await freshDb();
    const s = createService({ getDb: async () => db, now: () => NOW });
    const v2 = validPack();
    v2.meta.version = '2.0.0';
    expect((await s['pack:import']({ text: JSON.stringify(v2), source: 'file:v2.json' })).ok).toBe(true);
    await setTick(db, { accountId: 'northwind', playbookId: 'new-business', stageId: 'proposal', itemId: 'x', done: true, label: 'X' });
    const ticksBefore = await getTicks(db, 'northwind', 'new-business', 'proposal');

    failPut(1, 'quota');
    const v3 = validPack();
    v3.meta.version = '3.0.0';
    const err = await s['pack:import']({ text: JSON.stringify(v3), source: 'file:v3.json' }).then(
      () => null,
      (e: unknown) => e as DOMException,
    );
    proto.put = realPut;
    // The background's listener turns a rejection into { ok: false, error: e.message }.
    expect(err?.name).toBe('QuotaExceededError');
    expect(err?.message).toMatch(/quota/i);
    expect(await packsOf(db)).toEqual({ active: '2.0.0', previous: '1.0.0' });
    expect((await s['pack:info']({})).version).toBe('2.0.0');
    expect(await getTicks(db, 'northwind', 'new-business', 'proposal')).toEqual(ticksBefore);
  });

  it('a tick that cannot be stored is refused, and the ticks already stored stay', async () => {
    const db = await freshDb();
    const k = { accountId: 'acme', playbookId: 'nb', stageId: 'disc' };
    await setTick(db, { ...k, itemId: 'a', done: true });
    failPut(1, 'quota');
    await expect(setTick(db, { ...k, itemId: 'b', done: true })).rejects.toMatchObject({ name: 'QuotaExceededError' });
    proto.put = realPut;
    expect((await getTicks(db, 'acme', 'nb', 'disc'))!.done).toEqual(['a']);
  });

  it('a pick that cannot be stored is refused, and the old pick stays', async () => {
    const db = await freshDb();
    const s = createService({ getDb: async () => db, now: () => NOW });
    await s['account:pick']({ recordKey: 'gmail:thread:t', accountId: 'acme' });
    failPut(1, 'quota');
    await expect(s['account:pick']({ recordKey: 'gmail:thread:t', accountId: 'northwind' })).rejects.toMatchObject({ name: 'QuotaExceededError' });
    proto.put = realPut;
    expect(await getPick(db, 'gmail:thread:t')).toBe('acme');
  });
});

describe('IndexedDB upgrade while another extension page holds the database', () => {
  it('the shared connection closes itself on versionchange, so a newer version upgrades without being blocked', async () => {
    const old = await getDb();
    await activatePack(old, packVersion('2.0.0'), 'file:v2.json');
    const blocked = vi.fn();
    const upgraded = vi.fn();
    const next = await openDB(DB_NAME, DB_VERSION + 1, {
      upgrade: (db, from, to) => {
        upgraded(from, to);
        db.createObjectStore('future');
      },
      blocked,
    });
    expect(upgraded).toHaveBeenCalledWith(DB_VERSION, DB_VERSION + 1);
    expect(blocked).not.toHaveBeenCalled();
    // The data came through the upgrade.
    expect((await next.get('packs', 'active'))?.pack.meta.version).toBe('2.0.0');
    // The old code cannot open the newer database: it fails loudly (VersionError)
    // instead of hanging, and does not cache the failure.
    await expect(getDb()).rejects.toMatchObject({ name: 'VersionError' });
    await expect(getDb()).rejects.toMatchObject({ name: 'VersionError' });
    next.close();
  });

  it('a connection without the handler blocks the upgrade until it closes; then the upgrade goes through', async () => {
    const name = `frontline-failures-${++n}`;
    const holder = await openFrontlineDb(name);
    // openFrontlineDb's blocking handler only closes the shared connection (getDb), so
    // this one stays open like a page that ignores versionchange.
    const blocked = vi.fn();
    const opening = openDB(name, DB_VERSION + 1, { blocked, upgrade: () => undefined });
    await vi.waitFor(() => expect(blocked).toHaveBeenCalled());
    holder.close();
    const next = await opening;
    expect(next.version).toBe(DB_VERSION + 1);
    next.close();
  });
});

describe('two tabs ticking the same checklist', () => {
  it('two connections (two extension contexts) ticking and unticking at once: every change lands', async () => {
    const name = `frontline-failures-${++n}`;
    const [a, b] = await Promise.all([openFrontlineDb(name), openFrontlineDb(name)]);
    const k = { accountId: 'acme', playbookId: 'nb', stageId: 'disc' };
    await setTick(a, { ...k, itemId: 'gone', done: true });
    await Promise.all([
      ...['a1', 'a2', 'a3'].map((itemId) => setTick(a, { ...k, itemId, done: true, label: itemId })),
      ...['b1', 'b2', 'b3'].map((itemId) => setTick(b, { ...k, itemId, done: true, label: itemId })),
      setTick(b, { ...k, itemId: 'gone', done: false }),
    ]);
    const rec = (await getTicks(a, 'acme', 'nb', 'disc'))!;
    expect(rec.done.sort()).toEqual(['a1', 'a2', 'a3', 'b1', 'b2', 'b3']);
    expect(Object.keys(rec.labels).sort()).toEqual(['a1', 'a2', 'a3', 'b1', 'b2', 'b3']);
  });
});

describe('sync server failures: the pack and the rep\'s state stay as they were', () => {
  const PACK_URL = 'https://packs.example.com/frontline/pack.json';
  let db: Db;
  let respond: (init: RequestInit | undefined) => Promise<Response>;
  const sync = () => {
    const ops: OpsDeps = {
      fetch: ((_url: string, init?: RequestInit) => respond(init)) as typeof fetch,
      userSettings: memoryKeyValue({}),
      syncState: memoryKeyValue(),
      managed: async () => ({}),
      schedule: async () => undefined,
      online: () => true,
      random: () => 0.5,
    };
    return createService({ getDb: async () => db, now: () => NOW, ops });
  };
  let s: ReturnType<typeof sync>;
  let before: string;
  const snapshot = async () =>
    JSON.stringify({ packs: [await db.get('packs', 'active'), await db.get('packs', 'previous')], ticks: await db.getAll('ticks'), picks: await db.getAll('picks') });

  beforeEach(async () => {
    db = await freshDb();
    s = sync();
    const v2 = validPack();
    v2.meta.version = '2.0.0';
    respond = async () => new Response(JSON.stringify(v2), { status: 200, headers: { ETag: '"v2"' } });
    const settings = await s['sync:settings']({ packUrl: PACK_URL, publicKey: null, refreshMinutes: 60 });
    // A new URL is synced at once.
    expect(settings.ok && settings.status.lastResult?.outcome).toBe('updated');
    await setTick(db, { accountId: 'northwind', playbookId: 'new-business', stageId: 'proposal', itemId: 'x', done: true, label: 'X' });
    await s['account:pick']({ recordKey: 'gmail:thread:t', accountId: 'acme' });
    before = await snapshot();
  });

  async function expectNothingChanged() {
    expect(await snapshot()).toBe(before);
    expect((await s['pack:info']({})).version).toBe('2.0.0');
    expect((await sync()['pack:info']({})).version).toBe('2.0.0');
  }

  for (const status of [500, 502, 404, 401]) {
    it(`HTTP ${status}: an error that says so`, async () => {
      respond = async () => new Response('<h1>Internal Server Error</h1>', { status });
      const r = await s['sync:now']({});
      expect(r.result).toMatchObject({ outcome: 'error', status, message: `the server answered HTTP ${status}` });
      expect(r.status.failures).toBe(1);
      await expectNothingChanged();
    });
  }

  it('no answer: the request is given up after 60 seconds, with an error that says so', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      respond = (init) =>
        new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError'))));
      const pending = s['sync:now']({});
      await vi.advanceTimersByTimeAsync(60_000);
      const r = await pending;
      expect(r.result).toMatchObject({ outcome: 'error', message: 'no answer within 60 seconds' });
    } finally {
      vi.useRealTimers();
    }
    await expectNothingChanged();
  });

  it('the connection drops: an error that says the active pack stays', async () => {
    respond = async () => {
      throw new TypeError('Failed to fetch');
    };
    const r = await s['sync:now']({});
    expect(r.result?.outcome).toBe('error');
    expect(r.result?.message).toMatch(/could not reach the server \(Failed to fetch\): the active pack stays in use/);
    await expectNothingChanged();
  });

  const garbage: [string, () => BodyInit][] = [
    ['an empty body', () => ''],
    ['a login page', () => '<!doctype html><title>Sign in</title><form>…</form>'],
    ['random bytes', () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)],
    ['a pack cut off in transit', () => JSON.stringify(validPack()).slice(0, 5000)],
    ...corpus()
      .filter((c) => c.text !== undefined && !/50 MB/.test(c.name))
      .slice(0, 40)
      .map((c): [string, () => BodyInit] => [`corpus: ${c.name}`, () => c.text!]),
  ];
  for (const [name, body] of garbage) {
    it(`garbage from the server (${name}): refused, nothing changes`, async () => {
      respond = async () => new Response(body(), { status: 200, headers: { ETag: '"garbage"' } });
      const r = await s['sync:now']({});
      expect(r.result?.outcome).toBe('refused');
      expect(r.result?.message).toMatch(/^refused: /);
      expect(r.result?.errors?.length).toBeGreaterThan(0);
      for (const e of r.result?.errors ?? []) expect(e.path).toBeTruthy();
      await expectNothingChanged();
    });
  }
});
