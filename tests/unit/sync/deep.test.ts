/**
 * Nothing in a pack, and nothing that goes wrong while taking it, can make a sync
 * vanish: a signed envelope nested 100,000 deep is refused by the structure check
 * (with its path) before verification walks it; canonical JSON has no recursion;
 * and any throw during a run is recorded as a failure, counted, and retried with
 * backoff (the alarm is re-armed).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson, generateKeyPair, signPack, SIGNED_FORMAT, verifyPackDoc, type KeyPair } from '../../../utils/pack/sign';
import { configure, packServer, profile, version } from './harness';

const DEPTH = 100_000;
const deepText = (depth: number) => `${'{"a":['.repeat(depth)}1${']}'.repeat(depth)}`;
const deep = (depth: number) => JSON.parse(deepText(depth));

let key: KeyPair;
let p: Awaited<ReturnType<typeof profile>>;
beforeEach(async () => {
  key ??= await generateKeyPair();
  p = await profile();
});

describe('deep structures', () => {
  it('canonical JSON and verification handle 100,000 levels without overflowing the stack', async () => {
    const value = deep(DEPTH);
    expect(canonicalJson(value)).toBe(deepText(DEPTH));
    const signed = await signPack({ meta: { id: 'x' }, deep: value }, key.privateKeyPem);
    expect(await verifyPackDoc(signed, key.publicKey)).toMatchObject({ ok: true });
  });

  it('with a key set, a deeply nested signed envelope is refused with a path; the result is recorded and the alarm re-armed', async () => {
    const srv = packServer();
    const w = p.worker(srv.fetchFn);
    await configure(w, { publicKey: key.publicKey });
    const pack = version('1.1.0');
    pack.accounts[0].notes = '(deep)';
    // Written by hand: JSON.stringify itself cannot write 100,000 levels.
    const body = JSON.stringify(pack).replace('"(deep)"', deepText(DEPTH));
    const envelope = `{"format":"${SIGNED_FORMAT}","signature":{"alg":"Ed25519","keyId":"${key.keyId}","value":"${'A'.repeat(86)}=="},"pack":${body}}`;
    srv.publish(envelope);
    p.scheduled.length = 0;
    const r = await w['sync:now']({});
    expect(r.result).toMatchObject({ outcome: 'refused', reason: 'invalid' });
    expect(r.result?.errors?.[0]).toEqual({ path: 'accounts[0].notes.a[0].a[0].a[0].a[0].a[0].a[0].a[0].a[0].a[0].a[0].a[0].a[0].a[0].a[0].a', message: 'nested more than 32 levels deep' });
    expect((await w['sync:status']({})).lastResult).toMatchObject({ outcome: 'refused' });
    expect(p.scheduled).toEqual([p.clock.getTime() + 60 * 60_000]);
    expect((await w['pack:info']({})).version).toBe('1.0.0');
  });
});

describe('a sync that throws', () => {
  const proto = globalThis.IDBObjectStore.prototype;
  const realPut = proto.put;
  afterEach(() => {
    proto.put = realPut;
  });

  it('is recorded as a failure, counted, and retried with backoff', async () => {
    const srv = packServer();
    const w = p.worker(srv.fetchFn);
    await configure(w, { packUrl: null });
    await configure(w);
    srv.publish(version('1.1.0'));
    // The disk is full: storing the pack fails.
    proto.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    } as typeof proto.put;
    p.scheduled.length = 0;
    const first = await w['sync:now']({});
    expect(first.result).toMatchObject({ outcome: 'error', message: 'the sync failed (The quota has been exceeded.): the active pack stays in use' });
    expect(first.status.failures).toBe(1);
    expect(p.scheduled).toEqual([p.clock.getTime() + 60_000]);
    const second = await p.worker(srv.fetchFn)['sync:now']({});
    expect(second.status.failures).toBe(2);
    expect(p.scheduled.at(-1)).toBe(p.clock.getTime() + 2 * 60_000);

    proto.put = realPut;
    const ok = await w['sync:now']({});
    expect(ok.result).toMatchObject({ outcome: 'updated', version: '1.1.0' });
    expect(ok.status.failures).toBe(0);
  });

  it('re-arms the alarm even when not even the failure can be stored', async () => {
    const srv = packServer();
    const w = p.worker(srv.fetchFn);
    await configure(w);
    p.state.set = async () => {
      throw new Error('storage is gone');
    };
    p.scheduled.length = 0;
    await expect(w['sync:now']({})).rejects.toThrow('storage is gone');
    expect(p.scheduled).toEqual([p.clock.getTime() + 60_000]);
  });
});
