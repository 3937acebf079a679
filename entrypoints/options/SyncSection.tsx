/**
 * Sync settings (pack URL, public key, refresh) and the last sync. Values set by
 * the organisation's policy are shown locked.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ask } from '@/utils/ask';
import type { Lang } from '@/utils/i18n';
import type { SyncStatus } from '@/utils/sync/handlers';
import type { EffectiveSettings, SettingKey } from '@/utils/sync/settings';
import { ErrorList } from './ErrorList';
import { SyncResultText } from './SyncResultText';
import { createSyncModel, type SyncModel } from './syncModel';
import { ot, type OptionsKey } from './strings';

export function SyncSection({ lang: l, status: given, onSynced }: { lang: Lang; status: SyncStatus | null; onSynced: (s: SyncStatus) => void }) {
  const m = useSyncModel(given, onSynced);
  const status = m.status.value;
  const s = status?.settings;
  const origin = m.origin.value;
  if (!s || !status) return null;

  return (
    <section aria-labelledby="sync-h" id="sync">
      <h2 id="sync-h">{ot(l, 'syncTitle')}</h2>
      <p>{ot(l, 'syncHelp')}</p>
      <PolicyNotes lang={l} settings={s} anyLocked={m.anyLocked.value} />
      <SyncForm lang={l} m={m} settings={s} />
      {origin && m.offerAccess.value && (
        <p class="muted">
          {ot(l, 'corsHelp')}{' '}
          <button type="button" onClick={() => void m.grant()} data-testid="sync-grant">
            {ot(l, 'allowAccess', { origin })}
          </button>
        </p>
      )}
      {s.packUrl ? <SyncFacts lang={l} status={status} /> : <p class="muted">{ot(l, 'syncOff')}</p>}
    </section>
  );
}

/** The model outlives renders; it reaches the current callback through a ref, and shows each status the page is given. */
function useSyncModel(given: SyncStatus | null, onSynced: (s: SyncStatus) => void): SyncModel {
  const latest = useRef(onSynced);
  latest.current = onSynced;
  const m = useMemo(() => {
    const model = createSyncModel({
      ask,
      hasAccess: (origin) => browser.permissions.contains({ origins: [origin] }),
      requestAccess: (origin) => browser.permissions.request({ origins: [origin] }),
      onSynced: (next) => latest.current(next),
    });
    model.show(given);
    return model;
  }, []);
  useEffect(() => m.show(given), [given]);
  return m;
}

/** Locked fields, a public key that does not parse, and policy values that were refused. */
function PolicyNotes({ lang: l, settings: s, anyLocked }: { lang: Lang; settings: EffectiveSettings; anyLocked: boolean }) {
  return (
    <>
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
    </>
  );
}

function SyncForm({ lang: l, m, settings: s }: { lang: Lang; m: SyncModel; settings: EffectiveSettings }) {
  const { url, key, minutes, allowSwitch, busy, saved } = m;
  const errors = m.errors.value;
  const field = { lang: l, settings: s, errors };
  function save(e: Event) {
    e.preventDefault();
    void m.save();
  }
  return (
    <form onSubmit={save} class="sync-form">
      <Field {...field} k="packUrl" labelKey="packUrl" help={ot(l, 'packUrlHelp')}>
        <input type="url" size={56} value={url.value} disabled={s.locked.packUrl} onInput={(e) => (url.value = (e.currentTarget as HTMLInputElement).value)} placeholder="https://packs.example.com/frontline/pack.json" data-testid="sync-url" />
      </Field>
      <Field {...field} k="publicKey" labelKey="publicKey" help={ot(l, 'publicKeyHelp')}>
        <input type="text" size={56} value={key.value} disabled={s.locked.publicKey} onInput={(e) => (key.value = (e.currentTarget as HTMLInputElement).value)} spellcheck={false} data-testid="sync-key" />
      </Field>
      <Field {...field} k="refreshMinutes" labelKey="refreshMinutes">
        <input type="number" min={15} max={10080} step={1} value={minutes.value} disabled={s.locked.refreshMinutes} onInput={(e) => (minutes.value = (e.currentTarget as HTMLInputElement).value)} data-testid="sync-refresh" />
      </Field>
      <Field {...field} k="allowPackSwitch" labelKey="allowPackSwitch" help={ot(l, 'allowPackSwitchHelp')}>
        <input type="checkbox" checked={allowSwitch.value} disabled={s.locked.allowPackSwitch} onChange={(e) => (allowSwitch.value = (e.currentTarget as HTMLInputElement).checked)} data-testid="sync-allow-switch" />
      </Field>
      <p class="actions">
        <button type="submit" disabled={!m.canSave.value} data-testid="sync-save">
          {ot(l, 'saveSettings')}
        </button>{' '}
        <button type="button" onClick={() => void m.syncNow()} disabled={!m.canSyncNow.value} data-testid="sync-now">
          {ot(l, 'syncNow')}
        </button>
        {busy.value && <span class="muted" role="status"> {ot(l, 'checking')}</span>}
        {saved.value && !busy.value && <span class="notice-ok"> {ot(l, 'saved')}</span>}
      </p>
    </form>
  );
}

/** One setting: its input, whether policy locks or defaults it, its help and its error. */
function Field({ lang: l, settings: s, errors, k, labelKey, help, children }: { lang: Lang; settings: EffectiveSettings; errors: Partial<Record<SettingKey, string>>; k: SettingKey; labelKey: OptionsKey; help?: string; children: ComponentChildren }) {
  return (
    <div class="field">
      <label>
        <span class="label">{ot(l, labelKey)}</span> {children}
      </label>
      {s.locked[k] && (
        <span class="badge badge-locked" data-testid={`locked-${k}`}>
          {ot(l, 'lockedByPolicy')}
        </span>
      )}
      {!s.locked[k] && s.fromPolicy[k] && <span class="badge">{ot(l, 'defaultFromPolicy')}</span>}
      {help && <small class="muted">{help}</small>}
      {errors[k] && (
        <span class="field-error" role="alert" data-testid={`error-${k}`}>
          {errors[k]}
        </span>
      )}
    </div>
  );
}

function SyncFacts({ lang: l, status }: { lang: Lang; status: SyncStatus }) {
  const r = status.lastResult;
  return (
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
  );
}
