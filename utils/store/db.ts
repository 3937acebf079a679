/**
 * Extension-origin IndexedDB. Opened only by the background and extension pages —
 * a content script would open the host page's database instead.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { KnowledgePack } from '../pack/schema';
import type { PackDerived } from '../pack/derived';
import type { StoredIndex } from '../match/persist';

export interface StoredPack {
  pack: KnowledgePack;
  importedAt: string;
  /** Where it came from: "embedded", "file:name.json", a URL… */
  source: string;
  /** Worked out at intake (Markdown trees); absent in packs stored by older versions. */
  derived?: PackDerived;
  /**
   * The match index as typed arrays (utils/match/persist.ts), stored at activation so a
   * woken worker restores it in the same read instead of rebuilding it; absent in
   * packs stored by older versions (or of an older format), which are indexed from the pack.
   */
  index?: StoredIndex;
}

export interface TickRecord {
  key: string;
  accountId: string;
  playbookId: string;
  stageId: string;
  done: string[];
  /** Item text as it read when ticked, to name an item that a later pack removed. */
  labels: Record<string, string>;
  updatedAt: string;
}

export interface PickRecord {
  recordKey: string;
  accountId: string;
  pickedAt: string;
}

export interface SeenStageRecord {
  accountId: string;
  playbookId: string;
  stageId: string;
  seenAt: string;
}

export interface UsageEvent {
  id?: number;
  at: string;
  kind: 'card_view' | 'section_view' | 'copy' | 'insert' | 'tick' | 'untick' | 'read_fallback';
  accountId?: string | null;
  competitorId?: string;
  section?: string;
  objectionId?: string;
  playbookId?: string;
  stageId?: string;
  itemId?: string;
  /** read_fallback: a record view the site's selectors could not read (utils/sites/layers.ts). */
  site?: import('../sites/types').SiteId;
  layer?: 'semantic' | 'page-text';
  /** The adapter's landmark the page did not have ("highlights panel"), when one was missing. */
  missing?: string | null;
}

export type { ScorecardRecord, OutcomeRecord, SentimentRecord } from './repRecords';
import type { ScorecardRecord, OutcomeRecord, SentimentRecord } from './repRecords';

export interface FrontlineDB extends DBSchema {
  packs: { key: 'active' | 'previous'; value: StoredPack };
  ticks: { key: string; value: TickRecord };
  picks: { key: string; value: PickRecord };
  stages: { key: string; value: SeenStageRecord };
  usage: { key: number; value: UsageEvent; indexes: { at: string } };
  // Rep state of issue 16 (scorecard, win/loss, CS sentiment): utils/store/repState.ts.
  scorecards: { key: string; value: ScorecardRecord; indexes: { accountId: string } };
  outcomes: { key: string; value: OutcomeRecord; indexes: { at: string } };
  sentiments: { key: string; value: SentimentRecord };
}

export const DB_NAME = 'frontline';
export const DB_VERSION = 2;

export type Db = IDBPDatabase<FrontlineDB>;

let dbPromise: Promise<Db> | null = null;

export function openFrontlineDb(name = DB_NAME): Promise<Db> {
  return openDB<FrontlineDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('packs');
        db.createObjectStore('ticks', { keyPath: 'key' });
        db.createObjectStore('picks', { keyPath: 'recordKey' });
        db.createObjectStore('stages', { keyPath: 'accountId' });
        db.createObjectStore('usage', { keyPath: 'id', autoIncrement: true }).createIndex('at', 'at');
      }
      // Version 2: stores are created when missing, so another version-2 block merges beside this one.
      if (!db.objectStoreNames.contains('scorecards')) db.createObjectStore('scorecards', { keyPath: 'key' }).createIndex('accountId', 'accountId');
      if (!db.objectStoreNames.contains('outcomes')) db.createObjectStore('outcomes', { keyPath: 'recordKey' }).createIndex('at', 'at');
      if (!db.objectStoreNames.contains('sentiments')) db.createObjectStore('sentiments', { keyPath: 'accountId' });
    },
    blocking() {
      // A newer version of the extension wants to upgrade: let it.
      dbPromise?.then((db) => db.close());
      dbPromise = null;
    },
  });
}

/** The shared connection, opened lazily (the worker may have just woken up). */
export function getDb(): Promise<Db> {
  dbPromise ??= openFrontlineDb().catch((e) => {
    dbPromise = null;
    throw e;
  });
  return dbPromise;
}
