/**
 * The ops loop's own extension-origin IndexedDB: the rep's feedback flags and the
 * telemetry outbox. A database of its own (not a new version of `frontline`), so its
 * stores can grow without an upgrade of the pack database, and clearing the usage log
 * never touches a flag. Opened only by the background and extension pages.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { FeedbackRecord } from '../feedback/types';
import type { QueuedEvent } from '../telemetry/events';

export interface LoopDB extends DBSchema {
  feedback: { key: number; value: FeedbackRecord; indexes: { key: string } };
  outbox: { key: number; value: QueuedEvent };
}

export const LOOP_DB_NAME = 'frontline-loop';
export const LOOP_DB_VERSION = 1;

export type LoopDb = IDBPDatabase<LoopDB>;

export function openLoopDb(name = LOOP_DB_NAME): Promise<LoopDb> {
  return openDB<LoopDB>(name, LOOP_DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('feedback', { keyPath: 'id', autoIncrement: true }).createIndex('key', 'key');
        db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
      }
    },
    blocking() {
      loopPromise?.then((db) => db.close());
      loopPromise = null;
    },
  });
}

let loopPromise: Promise<LoopDb> | null = null;

/** The shared connection, opened lazily (the worker may have just woken up). */
export function getLoopDb(): Promise<LoopDb> {
  loopPromise ??= openLoopDb().catch((e) => {
    loopPromise = null;
    throw e;
  });
  return loopPromise;
}
