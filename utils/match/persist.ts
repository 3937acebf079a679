/**
 * The match index in a form that is stored with its pack and comes back in one
 * structured clone: typed arrays and strings only (the account key tables, the fuzzy
 * name index, the competitor automaton). Activation stores it (utils/store/packStore.ts);
 * a woken worker restores it (utils/background/service.ts) instead of rebuilding the
 * index from the pack, which at 50,000 accounts costs a few hundred milliseconds. What
 * is small (playbooks, the pack's own domains) is rebuilt from the pack on restore.
 *
 * Bump INDEX_FORMAT whenever anything that shapes these tables changes — the layout,
 * or how keys are made (normalizeName, hostOf, crmKey, the automaton's fold): a stored
 * index of another format is ignored and the index is built from the pack.
 */
import type { KnowledgePack } from '../pack/schema';
import type { AccountList } from './index';
import { Automaton, type AutomatonData } from './automaton';
import type { CompetitorTables } from './competitors';
import { foldTable, useStoredFoldTable } from './fold';
import { FuzzyIndex, type FuzzyData } from './fuzzy';
import { assembleIndex, type AccountTables, type PackIndex } from './index';
import { KeyTable, type KeyTableData } from './keyTable';

export const INDEX_FORMAT = 4;

const TABLES = ['ids', 'byCrmId', 'byDomain', 'byRegistrable', 'byName'] as const;
type TableName = (typeof TABLES)[number];

export interface StoredIndex {
  format: number;
  /** The pack it was built from, as a check that it belongs to the record it sits in. */
  packId: string;
  packVersion: string;
  accounts: number;
  tables: Record<TableName, KeyTableData>;
  nameAccount: Int32Array;
  nameAlias: Int32Array;
  fuzzy: FuzzyData;
  automaton: AutomatonData;
  /** The competitors' maps and pattern payloads (IndexedDB clones Maps as they are). */
  competitors: CompetitorTables;
  /** The per-code-unit fold the automaton was built with (fold.ts): 128 KB, cloned in well under a millisecond. */
  fold: Uint16Array;
}

export function storedIndex(index: PackIndex): StoredIndex {
  const tables = {} as Record<TableName, KeyTableData>;
  for (const t of TABLES) tables[t] = index[t].data;
  return {
    format: INDEX_FORMAT,
    packId: index.pack.meta.id,
    packVersion: index.pack.meta.version,
    accounts: index.accounts.length,
    tables,
    nameAccount: index.nameAccount,
    nameAlias: index.nameAlias,
    fuzzy: index.fuzzy.toData(),
    automaton: index.competitors.automaton.toData(),
    competitors: competitorTables(index.competitors),
    fold: foldTable(),
  };
}

/**
 * The index from what was stored with `pack`; null when it is missing, of another format,
 * or not this pack's. `accounts`: how the pack's accounts are read (a packed record's
 * decode one by one, so restoring reads none of them).
 */
export function restoreIndex(pack: KnowledgePack, stored: StoredIndex | undefined | null, accounts: AccountList = pack.accounts): PackIndex | null {
  if (!stored || stored.format !== INDEX_FORMAT) return null;
  if (stored.packId !== pack.meta.id || stored.packVersion !== pack.meta.version || stored.accounts !== accounts.length) return null;
  const t0 = performance.now();
  useStoredFoldTable(stored.fold);
  const tables = {} as AccountTables;
  for (const t of TABLES) tables[t] = new KeyTable(stored.tables[t]);
  tables.nameAccount = stored.nameAccount;
  tables.nameAlias = stored.nameAlias;
  return assembleIndex(pack, tables, new FuzzyIndex(stored.fuzzy), { automaton: new Automaton(stored.automaton), tables: stored.competitors }, t0, accounts);
}

function competitorTables(c: CompetitorTables): CompetitorTables {
  const { byId, byName, byDomain, payStart, payKind, payCompetitor, payNeedsContext } = c;
  return { byId, byName, byDomain, payStart, payKind, payCompetitor, payNeedsContext };
}
