/**
 * Pack sync through the background service, with a scripted pack server and
 * in-memory browser storage: what ops and reps would notice — which pack is active,
 * what the last sync says, when the next one happens.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { openFrontlineDb, type Db } from '../../../utils/store/db';
import { createService } from '../../../utils/background/service';
import { memoryKeyValue, type OpsDeps } from '../../../utils/sync/handlers';
import type { SyncState } from '../../../utils/sync/sync';
import type { UserSettings } from '../../../utils/sync/settings';
import { backoffMinutes } from '../../../utils/sync/backoff';
import { generateKeyPair, signPack } from '../../../utils/pack/sign';
import { packServer, T0, URL_, version } from './harness';

let db: Db;
let n = 0;
let clock: Date;
let scheduled: (number | null)[];
let storage: { settings: ReturnType<typeof memoryKeyValue<UserSettings>>; state: ReturnType<typeof memoryKeyValue<SyncState>> };
let policy: unknown;
let online: boolean;

beforeEach(async () => {
  db = await openFrontlineDb(`frontline-sync-${++n}`);
  clock = new Date(T0);
  scheduled = [];
  storage = { settings: memoryKeyValue<UserSettings>({}), state: memoryKeyValue<SyncState>() };
  policy = {};
  online = true;
});

/** A fresh service each call, like a service worker that was stopped and started again. */
function worker(fetchFn: typeof fetch) {
  const ops: OpsDeps = {
    fetch: fetchFn,
    userSettings: storage.settings,
    syncState: storage.state,
    managed: async () => policy,
    schedule: async (at) => void scheduled.push(at),
    online: () => online,
    random: () => 0.5, // no jitter
  };
  return createService({ getDb: async () => db, now: () => clock, ops });
}

async function configure(w: ReturnType<typeof worker>, s: Partial<{ packUrl: string | null; publicKey: string | null; refreshMinutes: number }> = {}) {
  const r = await w['sync:settings']({ packUrl: URL_, publicKey: null, refreshMinutes: 60, ...s });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
}

