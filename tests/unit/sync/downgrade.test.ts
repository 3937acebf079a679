/**
 * Downgrades stay refused across pack ids: sync keeps the highest version it took of
 * each `meta.id` in extension storage, and changes to another pack id only from the
 * built-in sample or when ops allow it. Import and activation follow the same rule;
 * an explicit confirmation on the options page (and Roll back) still works.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { generateKeyPair, signPack, type KeyPair } from '../../../utils/pack/sign';
import { configure, packServer, profile, version } from './harness';

const prod = (v: string) => version(v, (p) => (p.meta.id = 'acme-prod'));
const training = (v: string) => version(v, (p) => (p.meta.id = 'acme-training'));

let key: KeyPair;
let p: Awaited<ReturnType<typeof profile>>;
beforeEach(async () => {
  key ??= await generateKeyPair();
  p = await profile();
});
const signed = async (pack: unknown) => JSON.stringify(await signPack(pack, key.privateKeyPem));

describe('sync and pack ids', () => {
  it('refuses a signed pack of another id; the first company pack replaces the built-in sample', async () => {
    const srv = packServer();
    const w = p.worker(srv.fetchFn);
    srv.publish(await signed(prod('2.0.0')));
    await configure(w, { publicKey: key.publicKey });
    expect((await w['sync:status']({})).lastResult).toMatchObject({ outcome: 'updated', version: '2.0.0' });

    srv.publish(await signed(training('1.0.0')));
    const r = await w['sync:now']({});
    expect(r.result).toMatchObject({ outcome: 'refused', reason: 'pack-switch', version: '1.0.0' });
    expect(r.result?.message).toBe('refused: the server sent the pack "acme-training" but "acme-prod" is active; sync changes to another pack only when ops allow it (allowPackSwitch), or activate it on this page');
    expect((await w['pack:info']({})).version).toBe('2.0.0');
  });

  it('after an allowed switch, the old signed production pack does not replay as "updated", even after a worker restart', async () => {
    const srv = packServer();
    srv.publish(await signed(prod('2.0.0')));
    await configure(p.worker(srv.fetchFn), { publicKey: key.publicKey, allowPackSwitch: true });
    srv.publish(await signed(training('1.0.0')));
    expect((await p.worker(srv.fetchFn)['sync:now']({})).result).toMatchObject({ outcome: 'updated', version: '1.0.0' });
    srv.publish(await signed(training('1.1.0')));
    expect((await p.worker(srv.fetchFn)['sync:now']({})).result).toMatchObject({ outcome: 'updated', version: '1.1.0' });
    // Neither the active nor the previous pack is production any more: only the stored mark knows 2.0.0.
    await expect(p.highWater.get()).resolves.toMatchObject({ 'acme-prod': '2.0.0', 'acme-training': '1.1.0' });

    srv.publish(await signed(prod('1.5.0')));
    const replay = await p.worker(srv.fetchFn)['sync:now']({});
    expect(replay.result).toMatchObject({
      outcome: 'refused',
      reason: 'downgrade',
      message: 'refused: version 1.5.0 is older than 2.0.0, the highest version of acme-prod taken before (publish it with a higher version, or roll back on this page)',
    });
    expect((await p.worker(srv.fetchFn)['pack:info']({})).version).toBe('1.1.0');

    // The production pack at (or above) its mark is a legitimate switch back.
    srv.publish(await signed(prod('2.0.0')));
    expect((await p.worker(srv.fetchFn)['sync:now']({})).result).toMatchObject({ outcome: 'updated', version: '2.0.0' });
  });

  it('a policy can allow the switch (and lock it); a value that is not true/false is reported', async () => {
    p.policy = { allowPackSwitch: true };
    const w = p.worker(packServer().fetchFn);
    expect((await w['sync:status']({})).settings).toMatchObject({ allowPackSwitch: true, fromPolicy: { allowPackSwitch: true }, locked: { allowPackSwitch: true } });
    expect(await w['sync:settings']({ packUrl: null, publicKey: null, refreshMinutes: 60, allowPackSwitch: false })).toEqual({ ok: false, errors: [{ field: 'allowPackSwitch', message: "set by your organisation's policy" }] });
    p.policy = { allowPackSwitch: 'yes' };
    expect((await w['sync:status']({})).settings).toMatchObject({ allowPackSwitch: false, policyProblems: ['allowPackSwitch: expected true or false'] });
  });
});

describe('import and activation follow the same rule', () => {
  it('a plain import of another pack id, or of a version below the mark, is refused; a confirmed activation and Roll back still work', async () => {
    const w = p.worker(packServer().fetchFn);
    expect(await w['pack:import']({ text: JSON.stringify(prod('2.0.0')), source: 'f' })).toMatchObject({ ok: true }); // away from the sample
    expect(await w['pack:import']({ text: JSON.stringify(training('1.0.0')), source: 'f' })).toMatchObject({ ok: false, errors: [{ path: 'meta.id' }] });
    const preview = await w['pack:preview']({ text: JSON.stringify(training('1.0.0')), source: 'f', lang: 'en' });
    expect(preview).toMatchObject({ ok: true, comparison: 'pack-switch' });
    // Ops confirm the switch on the options page.
    expect(await w['pack:activate']({ text: JSON.stringify(training('1.0.0')), source: 'f', allowDowngrade: true })).toMatchObject({ ok: true, comparison: 'pack-switch' });
    await w['pack:import']({ text: JSON.stringify(training('1.1.0')), source: 'f' });

    const old = JSON.stringify(prod('1.5.0'));
    expect(await w['pack:import']({ text: old, source: 'f' })).toEqual({
      ok: false,
      errors: [{ path: 'meta.version', message: 'version 1.5.0 is older than 2.0.0, the highest version of acme-prod taken before: activate it as a rollback' }],
    });
    expect(await w['pack:activate']({ text: old, source: 'f', allowDowngrade: true })).toMatchObject({ ok: true, comparison: 'downgrade', info: { version: '1.5.0' } });
    expect(await w['pack:rollback']({})).toMatchObject({ ok: true, info: { version: '1.1.0' } });
    // A rollback does not lower the mark.
    expect(await p.highWater.get()).toMatchObject({ 'acme-prod': '2.0.0' });
  });
});
