/** A rep's own state: checklist ticks, manual account picks, last stage seen per account. */
import type { Db, SeenStageRecord, TickRecord, UsageEvent } from './db';

export function tickKey(accountId: string, playbookId: string, stageId: string): string {
  return `${accountId}|${playbookId}|${stageId}`;
}

export async function getTicks(db: Db, accountId: string, playbookId: string, stageId: string): Promise<TickRecord | null> {
  return (await db.get('ticks', tickKey(accountId, playbookId, stageId))) ?? null;
}

/**
 * Read-modify-write in one transaction: two tabs ticking the same list at once
 * both land.
 */
export async function setTick(
  db: Db,
  k: { accountId: string; playbookId: string; stageId: string; itemId: string; done: boolean; label?: string },
  now = new Date(),
): Promise<TickRecord> {
  const key = tickKey(k.accountId, k.playbookId, k.stageId);
  const tx = db.transaction('ticks', 'readwrite');
  const existing = (await tx.store.get(key)) ?? {
    key,
    accountId: k.accountId,
    playbookId: k.playbookId,
    stageId: k.stageId,
    done: [],
    labels: {},
    updatedAt: now.toISOString(),
  };
  const done = new Set(existing.done);
  if (k.done) done.add(k.itemId);
  else done.delete(k.itemId);
  const labels = { ...existing.labels };
  if (k.done && k.label) labels[k.itemId] = k.label;
  else if (!k.done) delete labels[k.itemId];
  const next: TickRecord = { ...existing, done: [...done], labels, updatedAt: now.toISOString() };
  await Promise.all([tx.store.put(next), tx.done]);
  return next;
}

/**
 * Forgets ticked ids that the pack no longer has, once the rep has been shown them:
 * the "removed" note appears once instead of the tick vanishing silently.
 */
export async function forgetRemoved(db: Db, key: string, removed: string[]): Promise<void> {
  if (!removed.length) return;
  const tx = db.transaction('ticks', 'readwrite');
  const rec = await tx.store.get(key);
  if (rec) {
    const gone = new Set(removed);
    const labels = Object.fromEntries(Object.entries(rec.labels).filter(([id]) => !gone.has(id)));
    await tx.store.put({ ...rec, done: rec.done.filter((id) => !gone.has(id)), labels });
  }
  await tx.done;
}

export async function getPick(db: Db, recordKey: string): Promise<string | null> {
  return (await db.get('picks', recordKey))?.accountId ?? null;
}

export async function setPick(db: Db, recordKey: string, accountId: string | null, now = new Date()): Promise<void> {
  if (accountId) await db.put('picks', { recordKey, accountId, pickedAt: now.toISOString() });
  else await db.delete('picks', recordKey);
}

export async function getSeenStage(db: Db, accountId: string): Promise<SeenStageRecord | null> {
  return (await db.get('stages', accountId)) ?? null;
}

export async function setSeenStage(db: Db, rec: SeenStageRecord): Promise<void> {
  await db.put('stages', rec);
}

export async function logUsage(db: Db, event: Omit<UsageEvent, 'id' | 'at'>, now = new Date()): Promise<void> {
  await db.add('usage', { ...event, at: now.toISOString() });
}
