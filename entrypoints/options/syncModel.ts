/**
 * The sync section's state and actions: the form (pack URL, public key, refresh,
 * pack switch) filled from the settings in force, saved field by field (errors per
 * field, policy-locked fields shown locked), "Sync now", and host access for the
 * pack's origin. Pure: the background (`ask`) and the permission calls are passed in.
 */
import { batch, computed, signal } from '@preact/signals';
import type { SyncStatus } from '@/utils/sync/handlers';
import { SETTING_KEYS, type EffectiveSettings, type SettingKey } from '@/utils/sync/settings';
import type { Ask } from './importModel';

export interface SyncDeps {
  ask: Ask;
  hasAccess: (origin: string) => Promise<boolean>;
  /** Asks the browser for access to `origin` (must run inside the click that asked). */
  requestAccess: (origin: string) => Promise<boolean>;
  /** The background answered with a new status (App reloads what depends on it). */
  onSynced: (status: SyncStatus) => void;
}

export type SyncModel = ReturnType<typeof createSyncModel>;

const formKey = (s: EffectiveSettings) => JSON.stringify(SETTING_KEYS.map((k) => s[k]));

export function createSyncModel(deps: SyncDeps) {
  const state = syncState();
  const show = shower(state, deps);
  return { ...state, show, ...syncActions(state, deps, show) };
}

/** The form's fields, the status in force, and what follows from them. */
function syncState() {
  const status = signal<SyncStatus | null>(null);
  const url = signal('');
  const key = signal('');
  const minutes = signal('60');
  const allowSwitch = signal(false);
  const errors = signal<Partial<Record<SettingKey, string>>>({});
  const busy = signal(false);
  const saved = signal(false);
  const access = signal<'unknown' | 'granted' | 'not-granted'>('unknown');

  const settings = computed(() => status.value?.settings ?? null);
  /** Host access for an https pack URL lets sync read a server that sends no CORS headers. */
  const origin = computed(() => {
    const u = settings.value?.packUrl;
    return u?.startsWith('https://') ? `${new URL(u).origin}/*` : null;
  });
  const anyLocked = computed(() => SETTING_KEYS.some((k) => settings.value?.locked[k]));
  const allLocked = computed(() => SETTING_KEYS.every((k) => settings.value?.locked[k]));
  const canSave = computed(() => !busy.value && !allLocked.value);
  const canSyncNow = computed(() => !busy.value && !!settings.value?.packUrl);
  const offerAccess = computed(() => origin.value !== null && access.value === 'not-granted');
  return { status, url, key, minutes, allowSwitch, errors, busy, saved, access, settings, origin, anyLocked, allLocked, canSave, canSyncNow, offerAccess };
}

type SyncState = ReturnType<typeof syncState>;

/** The form shows what is in force whenever that changes (load, save, a new policy); edits in progress survive other status updates. */
function shower(s: SyncState, deps: SyncDeps) {
  let shownForm: string | null = null;
  let checkedOrigin: string | null = null;
  return function show(next: SyncStatus | null) {
    batch(() => {
      s.status.value = next;
      const e = next?.settings;
      if (!e || formKey(e) === shownForm) return;
      shownForm = formKey(e);
      s.url.value = e.packUrl ?? '';
      s.key.value = e.publicKey ?? '';
      s.minutes.value = String(e.refreshMinutes);
      s.allowSwitch.value = e.allowPackSwitch;
    });
    const o = s.origin.value;
    if (o && o !== checkedOrigin) {
      checkedOrigin = o;
      void deps.hasAccess(o).then((ok) => (s.access.value = ok ? 'granted' : 'not-granted'));
    }
  };
}

function syncActions(s: SyncState, deps: SyncDeps, show: (next: SyncStatus | null) => void) {
  async function save() {
    batch(() => {
      s.busy.value = true;
      s.saved.value = false;
    });
    try {
      const r = await deps.ask('sync:settings', { packUrl: s.url.value.trim() || null, publicKey: s.key.value.trim() || null, refreshMinutes: Number(s.minutes.value), allowPackSwitch: s.allowSwitch.value });
      if (!r.ok) return void (s.errors.value = Object.fromEntries(r.errors.map((x) => [x.field, x.message])));
      batch(() => {
        s.errors.value = {};
        s.saved.value = true;
      });
      // A new URL or key was checked by the background already: the status has the result.
      show(r.status);
      deps.onSynced(r.status);
    } finally {
      s.busy.value = false;
    }
  }

  async function syncNow() {
    s.busy.value = true;
    try {
      const r = await deps.ask('sync:now', {});
      show(r.status);
      deps.onSynced(r.status);
    } finally {
      s.busy.value = false;
    }
  }

  function grant(): Promise<void> {
    const o = s.origin.value;
    if (!o) return Promise.resolve();
    return deps.requestAccess(o).then((ok) => void (s.access.value = ok ? 'granted' : 'not-granted'));
  }

  return { save, syncNow, grant };
}
