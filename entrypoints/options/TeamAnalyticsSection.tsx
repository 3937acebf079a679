/**
 * Team analytics: the OTLP/HTTP logs endpoint (off by default; locked when set by
 * policy), what is sent, the outbox's state, "Send now" and a new pseudonymous rep id.
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ask } from '@/utils/ask';
import type { Lang } from '@/utils/i18n';
import type { TelemetryView } from '@/utils/background/loopHandlers';
import { RESOURCE_ATTRIBUTES, SENT_ATTRIBUTES } from '@/utils/telemetry/events';
import { endpointOrigin } from '@/utils/telemetry/settings';
import { lo } from './loopStrings';

/**
 * An https endpoint is asked for as a host permission, straight from the click (a prompt
 * needs the user's gesture); a loopback http one (a local collector) is not in the
 * optional hosts and must allow the extension by CORS.
 */
async function askForHost(endpoint: string): Promise<boolean> {
  if (!endpoint.startsWith('https://')) return true;
  const origins = [endpointOrigin(endpoint)];
  try {
    return (await browser.permissions.contains({ origins })) || (await browser.permissions.request({ origins }));
  } catch {
    return false;
  }
}

export function TeamAnalyticsSection({ lang: l }: { lang: Lang }) {
  const view = useSignal<TelemetryView | null>(null);
  const endpoint = useSignal('');
  const notes = useSignal(false);
  const message = useSignal<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const show = (v: TelemetryView) => {
    view.value = v;
    endpoint.value = v.settings.endpoint ?? '';
    notes.value = v.settings.includeNotes;
  };
  useEffect(() => {
    void ask('telemetry:status', {}).then(show);
  }, []);
  const v = view.value;
  if (!v) return null;
  const locked = v.settings.fromPolicy.endpoint;

  const save = async () => {
    const url = endpoint.value.trim();
    const granted = url ? await askForHost(url) : true;
    const r = await ask('telemetry:settings', { endpoint: url || null, includeNotes: notes.value });
    if (!r.ok) {
      message.value = { kind: 'error', text: r.error };
      return;
    }
    show(r.view);
    message.value = granted ? { kind: 'ok', text: lo(l, 'teamSaved') } : { kind: 'error', text: lo(l, 'teamPermissionDenied', { origin: new URL(url).origin }) };
  };

  return (
    <section aria-labelledby="team-h" id="team">
      <h2 id="team-h">{lo(l, 'teamTitle')}</h2>
      <p>{lo(l, 'teamHelp')}</p>
      {locked && <p class="policy">{lo(l, 'teamPolicy')}</p>}
      <div class="field">
        <label class="label" for="team-endpoint">
          {lo(l, 'teamEndpoint')}
        </label>
        <input id="team-endpoint" type="url" size={48} value={endpoint.value} disabled={locked} onInput={(e) => (endpoint.value = (e.currentTarget as HTMLInputElement).value)} data-testid="team-endpoint" />
        <small class="muted">{lo(l, 'teamEndpointHint')}</small>
      </div>
      <div class="field">
        <label>
          <input type="checkbox" checked={notes.value} disabled={v.settings.fromPolicy.includeNotes} onChange={(e) => (notes.value = (e.currentTarget as HTMLInputElement).checked)} data-testid="team-notes" /> {lo(l, 'teamNotes')}
        </label>
      </div>
      <p class="actions">
        <button type="button" onClick={() => void save()} disabled={locked && v.settings.fromPolicy.includeNotes} data-testid="team-save">
          {lo(l, 'teamSave')}
        </button>
        <button type="button" onClick={() => void ask('telemetry:flush', {}).then(show)} disabled={!v.settings.endpoint} data-testid="team-send-now">
          {lo(l, 'teamSendNow')}
        </button>
        <button type="button" onClick={() => void ask('telemetry:rotate', {}).then(show)} data-testid="team-rotate">
          {lo(l, 'teamRotate')}
        </button>
      </p>
      {message.value && (
        <p class={`notice notice-${message.value.kind}`} role={message.value.kind === 'error' ? 'alert' : 'status'} data-testid="team-notice">
          {message.value.text}
        </p>
      )}
      <TeamStatus lang={l} view={v} />
      <details>
        <summary>{lo(l, 'teamWhat')}</summary>
        <p>{lo(l, 'teamWhatIntro')}</p>
        <dl class="facts" data-testid="team-what">
          {Object.entries({ ...SENT_ATTRIBUTES, ...RESOURCE_ATTRIBUTES }).map(([key, what]) => (
            <>
              <dt key={`k-${key}`}>
                <code>{key}</code>
              </dt>
              <dd key={`v-${key}`}>{l === 'zh-CN' ? what.zh : what.en}</dd>
            </>
          ))}
        </dl>
      </details>
    </section>
  );
}

function TeamStatus({ lang: l, view: v }: { lang: Lang; view: TelemetryView }) {
  const s = v.status;
  const when = (ms: number | string) => new Date(ms).toLocaleString(l);
  return (
    <div data-testid="team-status">
      <p class="muted">{lo(l, 'teamRepId', { id: v.repId })}</p>
      {!v.settings.endpoint ? (
        <p>{lo(l, 'teamOff')}</p>
      ) : (
        <ul>
          <li data-testid="team-counts">{lo(l, 'teamStatus', { queued: s.queued, sent: s.sent, dropped: s.dropped })}</li>
          {s.lastSentAt && <li>{lo(l, 'teamLastSent', { at: when(s.lastSentAt) })}</li>}
          {s.lastError && <li class="warn">{lo(l, 'teamLastError', { error: s.lastError })}</li>}
          {s.nextAt && <li>{lo(l, 'teamNextRetry', { at: when(s.nextAt) })}</li>}
        </ul>
      )}
    </div>
  );
}
