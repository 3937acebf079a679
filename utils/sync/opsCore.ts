/**
 * What every ops handler shares: the injected storage, policy and alarm (in-memory
 * defaults under vitest), the settings in force, the rules an incoming pack is judged
 * by, and the one way a pack is activated (options page or sync).
 */
import type { Db, StoredPack } from '../store/db';
import { activatePack, getPreviousPack } from '../store/packStore';
import { pruneTicks } from '../store/userState';
import { pruneScorecards } from '../store/repState';
import type { KnowledgePack } from '../pack/schema';
import type { PackInfo } from '../view/types';
import { effectiveSettings, type UserSettings } from './settings';
import { EMPTY_STATE, type SyncState } from './sync';
import type { IntakeRules } from './intake';
import { withPacks, type HighWater } from './highWater';
import type { OnStage, ProgressReport } from './activationProgress';

export interface KeyValue<T> {
  get(): Promise<T | null>;
  set(value: T): Promise<void>;
}

export function memoryKeyValue<T>(initial: T | null = null): KeyValue<T> {
  let v = initial;
  return { get: async () => v, set: async (x) => void (v = x) };
}

export interface OpsDeps {
  fetch?: typeof fetch;
  userSettings?: KeyValue<UserSettings>;
  syncState?: KeyValue<SyncState>;
  /** Highest version taken per pack id (extension storage: it must outlive the worker). */
  highWater?: KeyValue<HighWater>;
  /** The managed-storage policy as the browser gives it ({} when there is none). */
  managed?: () => Promise<unknown>;
  /** Arms the sync alarm for `at` (epoch ms), or clears it (null). */
  schedule?: (at: number | null) => Promise<void>;
  online?: () => boolean;
  random?: () => number;
  /** Sends an activation's stage reports to the extension's pages (none under vitest unless a test gives one). */
  progress?: (report: ProgressReport) => void;
}

export interface OpsContext {
  getDb: () => Promise<Db>;
  now: () => Date;
  current: () => Promise<{ stored: StoredPack }>;
  invalidate: () => void;
  info: () => Promise<PackInfo>;
  ops?: OpsDeps;
}

export type OpsCore = ReturnType<typeof createOpsCore>;

export function createOpsCore(ctx: OpsContext) {
  const deps = ctx.ops ?? {};
  const userSettings = deps.userSettings ?? memoryKeyValue<UserSettings>({});
  const syncState = deps.syncState ?? memoryKeyValue<SyncState>();
  const managed = deps.managed ?? (async () => ({}));
  const schedule = deps.schedule ?? (async () => undefined);
  const highWater = deps.highWater ?? memoryKeyValue<HighWater>({});

  const settings = async () => effectiveSettings((await userSettings.get()) ?? {}, await managed());
  const loadState = async () => (await syncState.get()) ?? { ...EMPTY_STATE };

  /** What an incoming pack is judged by: the key, the pack-switch rule and the versions taken so far. */
  async function rulesFor(against: StoredPack): Promise<IntakeRules> {
    const s = await settings();
    const previous = await getPreviousPack(await ctx.getDb());
    return {
      publicKey: s.publicKey,
      active: against.pack,
      activeIsSample: against.source === 'embedded',
      allowPackSwitch: s.allowPackSwitch,
      highWater: withPacks((await highWater.get()) ?? {}, against.pack, previous?.pack),
    };
  }

  /** Raised before the pack is stored: a worker stopped in between errs on the safe side. */
  async function raiseHighWater(pack: KnowledgePack): Promise<void> {
    await highWater.set(withPacks((await highWater.get()) ?? {}, pack));
  }

  /**
   * Every activation (options page or sync): raise the pack id's high-water mark first
   * (a crash between the two can only refuse an older pack, never take one), store, drop
   * the worker's cache, then forget ticks no pack in reach can show.
   */
  async function activate(pack: KnowledgePack, source: string, onStage?: OnStage): Promise<void> {
    await raiseHighWater(pack);
    const db = await ctx.getDb();
    // Until this put commits the old pack is active: views asked meanwhile answer from it.
    await activatePack(db, pack, source, ctx.now(), onStage && (() => onStage('store')));
    ctx.invalidate();
    await onStage?.('done');
    const previous = await getPreviousPack(db);
    // Best effort: ticks that could not be pruned now are pruned at the next pack change.
    await pruneTicks(db, previous ? [pack, previous.pack] : [pack]).catch(() => undefined);
    await pruneScorecards(db, previous ? [pack, previous.pack] : [pack]).catch(() => undefined);
  }

  return { ctx, deps, userSettings, syncState, schedule, settings, loadState, rulesFor, activate };
}
