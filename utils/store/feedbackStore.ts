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

/** The latest flag per item, for the items a view shows (keys), so the rep sees what they said. */
export async function latestFlags(db: LoopDb, keys: readonly string[]): Promise<Record<string, FlagMark>> {
  const out: Record<string, FlagMark> = {};
  const tx = db.transaction('feedback');
  await Promise.all(
    keys.map(async (key) => {
      const recs = await tx.store.index('key').getAll(key);
      const last = recs.sort((a, b) => a.at.localeCompare(b.at)).pop();
      if (last) out[key] = { verdict: last.verdict, note: last.note, at: last.at };
    }),
  );
  await tx.done;
  return out;
}
