/**
 * Extension-origin IndexedDB. Opened only by the background and extension pages —
 * a content script would open the host page's database instead.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { KnowledgePack } from '../pack/schema';
import type { PackDerived } from '../pack/derived';
import type { AccountList } from '../match/index';
import type { StoredIndex } from '../match/persist';
import type { PackedAccounts } from './packedAccounts';

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
  /**
   * A large pack's accounts, packed (packedAccounts.ts): in the stored record only, whose
   * `pack.accounts` is then empty. Read back (packStore.ts), the pack has its accounts
   * again, decoded when first asked for, and `accountList` decodes them one by one.
   */
  accounts?: PackedAccounts;
  /** In memory only, never enumerable (so never stored or sent): the accounts of a pack read packed, one by one. */
  readonly accountList?: AccountList;
}

/** How the matcher, the view and pack info read a stored pack's accounts: one by one when it was read packed. */
export function accountsOf(stored: StoredPack): AccountList {
  return stored.accountList ?? stored.pack.accounts;
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
  kind: 'card_view' | 'section_view' | 'copy' | 'insert' | 'tick' | 'untick' | 'read_fallback' | 'expert_ask' | 'search_miss';
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
  /** expert_ask: the expert asked for help (issue 19); `section` holds the channel. */
  expertId?: string;
  /** search_miss: what the rep typed into the palette that found nothing (kept in this browser; never sent). */
  query?: string;
}

/** What the rep last saw of a card or a playbook stage (issue 16.3): per part, each item's key, content hash and label. */
export interface SeenRecord {
  /** `card:<competitor id>` or `stage:<playbook id>/<stage id>`. */
  key: string;
  version: string;
  items: Record<string, { k: string; h: string; l: import('../pack/schema').Text }[]>;
  at: string;
}

/** A band's play for one account (issue 16.7): when it last opened expanded, and a snooze. */
export interface PlayRecord {
  /** `<account id>|<band id>`, or `#stale|<competitor id>` for a stale card's warning (ids never hold `#`). */
  key: string;
  expandedAt?: string;
  snoozedUntil?: string;
  /** A stale card's snooze holds for the review it was given on: a newer review that lapses warns again. */
  reviewedAt?: string;
}

export type { ScorecardRecord, OutcomeRecord, SentimentRecord } from './repRecords';
import type { ScorecardRecord, OutcomeRecord, SentimentRecord } from './repRecords';

export interface FrontlineDB extends DBSchema {
  packs: { key: 'active' | 'previous'; value: StoredPack };
  ticks: { key: string; value: TickRecord };
  picks: { key: string; value: PickRecord };
  stages: { key: string; value: SeenStageRecord };
  usage: { key: number; value: UsageEvent; indexes: { at: string } };
  seen: { key: string; value: SeenRecord };
  plays: { key: string; value: PlayRecord };
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
      if (oldVersion < 2) {
        // Issue 16: what the rep last saw of each card and stage; plays shown and snoozed.
        db.createObjectStore('seen', { keyPath: 'key' });
        db.createObjectStore('plays', { keyPath: 'key' });
        // Version 2 also holds the rep's scorecards, outcomes and CS reads (issue 16.4–6).
        if (!db.objectStoreNames.contains('scorecards')) db.createObjectStore('scorecards', { keyPath: 'key' }).createIndex('accountId', 'accountId');
        if (!db.objectStoreNames.contains('outcomes')) db.createObjectStore('outcomes', { keyPath: 'recordKey' }).createIndex('at', 'at');
        if (!db.objectStoreNames.contains('sentiments')) db.createObjectStore('sentiments', { keyPath: 'accountId' });
      }
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
