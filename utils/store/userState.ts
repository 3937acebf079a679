/** A rep's own state: checklist ticks, manual account picks, last stage seen per account. */
import type { Db, SeenStageRecord, TickRecord, UsageEvent } from './db';
import type { KnowledgePack } from '../pack/schema';

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
 * Deletes ticks that no pack the rep can get back to would show: after a pack
 * change, a tick is kept while its item is in its stage's checklist in the active or
 * the previous pack. A tick on an item the new pack removed is therefore only hidden
 * (a rollback brings it back) until the pack after that one comes in.
 */
export async function pruneTicks(db: Db, packs: readonly KnowledgePack[]): Promise<number> {
  const reachable = new Set<string>();
  for (const pack of packs) {
    for (const p of pack.playbooks) for (const s of p.stages) for (const i of s.checklist) reachable.add(`${p.id}\u0000${s.id}\u0000${i.id}`);
  }
  let pruned = 0;
  const tx = db.transaction('ticks', 'readwrite');
  for (let cur = await tx.store.openCursor(); cur; cur = await cur.continue()) {
    const rec = cur.value;
    const keep = (id: string) => reachable.has(`${rec.playbookId}\u0000${rec.stageId}\u0000${id}`);
    const done = rec.done.filter(keep);
    if (done.length === rec.done.length) continue;
    pruned += rec.done.length - done.length;
    const labels = Object.fromEntries(Object.entries(rec.labels).filter(([id]) => keep(id)));
    await cur.update({ ...rec, done, labels });
  }
  await tx.done;
  return pruned;
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