describe('pack sync', () => {
  it('takes the published pack, then costs a 304 while it is unchanged', async () => {
    const srv = packServer();
    srv.publish(version('1.1.0'), '"v110"');
    const w = worker(srv.fetchFn);
    await configure(w); // a new URL is checked right away
    const first = await w['sync:status']({});
    expect(first.lastResult).toMatchObject({ outcome: 'updated', version: '1.1.0', status: 200 });
    expect((await w['pack:info']({})).version).toBe('1.1.0');
    expect((await w['pack:info']({})).source).toBe(URL_);
    expect(scheduled.at(-1)).toBe(T0.getTime() + 60 * 60_000);

    clock = new Date(T0.getTime() + 60 * 60_000);
    const second = await worker(srv.fetchFn)['sync:now']({}); // the worker was restarted in between
    expect(srv.s.requests.map((r) => [r.ifNoneMatch, r.status])).toEqual([
      [null, 200],
      ['"v110"', 304],
    ]);
    expect(second.result).toMatchObject({ outcome: 'not-modified', status: 304 });
    expect(second.status.lastSuccessAt).toBe(clock.toISOString());
    expect((await w['pack:info']({})).version).toBe('1.1.0');
  });

  it('a server without ETags sending the same bytes changes nothing', async () => {
    const srv = packServer();
    srv.publish(version('1.1.0'), null);
    const w = worker(srv.fetchFn);
    await configure(w);
    await w['sync:now']({});
    const again = await w['sync:now']({});
    expect(again.result).toMatchObject({ outcome: 'unchanged' });
  });

  it('a server that refuses the conditional (preflighted) request still syncs, with plain requests', async () => {
    const srv = packServer();
    srv.publish(version('1.1.0'), '"e"');
    const strict = (async (url: string, init?: RequestInit) => {
      if (new Headers(init?.headers).has('If-None-Match')) throw new TypeError('Failed to fetch'); // CORS preflight refused
      return srv.fetchFn(url, init);
    }) as typeof fetch;
    const w = worker(strict);
    await configure(w);
    const again = await w['sync:now']({});
    expect(again.result).toMatchObject({ outcome: 'unchanged' });
    expect(again.status.failures).toBe(0);
    await w['sync:now']({});
    // One failed conditional attempt, then plain requests only.
    expect(srv.s.requests.map((r) => r.ifNoneMatch)).toEqual([null, null, null]);
  });

  it('offline or failing: keeps the active pack and retries after 1, 2, 4 minutes, then back to the schedule', async () => {
    const srv = packServer();
    srv.publish(version('1.1.0'));
    const w = worker(srv.fetchFn);
    await configure(w);
    await w['sync:now']({});
    srv.s.down = true;
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await w['sync:now']({});
      expect(r.result?.outcome).toBe('error');
      expect(r.result?.message).toContain('the active pack stays in use');
      delays.push((r.status.nextAt! - clock.getTime()) / 60_000);
    }
    expect(delays).toEqual([1, 2, 4]);
    online = false;
    const off = await w['sync:now']({});
    expect(off.result?.message).toMatch(/^offline/);
    expect(off.status.failures).toBe(4);
    expect((await w['pack:info']({})).version).toBe('1.1.0');

    online = true;
    srv.s.down = false;
    srv.s.status = 503;
    expect((await w['sync:now']({})).result).toMatchObject({ outcome: 'error', status: 503, message: 'the server answered HTTP 503' });
    srv.s.status = 200;
    const ok = await w['sync:now']({});
    expect(ok.status.failures).toBe(0);
    expect(ok.status.nextAt! - clock.getTime()).toBe(60 * 60_000);
  });

  it('with a public key, refuses unsigned and tampered packs and keeps the active one', async () => {
    const key = await generateKeyPair();
    const srv = packServer();
    const w = worker(srv.fetchFn);
    await configure(w, { publicKey: key.publicKey });

    srv.publish(version('1.1.0'));
    const unsigned = await w['sync:now']({});
    expect(unsigned.result).toMatchObject({ outcome: 'refused', reason: 'signature', message: 'refused: the pack is not signed, and a public key is configured' });
    expect((await w['pack:info']({})).version).toBe('1.0.0');

    const signed = await signPack(version('1.1.0'), key.privateKeyPem);
    srv.publish(signed);
    expect((await w['sync:now']({})).result).toMatchObject({ outcome: 'updated', version: '1.1.0' });

    const tampered = structuredClone(await signPack(version('1.2.0'), key.privateKeyPem));
    (tampered.pack as any).accounts[0].arr = 1;
    srv.publish(tampered);
    const r = await w['sync:now']({});
    expect(r.result).toMatchObject({ outcome: 'refused', reason: 'signature', message: 'refused: the signature does not match: the pack was changed after it was signed' });
    expect((await w['pack:info']({})).version).toBe('1.1.0');
    // A refused pack is looked at again next time (no ETag kept), so a fixed server is picked up.
    await w['sync:now']({});
    expect(srv.s.requests.at(-1)!.ifNoneMatch).toBeNull();
  });

  it('refuses an older version, and a changed pack that kept its version', async () => {
    const srv = packServer();
    const w = worker(srv.fetchFn);
    await configure(w);
    srv.publish(version('1.2.0'));
    await w['sync:now']({});
    srv.publish(version('1.1.5'));
    expect((await w['sync:now']({})).result).toMatchObject({
      outcome: 'refused',
      reason: 'downgrade',
      message: 'refused: version 1.1.5 is older than the active 1.2.0 (publish it with a higher version, or roll back on this page)',
    });
    srv.publish(version('1.2.0', (p) => (p.accounts[0].name = 'Renamed')));
    expect((await w['sync:now']({})).result).toMatchObject({ outcome: 'refused', reason: 'same-version' });
    expect((await w['pack:info']({})).version).toBe('1.2.0');
    // Another pack id is not taken unless ops allow switching (downgrade.test.ts).
    srv.publish(version('0.1.0', (p) => (p.meta.id = 'acme-emea')));
    expect((await w['sync:now']({})).result).toMatchObject({ outcome: 'refused', reason: 'pack-switch', version: '0.1.0' });
  });

  it('a refused pack lists its errors', async () => {
    const srv = packServer();
    const w = worker(srv.fetchFn);
    await configure(w);
    srv.publish(version('1.3.0', (p) => (p.accounts[0].domains = 'acme.com')));
    const r = await w['sync:now']({});
    expect(r.result).toMatchObject({ outcome: 'refused', reason: 'invalid', message: 'refused: the pack has 1 problem; the active pack stays' });
    expect(r.result?.errors?.[0].path).toBe('accounts[0].domains');
  });

  it('a local rollback sticks until the publisher ships something new', async () => {
    const srv = packServer();
    const w = worker(srv.fetchFn);
    await configure(w);
    srv.publish(version('1.1.0'), '"a"');
    await w['sync:now']({});
    await w['pack:rollback']({});
    expect((await w['pack:info']({})).version).toBe('1.0.0');
    expect((await w['sync:now']({})).result?.outcome).toBe('not-modified');
    expect((await w['pack:info']({})).version).toBe('1.0.0');
    srv.publish(version('1.1.1'), '"b"');
    await w['sync:now']({});
    expect((await w['pack:info']({})).version).toBe('1.1.1');
  });

  it('backoff grows exponentially, with jitter, up to a cap', () => {
    expect([1, 2, 3, 4, 10, 20].map((f) => backoffMinutes(f, 60, () => 0.5))).toEqual([1, 2, 4, 8, 360, 360]);
    expect(backoffMinutes(3, 60, () => 0)).toBeCloseTo(3.2);
    expect(backoffMinutes(3, 60, () => 1)).toBeCloseTo(4.8);
  });
});

