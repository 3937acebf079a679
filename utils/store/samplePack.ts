/**
 * The sample pack: what a fresh install shows before ops publish their own. It ships as
 * a file of the extension package (`sample-pack.json`, copied there by wxt.config.ts),
 * not inside the worker's script — every wake would parse 150 KB of it — and is stored
 * in IndexedDB as the active pack at install (`seedSample`), checked, with its trees and
 * its match index, so a woken worker reads it like any other pack. Until that has run
 * (a message racing the install), it is read from the package and checked here.
 *
 * Where it is read from differs per runtime (the extension package, a file in Node), so
 * the runtime says once, at start: `useSampleSource`.
 */
import type { Db, StoredPack } from './db';
import { validatePack } from '../pack/validate';
import { packDerived } from '../pack/derived';
import { tryBuildIndex } from '../match/checkIndex';
import { storedIndex } from '../match/persist';

let source: () => Promise<unknown> = () => Promise.reject(new Error('Frontline: no source for the sample pack (useSampleSource)'));
let loaded: Promise<StoredPack> | null = null;

/** Where the sample pack's JSON comes from in this runtime. */
export function useSampleSource(read: () => Promise<unknown>): void {
  source = read;
  loaded = null;
}

/** The pack as stored: checked like any pack (a build that shipped a broken one fails loudly), trees and index beside it. */
function toStored(raw: unknown): StoredPack {
  const result = validatePack(raw);
  if (!result.ok) throw new Error(`the sample pack is invalid: ${result.errors[0].path}: ${result.errors[0].message}`);
  const built = tryBuildIndex(result.pack);
  return {
    pack: result.pack,
    importedAt: result.pack.meta.publishedAt,
    source: 'embedded',
    derived: packDerived(result.pack).derived,
    ...(built.ok ? { index: storedIndex(built.index) } : {}),
  };
}

/** The sample pack, read and checked once per worker life. */
export function samplePack(): Promise<StoredPack> {
  loaded ??= source()
    .then(toStored)
    .catch((e) => {
      loaded = null;
      throw e;
    });
  return loaded;
}

/**
 * At install and update: store the sample as the active pack when there is none, or
 * when the active one is an older build's sample (the rep never took another pack).
 * A pack ops activated is never touched. Returns whether it wrote.
 */
export async function seedSample(db: Db): Promise<boolean> {
  const sample = await samplePack();
  const tx = db.transaction('packs', 'readwrite', { durability: 'strict' });
  const active = await tx.store.get('active');
  const stale = active?.source === 'embedded' && (active.pack.meta.version !== sample.pack.meta.version || active.pack.meta.publishedAt !== sample.pack.meta.publishedAt);
  if (!active || stale) await tx.store.put(sample, 'active');
  await tx.done;
  return !active || stale;
}
