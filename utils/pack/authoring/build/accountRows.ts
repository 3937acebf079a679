/** The accounts being built, and where each came from: accounts.yaml, a CSV row, a health row. */
import type { YamlFile } from '../yaml';
import type { Obj } from './context';

export interface AccountRows {
  accounts: Obj[];
  /** accounts.yaml, whose accounts come first. */
  yaml: YamlFile | null;
  yamlCount: number;
  /** The CSV line of each account after the YAML ones. */
  csvLines: number[];
  /** Account index → the health CSV lines of the snapshots it gained, from `offset` on. */
  healthLines: Map<number, { offset: number; lines: number[] }>;
  /** Account target / health key → the CSV column it was read from, for error notes. */
  accountColumns: Record<string, string>;
  healthColumns: Record<string, string>;
  accountsFile: string;
  healthFile: string;
}
