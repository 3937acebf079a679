/**
 * What the rep last saw of each card and stage, and each account's plays (issue 16).
 * Keyed per rep, not per account: an extension profile is one rep, and a battlecard
 * reads the same on every account, so seeing it on one account means it was seen.
 */
import type { Db, PlayRecord, SeenRecord } from './db';

export async function getSeen(db: Db, keys: readonly string[]): Promise<Map<string, SeenRecord>> {
  if (!keys.length) return new Map();
  const tx = db.transaction('seen');
  const got = await Promise.all(keys.map((k) => tx.store.get(k)));
  await tx.done;
  return new Map(got.flatMap((r) => (r ? [[r.key, r] as const] : [])));
}

/** Read-modify-write in one transaction: two tabs marking parts of one card both land. */
export async function updateSeen(db: Db, key: string, next: (old: SeenRecord | null) => SeenRecord | null): Promise<void> {
  const tx = db.transaction('seen', 'readwrite');
  const rec = next((await tx.store.get(key)) ?? null);
  if (rec) await tx.store.put(rec);
  await tx.done;
}

export const playKey = (accountId: string, bandId: string) => `${accountId}|${bandId}`;

/** A stale card's warning, snoozed per rep (it reads the same on every account). */
export const staleKey = (competitorId: string) => `#stale|${competitorId}`;

export async function getStaleSnoozes(db: Db, competitorIds: readonly string[]): Promise<Map<string, PlayRecord>> {
  if (!competitorIds.length) return new Map();
  const tx = db.transaction('plays');
  const got = await Promise.all(competitorIds.map((id) => tx.store.get(staleKey(id))));
  await tx.done;
  return new Map(got.flatMap((r, i) => (r ? [[competitorIds[i], r] as const] : [])));
}

export async function snoozeStale(db: Db, competitorId: string, until: string | undefined, reviewedAt: string): Promise<void> {
  await db.put('plays', { key: staleKey(competitorId), snoozedUntil: until, reviewedAt });
}

export async function getPlay(db: Db, accountId: string, bandId: string): Promise<PlayRecord | null> {
  return (await db.get('plays', playKey(accountId, bandId))) ?? null;
}

export async function updatePlay(db: Db, accountId: string, bandId: string, change: Partial<PlayRecord>): Promise<void> {
  const key = playKey(accountId, bandId);
  const tx = db.transaction('plays', 'readwrite');
  const old = (await tx.store.get(key)) ?? { key };
  await Promise.all([tx.store.put({ ...old, ...change, key }), tx.done]);
}
