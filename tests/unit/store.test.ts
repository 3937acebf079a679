import { beforeEach, describe, expect, it } from 'vitest';
import { openFrontlineDb, type Db } from '../../utils/store/db';
import { activatePack, getActivePack, getPreviousPack, rollbackPack } from '../../utils/store/packStore';
import { seedSample } from '../../utils/store/samplePack';
import { getPick, getTicks, pruneTicks, setPick, setTick } from '../../utils/store/userState';
import { validatePack } from '../../utils/pack/validate';
import sample from '../../assets/sample-pack.json';

let db: Db;
let n = 0;
beforeEach(async () => {
  db = await openFrontlineDb(`frontline-test-${++n}`);
});

function packVersion(version: string) {
  const p = structuredClone(sample) as any;
  p.meta.version = version;
  const r = validatePack(p);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.pack;
}

describe('pack store', () => {
  it('serves the embedded sample pack on a fresh install, with nothing to roll back to', async () => {
    expect((await getActivePack(db)).source).toBe('embedded');
    expect(await getPreviousPack(db)).toBeNull();
    await expect(rollbackPack(db)).rejects.toThrow(/no previous pack/);
    expect((await getActivePack(db)).source).toBe('embedded');
  });

  it('at install the sample is stored as the active pack, with its index, so no wake checks it again', async () => {
    expect(await db.get('packs', 'active')).toBeUndefined();
    expect(await seedSample(db)).toBe(true);
    const stored = (await db.get('packs', 'active'))!;
    expect(stored).toMatchObject({ source: 'embedded', pack: { meta: { version: sample.meta.version } } });
    expect(stored.index).toBeDefined();
    // A second install event (an update with the same sample) writes nothing.
    expect(await seedSample(db)).toBe(false);
    expect(await getPreviousPack(db)).toBeNull();
  });

  it('an update replaces an older sample, never a pack ops activated', async () => {
    const old = { ...(await getActivePack(db)), pack: packVersion('0.0.1') };
    await db.put('packs', old, 'active');
    expect(await seedSample(db)).toBe(true);
    expect((await getActivePack(db)).pack.meta.version).toBe(sample.meta.version);
    await activatePack(db, packVersion('2.0.0'), 'file:v2.json');
    expect(await seedSample(db)).toBe(false);
    expect((await getActivePack(db)).pack.meta.version).toBe('2.0.0');
    expect((await getPreviousPack(db))!.source).toBe('embedded');
  });

  it('keeps the replaced pack as previous and swaps on rollback', async () => {
    await activatePack(db, packVersion('2.0.0'), 'file:v2.json');
    await activatePack(db, packVersion('3.0.0'), 'file:v3.json');
    expect((await getActivePack(db)).pack.meta.version).toBe('3.0.0');
    expect((await getPreviousPack(db))!.pack.meta.version).toBe('2.0.0');
    await rollbackPack(db);
    expect((await getActivePack(db)).pack.meta.version).toBe('2.0.0');
    expect((await getPreviousPack(db))!.pack.meta.version).toBe('3.0.0');
  });

  it('leaves the active pack untouched when an activation fails midway', async () => {
    await activatePack(db, packVersion('2.0.0'), 'file:v2.json');
    // A value IndexedDB cannot clone makes the put throw inside the transaction.
    const broken = { ...packVersion('9.0.0'), poison: () => 1 } as any;
    await expect(activatePack(db, broken, 'file:bad.json')).rejects.toThrow();
    expect((await getActivePack(db)).pack.meta.version).toBe('2.0.0');
    expect((await getPreviousPack(db))!.source).toBe('embedded');
  });
});

describe('user state', () => {
  it('persists ticks per account + playbook + stage', async () => {
    const k = { accountId: 'acme', playbookId: 'nb', stageId: 'disc' };
    await setTick(db, { ...k, itemId: 'a', done: true, label: 'Budget confirmed' });
    await setTick(db, { ...k, itemId: 'b', done: true });
    await setTick(db, { ...k, itemId: 'a', done: false });
    expect((await getTicks(db, 'acme', 'nb', 'disc'))!.done).toEqual(['b']);
    expect(await getTicks(db, 'acme', 'nb', 'other')).toBeNull();
  });

  it('keeps both ticks when two tabs tick the same list at once', async () => {
    const k = { accountId: 'acme', playbookId: 'nb', stageId: 'disc' };
    await Promise.all(['a', 'b', 'c', 'd'].map((itemId) => setTick(db, { ...k, itemId, done: true })));
    expect((await getTicks(db, 'acme', 'nb', 'disc'))!.done.sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('prunes only ticks on items that none of the given packs has in that stage', async () => {
    const k = { accountId: 'acme', playbookId: 'nb', stageId: 'disc' };
    await setTick(db, { ...k, itemId: 'old', done: true, label: 'Old step' });
    await setTick(db, { ...k, itemId: 'kept', done: true, label: 'Kept step' });
    await setTick(db, { ...k, itemId: 'elsewhere', done: true });
    const pack = (items: string[]) => ({ playbooks: [{ id: 'nb', stages: [{ id: 'disc', checklist: items.map((id) => ({ id })) }, { id: 'later', checklist: [{ id: 'elsewhere' }] }] }] }) as any;
    expect(await pruneTicks(db, [pack(['kept']), pack(['kept', 'old'])])).toBe(1);
    let rec = (await getTicks(db, 'acme', 'nb', 'disc'))!;
    expect(rec.done).toEqual(['old', 'kept']);
    expect(await pruneTicks(db, [pack(['kept'])])).toBe(1);
    rec = (await getTicks(db, 'acme', 'nb', 'disc'))!;
    expect(rec.done).toEqual(['kept']);
    expect(rec.labels).toEqual({ kept: 'Kept step' });
  });

  it('remembers a manual account pick per record and forgets it on request', async () => {
    await setPick(db, 'gmail:thread:t1', 'acme');
    expect(await getPick(db, 'gmail:thread:t1')).toBe('acme');
    expect(await getPick(db, 'gmail:thread:t2')).toBeNull();
    await setPick(db, 'gmail:thread:t1', null);
    expect(await getPick(db, 'gmail:thread:t1')).toBeNull();
  });
});
