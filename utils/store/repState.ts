/**
 * A rep's own read, in extension IndexedDB and written only by the background:
 * scorecard entries per account and deal, the win/loss outcome per record, the CS
 * rep's sentiment per account. Keyed by ids the pack keeps across versions (account,
 * element, reason), never by pack version, so pack updates and rollbacks keep them.
 */
import type { Db, OutcomeRecord, ScorecardRecord, SentimentRecord } from './db';
import type { ElementState } from './repRecords';
import type { KnowledgePack } from '../pack/schema';

export const ACCOUNT_DEAL = 'account';

export const scorecardKey = (accountId: string, dealKey: string) => `${accountId}|${dealKey}`;

export async function getScorecard(db: Db, accountId: string, dealKey: string): Promise<ScorecardRecord | null> {
  return (await db.get('scorecards', scorecardKey(accountId, dealKey))) ?? null;
}

/** The account's scorecard most recently worked on: what a mail thread of the account shows. */
export async function latestScorecard(db: Db, accountId: string): Promise<ScorecardRecord | null> {
  const all = await db.getAllFromIndex('scorecards', 'accountId', accountId);
  return all.reduce<ScorecardRecord | null>((best, r) => (!best || r.updatedAt > best.updatedAt ? r : best), null);
}

/** Read-modify-write in one transaction, like ticks: two tabs setting elements at once both land. */
export async function setScorecardEntry(
  db: Db,
  k: { accountId: string; dealKey: string; elementId: string; state: ElementState; note: string; label: string },
  now = new Date(),
): Promise<ScorecardRecord> {
  const key = scorecardKey(k.accountId, k.dealKey);
  const at = now.toISOString();
  const tx = db.transaction('scorecards', 'readwrite');
  const existing = (await tx.store.get(key)) ?? { key, accountId: k.accountId, dealKey: k.dealKey, entries: {}, updatedAt: at };
  const entries = { ...existing.entries };
  if (k.state === 'empty' && !k.note) delete entries[k.elementId];
  else entries[k.elementId] = { state: k.state, note: k.note, label: k.label, at };
  const next: ScorecardRecord = { ...existing, entries, updatedAt: at };
  await Promise.all([tx.store.put(next), tx.done]);
  return next;
}

export async function getOutcome(db: Db, recordKey: string): Promise<OutcomeRecord | null> {
  return (await db.get('outcomes', recordKey)) ?? null;
}

/** The first answer stands: asked once per record, a second write (another tab) changes nothing. */
export async function addOutcome(db: Db, rec: OutcomeRecord): Promise<OutcomeRecord> {
  const tx = db.transaction('outcomes', 'readwrite');
  const existing = await tx.store.get(rec.recordKey);
  if (!existing) await tx.store.put(rec);
  await tx.done;
  return existing ?? rec;
}

/** Newest first, for the ops console and its CSV export. */
export async function listOutcomes(db: Db): Promise<OutcomeRecord[]> {
  return (await db.getAllFromIndex('outcomes', 'at')).reverse();
}

export async function getSentiment(db: Db, accountId: string): Promise<SentimentRecord | null> {
  return (await db.get('sentiments', accountId)) ?? null;
}

export async function setSentiment(db: Db, rec: SentimentRecord): Promise<void> {
  await db.put('sentiments', rec);
}

/**
 * Like ticks (userState.ts pruneTicks): after a pack change, an entry is kept while its
 * element is in the active or the previous pack's scorecard, so one a pack drops is
 * listed as removed (a rollback shows it again) until the pack after that one comes in.
 */
export async function pruneScorecards(db: Db, packs: readonly KnowledgePack[]): Promise<number> {
  const reachable = new Set(packs.flatMap((p) => p.qualification?.elements.map((e) => e.id) ?? []));
  let pruned = 0;
  const tx = db.transaction('scorecards', 'readwrite');
  for (let cur = await tx.store.openCursor(); cur; cur = await cur.continue()) {
    const rec = cur.value;
    const kept = Object.entries(rec.entries).filter(([id]) => reachable.has(id));
    if (kept.length === Object.keys(rec.entries).length) continue;
    pruned += Object.keys(rec.entries).length - kept.length;
    await cur.update({ ...rec, entries: Object.fromEntries(kept) });
  }
  await tx.done;
  return pruned;
}
