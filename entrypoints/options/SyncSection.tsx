/**
 * Sync settings (pack URL, public key, refresh) and the last sync. Values set by
 * the organisation's policy are shown locked.
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ask } from '@/utils/ask';
import type { Lang } from '@/utils/i18n';
import type { SyncStatus } from '@/utils/sync/handlers';
import type { SettingKey } from '@/utils/sync/settings';
import { ErrorList } from './ErrorList';
import { SyncResultText } from './SyncResultText';
import { ot } from './strings';

export function SyncSection({ lang: l, status, onSynced }: { lang: Lang; status: SyncStatus | null; onSynced: (s: SyncStatus) => void }) {
  const url = useSignal('');
  const key = useSignal('');
  const minutes = useSignal('60');
  const allowSwitch = useSignal(false);
  const errors = useSignal<Partial<Record<SettingKey, string>>>({});
  const busy = useSignal(false);
  const saved = useSignal(false);
  const access = useSignal<'unknown' | 'granted' | 'not-granted'>('unknown');
  const s = status?.settings;

  // The form shows what is in force whenever that changes (load, save, a new policy).
  useEffect(() => {
    if (!s) return;
    url.value = s.packUrl ?? '';
    key.value = s.publicKey ?? '';
    minutes.value = String(s.refreshMinutes);
    allowSwitch.value = s.allowPackSwitch;
  }, [s?.packUrl, s?.publicKey, s?.refreshMinutes, s?.allowPackSwitch]);

  const origin = s?.packUrl?.startsWith('https://') ? `${new URL(s.packUrl).origin}/*` : null;
  useEffect(() => {
    if (!origin) return;
    void browser.permissions.contains({ origins: [origin] }).then((ok) => (access.value = ok ? 'granted' : 'not-granted'));
  }, [origin]);

  if (!s || !status) return null;
  const anyLocked = s.locked.packUrl || s.locked.publicKey || s.locked.refreshMinutes || s.locked.allowPackSwitch;
  const allLocked = s.locked.packUrl && s.locked.publicKey && s.locked.refreshMinutes && s.locked.allowPackSwitch;

  async function save(e: Event) {
    e.preventDefault();
    busy.value = true;
    saved.value = false;
    const r = await ask('sync:settings', { packUrl: url.value.trim() || null, publicKey: key.value.trim() || null, refreshMinutes: Number(minutes.value), allowPackSwitch: allowSwitch.value });
    busy.value = false;
    if (!r.ok) {
      errors.value = Object.fromEntries(r.errors.map((x) => [x.field, x.message]));
      return;
    }
    errors.value = {};
    saved.value = true;
    // A new URL or key was checked by the background already: the status has the result.
    onSynced(r.status);
  }

  async function syncNow() {
    busy.value = true;
    try {
      const r = await ask('sync:now', {});
      onSynced(r.status);
    } finally {
      busy.value = false;
    }
  }

  function grant() {
    if (!origin) return;
    void browser.permissions.request({ origins: [origin] }).then((ok) => (access.value = ok ? 'granted' : 'not-granted'));
  }

  const field = (k: SettingKey, labelKey: Parameters<typeof ot>[1], input: preact.JSX.Element, help?: string) => (
    <div class="field">
      <label>
        <span class="label">{ot(l, labelKey)}</span> {input}
      </label>
      {s.locked[k] && (
        <span class="badge badge-locked" data-testid={`locked-${k}`}>
          {ot(l, 'lockedByPolicy')}
        </span>
      )}
      {!s.locked[k] && s.fromPolicy[k] && <span class="badge">{ot(l, 'defaultFromPolicy')}</span>}
      {help && <small class="muted">{help}</small>}
      {errors.value[k] && (
        <span class="field-error" role="alert" data-testid={`error-${k}`}>
          {errors.value[k]}
        </span>
      )}
    </div>
  );

  const r = status.lastResult;
  return (
    <section aria-labelledby="sync-h" id="sync">
      <h2 id="sync-h">{ot(l, 'syncTitle')}</h2>
      <p>{ot(l, 'syncHelp')}</p>
      {anyLocked && (
        <p class="policy" data-testid="sync-locked">
          {ot(l, 'policyNote')}
        </p>
      )}
      {s.keyProblem && (
        <p class="notice-error" role="alert" data-testid="key-problem">
          {ot(l, 'keyProblem', { reason: s.keyProblem })}
        </p>
      )}
      {s.policyProblems.length > 0 && (
        <div role="alert">
          <p>{ot(l, 'policyProblems')}</p>
          <ErrorList errors={s.policyProblems.map((m) => ({ path: '(policy)', message: m }))} />
        </div>
      )}
      <form onSubmit={save} class="sync-form">
        {field(
          'packUrl',
          'packUrl',
          <input type="url" size={56} value={url.value} disabled={s.locked.packUrl} onInput={(e) => (url.value = (e.currentTarget as HTMLInputElement).value)} placeholder="https://packs.example.com/frontline/pack.json" data-testid="sync-url" />,
          ot(l, 'packUrlHelp'),
        )}
        {field(
          'publicKey',
          'publicKey',
          <input type="text" size={56} value={key.value} disabled={s.locked.publicKey} onInput={(e) => (key.value = (e.currentTarget as HTMLInputElement).value)} spellcheck={false} data-testid="sync-key" />,
          ot(l, 'publicKeyHelp'),
        )}
        {field(
          'refreshMinutes',
          'refreshMinutes',
          <input type="number" min={15} max={10080} step={1} value={minutes.value} disabled={s.locked.refreshMinutes} onInput={(e) => (minutes.value = (e.currentTarget as HTMLInputElement).value)} data-testid="sync-refresh" />,
        )}
        {field(
          'allowPackSwitch',
          'allowPackSwitch',
          <input type="checkbox" checked={allowSwitch.value} disabled={s.locked.allowPackSwitch} onChange={(e) => (allowSwitch.value = (e.currentTarget as HTMLInputElement).checked)} data-testid="sync-allow-switch" />,
          ot(l, 'allowPackSwitchHelp'),
        )}
        <p class="actions">
          <button type="submit" disabled={busy.value || allLocked} data-testid="sync-save">
            {ot(l, 'saveSettings')}
          </button>{' '}
          <button type="button" onClick={syncNow} disabled={busy.value || !s.packUrl} data-testid="sync-now">
            {ot(l, 'syncNow')}
          </button>
          {busy.value && <span class="muted" role="status"> {ot(l, 'checking')}</span>}
          {saved.value && !busy.value && <span class="notice-ok"> {ot(l, 'saved')}</span>}
        </p>
      </form>
      {origin && access.value === 'not-granted' && (
        <p class="muted">
          {ot(l, 'corsHelp')}{' '}
          <button type="button" onClick={grant} data-testid="sync-grant">
            {ot(l, 'allowAccess', { origin })}
          </button>
        </p>
      )}
      {s.packUrl ? (
        <dl class="facts" data-testid="sync-status">
          <dt>{ot(l, 'lastSync')}</dt>
          <dd data-testid="sync-result">{r ? <SyncResultText result={r} lang={l} /> : ot(l, 'neverSynced')}</dd>
          {r?.errors && r.errors.length > 0 && (
            <>
              <dt />
              <dd>
                <ErrorList errors={r.errors} />
              </dd>
            </>
          )}
          <dt>{ot(l, 'lastSuccess')}</dt>
          <dd>{status.lastSuccessAt ? new Date(status.lastSuccessAt).toLocaleString(l) : '—'}</dd>
          <dt>{ot(l, 'nextCheck')}</dt>
          <dd>{status.nextAt ? new Date(status.nextAt).toLocaleString(l) : '—'}</dd>
          {status.failures > 0 && (
            <>
              <dt>{ot(l, 'failures')}</dt>
              <dd>{status.failures}</dd>
            </>
          )}
        </dl>
      ) : (
        <p class="muted">{ot(l, 'syncOff')}</p>
      )}
    </section>
  );
}
