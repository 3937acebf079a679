/**
 * What every step of a folder build shares: the folder's files, the problems found so
 * far, where each part of the pack came from, and pack.yaml once it is read.
 */
import type { PackFiles } from '../files';
import { OriginMap, type Seg, type SourcedError } from '../errors';
import { loadYaml, type YamlFile } from '../yaml';
import type { PackConfig } from '../config';

export interface BuildProgress {
  file: string;
  /** Bytes read so far (UTF-8). */
  bytes: number;
  totalBytes?: number;
  rows: number;
  done: boolean;
}

export interface BuildOptions {
  onProgress?: (p: BuildProgress) => void;
}

export interface BuildStats {
  files: number;
  competitors: number;
  playbooks: number;
  accounts: number;
  snapshots: number;
  csvRows: number;
}

export type Obj = Record<string, unknown>;
export const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

export class BuildContext {
  readonly errors: SourcedError[] = [];
  readonly warnings: SourcedError[] = [];
  /** JSON paths an authoring error already explains: validation errors under them are noise. */
  readonly blamed: Seg[][] = [];
  readonly origins = new OriginMap();
  readonly stats: BuildStats = { files: 0, competitors: 0, playbooks: 0, accounts: 0, snapshots: 0, csvRows: 0 };
  /** Files some step read; the rest are reported as not part of the pack. */
  readonly used = new Set<string>();
  readonly present: ReadonlySet<string>;

  /** Set by the pack.yaml step, which runs first. */
  packYaml: YamlFile | null = null;
  config: PackConfig = { meta: undefined };
  locales: string[] = [];
  defaultLocale = 'en';

  private constructor(
    readonly files: PackFiles,
    readonly opts: BuildOptions,
    /** The folder's files, without hidden ones (`.git/…`, `.DS_Store`). */
    readonly all: string[],
  ) {
    this.present = new Set(all);
    this.stats.files = all.length;
  }

  static async open(files: PackFiles, opts: BuildOptions): Promise<BuildContext> {
    const all = (await files.list()).filter((f) => !f.split('/').some((p) => p.startsWith('.')));
    return new BuildContext(files, opts, all);
  }

  fail(e: SourcedError, blame?: Seg[]): void {
    this.errors.push(e);
    if (blame) this.blamed.push(blame);
  }

  warn(e: SourcedError): void {
    this.warnings.push(e);
  }

  /** A YAML file of the folder; null when it is absent or does not parse (its errors are reported). */
  async yamlAt(file: string): Promise<YamlFile | null> {
    if (!this.present.has(file)) return null;
    this.used.add(file);
    const y = loadYaml(file, await this.files.readText(file));
    this.errors.push(...y.errors);
    return y.errors.length ? null : y;
  }

  /** The line in pack.yaml of a setting, for errors about it. */
  configLine(path: Seg[]): number | undefined {
    return this.packYaml?.lineOf(path);
  }
}
