/**
 * Active and previous pack. Activation and rollback are one readwrite transaction
 * each, so an interrupted import leaves the active pack as it was.
 */
import type { IDBPObjectStore } from 'idb';
import type { Db, FrontlineDB, StoredPack } from './db';
import type { KnowledgePack } from '../pack/schema';
import { packDerived } from '../pack/derived';
import { builtIndexOf, tryBuildIndex } from '../match/checkIndex';
import { INDEX_FORMAT, storedIndex } from '../match/persist';
import { samplePack } from './samplePack';
import { isPackedAccounts, LazyAccounts, packAccounts, PACKED_FROM } from './packedAccounts';

/** The record stored for `stored`: a large pack's accounts packed (packedAccounts.ts). */
function toRecord(stored: StoredPack): StoredPack {
  if (stored.pack.accounts.length < PACKED_FROM) return stored;
  return { ...stored, pack: { ...stored.pack, accounts: [] }, accounts: packAccounts(stored.pack.accounts) };
}

/**
 * A stored record as the rest of the extension sees it: a packed record's pack has its
 * accounts again — all decoded the first time anything reads `pack.accounts` (ops,
 * export, search) — and `accountList` decodes one at a time (the matcher and the view).
 */
export function fromRecord(record: StoredPack): StoredPack {
  const { accounts: packed, ...rest } = record;
  if (!isPackedAccounts(packed)) return record;
  const list = new LazyAccounts(packed);
  const pack = { ...record.pack };
  Object.defineProperty(pack, 'accounts', {
    enumerable: true,
    configurable: true,
    get() {
      const all = list.all();
      Object.defineProperty(pack, 'accounts', { value: all, enumerable: true, configurable: true, writable: true });
      return all;
    },
  });
  const stored: StoredPack = { ...rest, pack };
  Object.defineProperty(stored, 'accountList', { value: list, enumerable: false });
  return stored;
}

/** The active pack; the sample pack (samplePack.ts) while none is stored. */
export async function getActivePack(db: Db): Promise<StoredPack> {
  const record = await db.get('packs', 'active');
  return record ? fromRecord(record) : samplePack();
}

/** What takes the active pack's place as previous when none is stored: read before a transaction, which cannot wait for anything but IndexedDB. */
async function sampleIfNoActive(db: Db): Promise<StoredPack | null> {
  return (await db.getKey('packs', 'active')) === undefined ? samplePack() : null;
}

export async function getPreviousPack(db: Db): Promise<StoredPack | null> {
  const record = await db.get('packs', 'previous');
  return record ? fromRecord(record) : null;
}

/** Makes `pack` active and keeps the one it replaces as previous; what intake derived from it is stored beside it. */
export async function activatePack(db: Db, pack: KnowledgePack, source: string, now = new Date(), onStore?: () => Promise<void>): Promise<StoredPack> {
  const next: StoredPack = { pack, importedAt: now.toISOString(), source, derived: packDerived(pack).derived };
  // The index intake built for this pack (or one built now), so no worker has to build it again.
  const built = builtIndexOf(pack) ?? (() => {
    const r = tryBuildIndex(pack);
    return r.ok ? r.index : undefined;
  })();
  if (built) next.index = storedIndex(built);
  await onStore?.();
  const sample = await sampleIfNoActive(db);
  await swap(db, async (store) => {
    const current = (await store.get('active')) ?? sample;
    // One at a time: a synchronous throw from the second put must not orphan the first.
    if (current) await store.put(current, 'previous');
    await store.put(toRecord(next), 'active');
  });
  return next;
}

/**
 * After an update that changed the stored index's format (persist.ts INDEX_FORMAT), the
 * active and previous packs are indexed again, once, and stored with it: otherwise every
 * wake would ignore their index and build one from the pack (hundreds of milliseconds
 * at 50k accounts) until another pack came in. Returns how many records were rewritten.
 */
export async function reindexStoredPacks(db: Db): Promise<number> {
  let rewritten = 0;
  for (const key of ['active', 'previous'] as const) {
    const record = await db.get('packs', key);
    if (!record || record.index?.format === INDEX_FORMAT) continue;
    const stored = fromRecord(record);
    const built = tryBuildIndex(stored.pack);
    if (!built.ok) continue;
    const index = storedIndex(built.index);
    const same = (x: StoredPack | undefined) => x?.importedAt === stored.importedAt && x.pack.meta.id === stored.pack.meta.id && x.pack.meta.version === stored.pack.meta.version;
    await swap(db, async (store) => {
      // Only over the very record it was built from: an activation or rollback meanwhile has its own.
      const current = await store.get(key);
      if (!current || !same(current)) return;
      await store.put({ ...current, index }, key);
      rewritten++;
    });
  }
  return rewritten;
}

type PackStoreHandle = IDBPObjectStore<FrontlineDB, ['packs'], 'packs', 'readwrite'>;

/**
 * Runs the writes in one transaction and aborts it on any failure: a put that
 * throws synchronously (a value that cannot be cloned, quota) does not abort an
 * IndexedDB transaction by itself, and the writes before it would commit.
 */
async function swap(db: Db, work: (store: PackStoreHandle) => Promise<void>): Promise<void> {
  const tx = db.transaction('packs', 'readwrite', { durability: 'strict' });
  try {
    await work(tx.store);
    await tx.done;
  } catch (e) {
    try {
      tx.abort();
    } catch {
      // already finished or aborted
    }
    await tx.done.catch(() => undefined);
    throw e;
  }
}

/** Swaps active and previous; a second rollback undoes the first. */
export async function rollbackPack(db: Db): Promise<StoredPack> {
  let restored: StoredPack | undefined;
  const sample = await sampleIfNoActive(db);
  await swap(db, async (store) => {
    const [current, previous] = await Promise.all([store.get('active'), store.get('previous')]);
    if (!previous) throw new Error('There is no previous pack to roll back to.');
    restored = fromRecord(previous);
    await store.put(previous, 'active');
    const outgoing = current ?? sample;
    if (outgoing) await store.put(outgoing, 'previous');
    else await store.delete('previous');
  });
  return restored!;
}