describe('sync settings and policy', () => {
  it('checks what ops type: https (or this machine), a real key, sane minutes', async () => {
    const w = worker(packServer().fetchFn);
    const r = await w['sync:settings']({ packUrl: 'http://packs.example.com/p.json', publicKey: 'abc', refreshMinutes: 5 });
    expect(r).toEqual({
      ok: false,
      errors: [
        { field: 'packUrl', message: 'the pack URL must start with https://' },
        { field: 'publicKey', message: 'expected an Ed25519 public key: 44 characters of base64 (the .pub file from `npm run pack -- keygen`)' },
        { field: 'refreshMinutes', message: 'expected whole minutes from 15 to 10080' },
      ],
    });
    expect((await w['sync:settings']({ packUrl: 'http://127.0.0.1:8080/pack.json', publicKey: null, refreshMinutes: 15 })).ok).toBe(true);
  });

  it('a policy sets and locks the settings, and the options page cannot change them', async () => {
    const key = await generateKeyPair();
    policy = { packUrl: URL_, publicKey: key.publicKey, refreshMinutes: 240 };
    const w = worker(packServer().fetchFn);
    const status = await w['sync:status']({});
    expect(status.settings).toMatchObject({ packUrl: URL_, publicKey: key.publicKey, refreshMinutes: 240, locked: { packUrl: true, publicKey: true, refreshMinutes: true } });
    const r = await w['sync:settings']({ packUrl: 'https://elsewhere.example.com/p.json', publicKey: key.publicKey, refreshMinutes: 240 });
    expect(r).toEqual({ ok: false, errors: [{ field: 'packUrl', message: "set by your organisation's policy" }] });
    // The worker arms the alarm for the policy URL when it starts.
    await w.ops.ensureScheduled();
    expect(scheduled.at(-1)).toBe(T0.getTime());
  });

  it('an unlocked policy gives defaults users may override; bad policy values are reported, not used', async () => {
    policy = { packUrl: URL_, refreshMinutes: 3, lockSettings: false };
    const w = worker(packServer().fetchFn);
    let s = (await w['sync:status']({})).settings;
    expect(s).toMatchObject({ packUrl: URL_, refreshMinutes: 60, locked: { packUrl: false }, fromPolicy: { packUrl: true } });
    expect(s.policyProblems).toEqual(['refreshMinutes: expected whole minutes from 15 to 10080']);
    await w['sync:settings']({ packUrl: 'https://mine.example.com/p.json', publicKey: null, refreshMinutes: 30 });
    s = (await w['sync:status']({})).settings;
    expect(s).toMatchObject({ packUrl: 'https://mine.example.com/p.json', refreshMinutes: 30, fromPolicy: { packUrl: false } });
  });
});
