/**
 * Pack sync from the ops side: the status, the settings (checked field by field,
 * policy-locked fields refused), "Sync now", and the alarm's schedule.
 */
import type { Request } from '../messages';
import { checkPackUrl, checkPublicKey, checkRefresh, DEFAULT_REFRESH_MINUTES, normalPublicKey, SETTING_KEYS, type EffectiveSettings, type SettingKey, type UserSettings } from './settings';
import { resetForSettings, runSync, type SyncResult, type SyncState } from './sync';
import { nextAttemptAt } from './backoff';
import type { OpsCore } from './opsCore';

export interface SyncStatus {
  settings: EffectiveSettings;
  lastResult: SyncResult | null;
  lastSuccessAt: string | null;
  nextAt: number | null;
  failures: number;
}

export type SettingError = { field: SettingKey; message: string };
type SettingsRequest = Request<'sync:settings'>;

/** The settings the request asks for, or why each field cannot take its value. */
export function checkSettings(req: SettingsRequest, eff: EffectiveSettings, saved: UserSettings): { next: UserSettings; errors: SettingError[] } {
  const next: UserSettings = { ...saved };
  const errors: SettingError[] = [];
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
  return { next, errors };
}

type Run = Promise<{ result: SyncResult | null; state: SyncState }>;

export function createSyncHandlers(core: OpsCore) {
  const { settings } = core;
  const status = syncStatus(core);
  const syncNow = syncRunner(core);
  const { ensureScheduled, settingsChanged, afterSave } = scheduling(core, syncNow);

  return {
    ops: { syncNow, ensureScheduled, settingsChanged, status },

    'sync:status': status,

    async 'sync:settings'(req: SettingsRequest): Promise<{ ok: true; status: SyncStatus } | { ok: false; errors: SettingError[] }> {
      const eff = await settings();
      const { next, errors } = checkSettings(req, eff, (await core.userSettings.get()) ?? {});
      if (errors.length) return { ok: false, errors };
      await core.userSettings.set(next);
      await afterSave(eff);
      return { ok: true, status: await status() };
    },

    async 'sync:now'(): Promise<{ result: SyncResult | null; status: SyncStatus }> {
      const { result } = await syncNow();
      return { result, status: await status() };
    },
  };
}

function syncStatus({ settings, loadState }: OpsCore) {
  return async function status(): Promise<SyncStatus> {
    const [s, st] = [await settings(), await loadState()];
    // A state for another URL (the policy changed it) says nothing about this one.
    const mine = st.url === s.packUrl;
    return { settings: s, lastResult: mine ? st.lastResult : null, lastSuccessAt: mine ? st.lastSuccessAt : null, nextAt: s.packUrl ? st.nextAt : null, failures: mine ? st.failures : 0 };
  };
}

/** One sync at a time; the alarm and "Sync now" share it. */
function syncRunner(core: OpsCore): () => Run {
  const { ctx, deps, syncState, schedule, settings, loadState } = core;
  let running: Run | null = null;

  async function runOnce(): Run {
    const out = await runSync({
      fetch: deps.fetch ?? ((...a) => fetch(...a)),
      settings,
      loadState,
      saveState: (s) => syncState.set(s),
      active: async () => (await ctx.current()).stored.pack,
      guard: async () => {
        const r = await core.rulesFor((await ctx.current()).stored);
        return { activeIsSample: r.activeIsSample ?? false, highWater: r.highWater ?? {} };
      },
      activate: core.activate,
      now: ctx.now,
      random: deps.random,
      online: deps.online,
    });
    await schedule(out.state.nextAt);
    return out;
  }

  return function syncNow() {
    running ??= runOnce()
      .catch(async (e: unknown) => {
        // Not even the failure could be recorded (storage is failing): still look again later.
        const s = await settings().catch(() => null);
        await schedule(nextAttemptAt(ctx.now(), 'failed', 1, s?.refreshMinutes ?? DEFAULT_REFRESH_MINUTES, deps.random)).catch(() => undefined);
        throw e;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
}

/** The alarm's schedule after a wake-up, a policy change or a save. */
function scheduling(core: OpsCore, syncNow: () => Run) {
  const { ctx, syncState, schedule, settings, loadState } = core;

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

  /** After saving: a new URL or key looks again from scratch (a pack judged under the old ones is judged again); a new interval re-arms the alarm. */
  async function afterSave(before: EffectiveSettings): Promise<void> {
    const after = await settings();
    const changed = after.packUrl !== before.packUrl || after.publicKey !== before.publicKey || after.allowPackSwitch !== before.allowPackSwitch;
    if (changed) return settingsChanged();
    if (after.refreshMinutes !== before.refreshMinutes && after.packUrl) {
      const at = ctx.now().getTime() + after.refreshMinutes * 60_000;
      await syncState.set({ ...(await loadState()), nextAt: at });
      await schedule(at);
    }
  }

  return { ensureScheduled, settingsChanged, afterSave };
}
