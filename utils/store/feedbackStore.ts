/** The rep's feedback flags (utils/store/loopDb.ts): add, read all, the latest per item. */
import type { LoopDb } from './loopDb';
import { targetKey, type FeedbackRecord, type FlagMark, type FlagRequest } from '../feedback/types';

export async function addFlag(db: LoopDb, req: FlagRequest, pack: { id: string; version: string }, now = new Date()): Promise<FeedbackRecord> {
  const rec: FeedbackRecord = { at: now.toISOString(), key: targetKey(req.target), target: req.target, verdict: req.verdict, note: req.note ? req.note : null, packId: pack.id, packVersion: pack.version };
  const id = await db.add('feedback', rec);
  return { ...rec, id };
}

export function allFlags(db: LoopDb): Promise<FeedbackRecord[]> {
  return db.getAll('feedback');
}

/**
 * The latest flag per item, for the items a view shows (keys), so the rep sees what they said.
 *
 * One index read per key prefix (`section:<competitor>:`, `objection:<competitor>:`,
 * `stage:<playbook>:`, `play:`), not one per key: a view with three cards has ~30 keys,
 * and this is on the rep's wait, which IndexedDB requests lengthen under an in-app
 * switch's load. A range yields its records by key, then by id: on equal times
 * the later flag wins.
 */
export async function latestFlags(db: LoopDb, keys: readonly string[]): Promise<Record<string, FlagMark>> {
  const wanted = new Set(keys);
  const latest = new Map<string, FeedbackRecord>();
  const prefixes = new Set(keys.map((k) => k.slice(0, k.lastIndexOf(':') + 1)));
  const tx = db.transaction('feedback');
  const index = tx.store.index('key');
  await Promise.all(
    [...prefixes].map(async (prefix) => {
      // '\uffff' sorts after every character a pack id or section name can hold.
      for (const r of await index.getAll(IDBKeyRange.bound(prefix, `${prefix}\uffff`))) {
        if (!wanted.has(r.key)) continue;
        const last = latest.get(r.key);
        if (!last || r.at >= last.at) latest.set(r.key, r);
      }
    }),
  );
  await tx.done;
  const out: Record<string, FlagMark> = {};
  for (const [key, r] of latest) out[key] = { verdict: r.verdict, note: r.note, at: r.at };
  return out;
}
