/**
 * Active and previous pack. Activation and rollback are one readwrite transaction
 * each, so an interrupted import leaves the active pack as it was.
 */
import type { Db, StoredPack } from './db';
import type { KnowledgePack } from '../pack/schema';
import { validatePack } from '../pack/validate';
import sampleJson from '../../assets/sample-pack.json';

let embedded: StoredPack | null = null;

/** The bundled sample pack: what a fresh install shows before ops publish their own. */
export function embeddedPack(): StoredPack {
  if (!embedded) {
    const result = validatePack(sampleJson);
    if (!result.ok) throw new Error(`embedded sample pack is invalid: ${result.errors[0].path}: ${result.errors[0].message}`);
    embedded = { pack: result.pack, importedAt: result.pack.meta.publishedAt, source: 'embedded' };
  }
  return embedded;
}

export async function getActivePack(db: Db): Promise<StoredPack> {
  return (await db.get('packs', 'active')) ?? embeddedPack();
}

export async function getPreviousPack(db: Db): Promise<StoredPack | null> {
  return (await db.get('packs', 'previous')) ?? null;
}

/** Makes `pack` active and keeps the one it replaces as previous. */
export async function activatePack(db: Db, pack: KnowledgePack, source: string, now = new Date()): Promise<StoredPack> {
  const next: StoredPack = { pack, importedAt: now.toISOString(), source };
  const tx = db.transaction('packs', 'readwrite', { durability: 'strict' });
  const current = (await tx.store.get('active')) ?? embeddedPack();
  await Promise.all([tx.store.put(current, 'previous'), tx.store.put(next, 'active'), tx.done]);
  return next;
}

/** Swaps active and previous; a second rollback undoes the first. */
export async function rollbackPack(db: Db): Promise<StoredPack> {
  const tx = db.transaction('packs', 'readwrite', { durability: 'strict' });
  const [current, previous] = await Promise.all([tx.store.get('active'), tx.store.get('previous')]);
  if (!previous) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new Error('There is no previous pack to roll back to.');
  }
  await Promise.all([tx.store.put(previous, 'active'), tx.store.put(current ?? embeddedPack(), 'previous'), tx.done]);
  return previous;
}
