/**
 * The background's ops handlers: sync status and settings, sync now, preview and
 * activate an incoming pack, the stale-content and site-rule report, local
 * analytics. Independent of `browser.*`: storage, policy, fetch and the alarm are
 * injected (utils/sync/browser.ts wires the real ones), so they run under vitest.
 */
import type { Db, StoredPack } from '../store/db';
import { activatePack, getPreviousPack } from '../store/packStore';
import { pruneTicks } from '../store/userState';
import type { PackError } from '../pack/validate';
import type { KnowledgePack, SiteRule } from '../pack/schema';
import { localize } from '../pack/text';
import { diffPacks, type PackDiff } from '../pack/diff';
import type { PackInfo } from '../view/types';
import { checkPackUrl, checkPublicKey, checkRefresh, DEFAULT_REFRESH_MINUTES, effectiveSettings, normalPublicKey, SETTING_KEYS, type EffectiveSettings, type SettingKey, type UserSettings } from './settings';
import { EMPTY_STATE, resetForSettings, runSync, type SyncResult, type SyncState } from './sync';
import { downgradeFloor, intakePack, sha256Hex, type Comparison, type Intake, type IntakeRules, type SignatureStatus } from './intake';
import { withPacks, type HighWater } from './highWater';
import { buildReport, type AnalyticsReport } from './analytics';
import { nextAttemptAt } from './backoff';

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
}

export interface SyncStatus {
  settings: EffectiveSettings;
  lastResult: SyncResult | null;
  lastSuccessAt: string | null;
  nextAt: number | null;
  failures: number;
}

export interface IncomingInfo {
  id: string;
  name: string;
  version: string;
  publishedAt: string;
  counts: PackInfo['counts'];
}

export type Preview =
  | {
      ok: true;
      /** SHA-256 of the text: Activate can name it instead of sending the text again. */
      hash: string;
      incoming: IncomingInfo;
      warnings: PackError[];
      signature: SignatureStatus;
      keyId: string | null;
      comparison: Comparison;
      diff: PackDiff;
    }
  | { ok: false; reason: 'invalid' | 'signature'; errors: PackError[]; warnings: PackError[] };

export type ActivateResult =
  | { ok: true; info: PackInfo; warnings: PackError[]; comparison: Comparison }
  /** expired: activation named a previewed pack the background no longer holds (it was restarted): send the text. */
  | { ok: false; reason: 'invalid' | 'signature' | 'downgrade' | 'same-version' | 'pack-switch' | 'expired'; errors: PackError[] };

export interface StaleCard {
  id: string;
  name: string;
  reviewedAt: string;
  reviewEvery: number;
  /** The date the next review was due. */
  dueOn: string;
  /** Days past due (negative: due in that many days). */
  daysOverdue: number;
}

export interface OpsReport {
  /** Cards past their review date, grouped by owner, most overdue first. */
  stale: { owner: string; cards: StaleCard[] }[];
  /** Cards due for review within 14 days. */
  dueSoon: StaleCard[];
  sites: Pick<SiteRule, 'id' | 'host' | 'pathPrefix' | 'recordType'>[];
}

export interface OpsContext {
  getDb: () => Promise<Db>;
  now: () => Date;
  current: () => Promise<{ stored: StoredPack }>;
  invalidate: () => void;
  info: () => Promise<PackInfo>;
  ops?: OpsDeps;
}

const DIFF_LIMIT = 200;
const DAY = 86_400_000;

