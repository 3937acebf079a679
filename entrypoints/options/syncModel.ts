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

  let shownForm: string | null = null;
  let checkedOrigin: string | null = null;

  /** The form shows what is in force whenever that changes (load, save, a new policy); edits in progress survive other status updates. */
  function show(next: SyncStatus | null) {
    batch(() => {
      status.value = next;
      const s = next?.settings;
      if (!s || formKey(s) === shownForm) return;
      shownForm = formKey(s);
      url.value = s.packUrl ?? '';
      key.value = s.publicKey ?? '';
      minutes.value = String(s.refreshMinutes);
      allowSwitch.value = s.allowPackSwitch;
    });
    const o = origin.value;
    if (o && o !== checkedOrigin) {
      checkedOrigin = o;
      void deps.hasAccess(o).then((ok) => (access.value = ok ? 'granted' : 'not-granted'));
    }
  }

  async function save() {
    batch(() => {
      busy.value = true;
      saved.value = false;
    });
    try {
      const r = await deps.ask('sync:settings', { packUrl: url.value.trim() || null, publicKey: key.value.trim() || null, refreshMinutes: Number(minutes.value), allowPackSwitch: allowSwitch.value });
      if (!r.ok) return void (errors.value = Object.fromEntries(r.errors.map((x) => [x.field, x.message])));
      batch(() => {
        errors.value = {};
        saved.value = true;
      });
      // A new URL or key was checked by the background already: the status has the result.
      show(r.status);
      deps.onSynced(r.status);
    } finally {
      busy.value = false;
    }
  }

  async function syncNow() {
    busy.value = true;
    try {
      const r = await deps.ask('sync:now', {});
      show(r.status);
      deps.onSynced(r.status);
    } finally {
      busy.value = false;
    }
  }

  function grant(): Promise<void> {
    const o = origin.value;
    if (!o) return Promise.resolve();
    return deps.requestAccess(o).then((ok) => void (access.value = ok ? 'granted' : 'not-granted'));
  }

  return { status, url, key, minutes, allowSwitch, errors, busy, saved, access, settings, origin, anyLocked, allLocked, canSave, canSyncNow, offerAccess, show, save, syncNow, grant };
}