export function createOpsHandlers(ctx: OpsContext) {
  const deps = ctx.ops ?? {};
  const userSettings = deps.userSettings ?? memoryKeyValue<UserSettings>({});
  const syncState = deps.syncState ?? memoryKeyValue<SyncState>();
  const managed = deps.managed ?? (async () => ({}));
  const schedule = deps.schedule ?? (async () => undefined);
  const highWater = deps.highWater ?? memoryKeyValue<HighWater>({});
  let running: Promise<{ result: SyncResult | null; state: SyncState }> | null = null;
  /**
   * The pack last previewed, so Activate need not parse and check 30 MB again. Only
   * a cache: if the worker was stopped in between, activation checks the text anew.
   */
  let previewed: { hash: string; rules: string; against: StoredPack; intake: Intake } | null = null;

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
  const rulesKey = (r: IntakeRules) => JSON.stringify([r.publicKey, r.allowPackSwitch]);

  /** Raised before the pack is stored: a worker stopped in between errs on the safe side. */
  async function raiseHighWater(pack: KnowledgePack): Promise<void> {
    await highWater.set(withPacks((await highWater.get()) ?? {}, pack));
  }

  /** The previewed verdict for `hash`, if it still holds (same rules, same active pack). */
  async function cached(hash: string, against: StoredPack): Promise<Intake | null> {
    const key = rulesKey(await rulesFor(against));
    return previewed && previewed.hash === hash && previewed.rules === key && previewed.against === against ? previewed.intake : null;
  }

  /** Checks incoming text against the active pack, reusing the preview's verdict when nothing changed since. */
  async function intakeFor(text: string, against: StoredPack, remember: boolean): Promise<{ intake: Intake; hash: string }> {
    const hash = await sha256Hex(text);
    const hit = await cached(hash, against);
    if (hit) return { intake: hit, hash };
    const rules = await rulesFor(against);
    const intake = await intakePack(text, rules);
    previewed = remember && intake.ok ? { hash, rules: rulesKey(rules), against, intake } : null;
    return { intake, hash };
  }

  /**
   * Every activation (options page or sync): raise the pack id's high-water mark first
   * (a crash between the two can only refuse an older pack, never take one), store, drop
   * the worker's cache, then forget ticks no pack in reach can show.
   */
  async function activate(pack: KnowledgePack, source: string): Promise<void> {
    await raiseHighWater(pack);
    const db = await ctx.getDb();
    await activatePack(db, pack, source, ctx.now());
    ctx.invalidate();
    const previous = await getPreviousPack(db);
    // Best effort: ticks that could not be pruned now are pruned at the next pack change.
    await pruneTicks(db, previous ? [pack, previous.pack] : [pack]).catch(() => undefined);
  }

  const settings = async () => effectiveSettings((await userSettings.get()) ?? {}, await managed());
  const loadState = async () => (await syncState.get()) ?? { ...EMPTY_STATE };

  async function status(): Promise<SyncStatus> {
    const [s, st] = [await settings(), await loadState()];
    // A state for another URL (the policy changed it) says nothing about this one.
    const mine = st.url === s.packUrl;
    return { settings: s, lastResult: mine ? st.lastResult : null, lastSuccessAt: mine ? st.lastSuccessAt : null, nextAt: s.packUrl ? st.nextAt : null, failures: mine ? st.failures : 0 };
  }

  /** One sync at a time; the alarm and "Sync now" share it. */
  function syncNow() {
    running ??= (async () => {
      try {
        const out = await runSync({
          fetch: deps.fetch ?? ((...a) => fetch(...a)),
          settings,
          loadState,
          saveState: (s) => syncState.set(s),
          active: async () => (await ctx.current()).stored.pack,
          guard: async () => {
            const r = await rulesFor((await ctx.current()).stored);
            return { activeIsSample: r.activeIsSample ?? false, highWater: r.highWater ?? {} };
          },
          activate,
          now: ctx.now,
          random: deps.random,
          online: deps.online,
        });
        await schedule(out.state.nextAt);
        return out;
      } catch (e) {
        // Not even the failure could be recorded (storage is failing): still look again later.
        const s = await settings().catch(() => null);
        await schedule(nextAttemptAt(ctx.now(), 'failed', 1, s?.refreshMinutes ?? DEFAULT_REFRESH_MINUTES, deps.random)).catch(() => undefined);
        throw e;
      } finally {
        running = null;
      }
    })();
    return running;
  }

  /** After a wake-up, an install or a policy change: make sure an alarm is armed (or none). */
  async function ensureScheduled(): Promise<void> {
    const s = await settings();
    let st = await loadState();
    if (!s.packUrl) return schedule(null);
    if (st.url !== s.packUrl) {
      st = resetForSettings(st, s.packUrl, ctx.now());
      await syncState.set(st);
    }
    await schedule(st.nextAt ?? ctx.now().getTime());
  }

  /** The URL or key changed (options page or policy): judge the published pack again, now. */
  async function settingsChanged(): Promise<void> {
    const s = await settings();
    const st = await loadState();
    const fresh = resetForSettings(s.packUrl === st.url ? { ...st, etag: null, lastModified: null, bodyHash: null } : st, s.packUrl, ctx.now());
    await syncState.set(fresh);
    if (s.packUrl) await syncNow();
    else await schedule(null);
  }

  async function incomingInfo(pack: KnowledgePack, lang: string): Promise<IncomingInfo> {
    return {
      id: pack.meta.id,
      name: localize(pack.meta.name, lang, pack.meta.defaultLocale),
      version: pack.meta.version,
      publishedAt: pack.meta.publishedAt,
      counts: { competitors: pack.competitors.length, playbooks: pack.playbooks.length, accounts: pack.accounts.length, scenarios: pack.scenarios.length },
    };
  }

  return {
    ops: { syncNow, ensureScheduled, settingsChanged, status },

    async 'sync:status'(): Promise<SyncStatus> {
      return status();
    },

    async 'sync:settings'(req: { packUrl: string | null; publicKey: string | null; refreshMinutes: number; allowPackSwitch?: boolean }): Promise<{ ok: true; status: SyncStatus } | { ok: false; errors: { field: SettingKey; message: string }[] }> {
      const eff = await settings();
      const next: UserSettings = { ...((await userSettings.get()) ?? {}) };
      const errors: { field: SettingKey; message: string }[] = [];
      const packUrl = req.packUrl?.trim() || null;
      const publicKey = req.publicKey?.trim() || null;
      const wanted: Record<SettingKey, unknown> = { packUrl, publicKey: publicKey && normalPublicKey(publicKey), refreshMinutes: req.refreshMinutes, allowPackSwitch: req.allowPackSwitch ?? eff.allowPackSwitch };
      for (const field of SETTING_KEYS) {
        if (eff.locked[field]) {
          if (wanted[field] !== eff[field] && !(field === 'publicKey' && publicKey === eff.publicKey)) errors.push({ field, message: 'set by your organisation\'s policy' });
          continue;
        }
        const err = field === 'packUrl' ? packUrl && checkPackUrl(packUrl) : field === 'publicKey' ? publicKey && checkPublicKey(publicKey) : field === 'refreshMinutes' ? checkRefresh(req.refreshMinutes) : null;
        if (err) errors.push({ field, message: err });
        else (next as Record<string, unknown>)[field] = wanted[field];
      }
      if (errors.length) return { ok: false, errors };
      await userSettings.set(next);
      const after = await settings();
      const st = await loadState();
      const changed = after.packUrl !== eff.packUrl || after.publicKey !== eff.publicKey || after.allowPackSwitch !== eff.allowPackSwitch;
      if (changed) {
        // A new URL or key: look again now, from scratch (a pack refused or taken
        // under the old settings is judged again).
        await settingsChanged();
      } else if (after.refreshMinutes !== eff.refreshMinutes && after.packUrl) {
        const at = ctx.now().getTime() + after.refreshMinutes * 60_000;
        await syncState.set({ ...st, nextAt: at });
        await schedule(at);
      }
      return { ok: true, status: await status() };
    },

    async 'sync:now'(): Promise<{ result: SyncResult | null; status: SyncStatus }> {
      const { result } = await syncNow();
      return { result, status: await status() };
    },

    async 'pack:preview'({ text, lang }: { text: string; source: string; lang: string }): Promise<Preview> {
      const { stored } = await ctx.current();
      const { intake, hash } = await intakeFor(text, stored, true);
      if (!intake.ok) return intake;
      return {
        ok: true,
        hash,
        incoming: await incomingInfo(intake.pack, lang),
        warnings: intake.warnings,
        signature: intake.signature,
        keyId: intake.keyId,
        comparison: intake.comparison,
        diff: diffPacks(stored.pack, intake.pack, { limit: DIFF_LIMIT, fieldLimit: 20, lang }),
      };
    },

    async 'pack:activate'({ text, hash, source, allowDowngrade }: { text?: string; hash?: string; source: string; allowDowngrade: boolean }): Promise<ActivateResult> {
      const { stored } = await ctx.current();
      let intake: Intake | null;
      if (text !== undefined) intake = (await intakeFor(text, stored, false)).intake;
      else intake = hash ? await cached(hash, stored) : null;
      if (!intake) return { ok: false, reason: 'expired', errors: [] };
      if (!intake.ok) return { ok: false, reason: intake.reason, errors: intake.errors };
      const c = intake.comparison;
      if ((c === 'downgrade' || c === 'same-version' || c === 'pack-switch') && !allowDowngrade) {
        const v = intake.pack.meta.version;
        const floor = downgradeFloor(stored.pack, intake.pack, (await rulesFor(stored)).highWater);
        const message =
          c === 'pack-switch'
            ? `this is the pack "${intake.pack.meta.id}" and "${stored.pack.meta.id}" is active: confirm the switch to activate it`
            : c === 'same-version'
              ? `version ${v} is the active version with different content: activate it as a rollback, or bump meta.version`
              : floor.active
                ? `version ${v} is older than the active ${floor.version}: activate it as a rollback`
                : `version ${v} is older than ${floor.version}, the highest version of ${intake.pack.meta.id} taken before: activate it as a rollback`;
        return { ok: false, reason: c, errors: [{ path: c === 'pack-switch' ? 'meta.id' : 'meta.version', message }] };
      }
      await activate(intake.pack, source);
      previewed = null;
      return { ok: true, info: await ctx.info(), warnings: intake.warnings, comparison: intake.comparison };
    },

    async 'ops:report'(): Promise<OpsReport> {
      const { stored } = await ctx.current();
      const today = ctx.now();
      const cards: (StaleCard & { owner: string })[] = stored.pack.competitors.map((c) => {
        const reviewed = Date.parse(`${c.reviewedAt.slice(0, 10)}T00:00:00Z`);
        const due = reviewed + c.reviewEvery * DAY;
        return {
          id: c.id,
          name: c.name,
          owner: c.owner,
          reviewedAt: c.reviewedAt.slice(0, 10),
          reviewEvery: c.reviewEvery,
          dueOn: new Date(due).toISOString().slice(0, 10),
          daysOverdue: Math.floor((today.getTime() - due) / DAY),
        };
      });
      const byOwner = new Map<string, StaleCard[]>();
      for (const { owner, ...card } of cards.filter((c) => c.daysOverdue > 0).sort((a, b) => b.daysOverdue - a.daysOverdue)) {
        byOwner.set(owner, [...(byOwner.get(owner) ?? []), card]);
      }
      return {
        stale: [...byOwner].map(([owner, list]) => ({ owner, cards: list })),
        dueSoon: cards.filter((c) => c.daysOverdue <= 0 && c.daysOverdue > -14).map(({ owner: _o, ...c }) => c),
        sites: stored.pack.sites.map((s) => ({ id: s.id, host: s.host, pathPrefix: s.pathPrefix, recordType: s.recordType })),
      };
    },

    async 'usage:report'({ lang }: { lang: string }): Promise<AnalyticsReport> {
      const db = await ctx.getDb();
      const [events, ticks] = await Promise.all([db.getAll('usage'), db.getAll('ticks')]);
      return buildReport(events, ticks, (await ctx.current()).stored.pack, lang);
    },

    async 'usage:clear'(): Promise<{ ok: true; cleared: number }> {
      const db = await ctx.getDb();
      const tx = db.transaction('usage', 'readwrite');
      const [cleared] = await Promise.all([tx.store.count(), tx.store.clear(), tx.done]);
      return { ok: true, cleared };
    },
  };
}
