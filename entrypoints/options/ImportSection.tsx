/**
 * Import a pack from a file or a URL: read it (with a progress bar), check it
 * (every error listed), preview what it changes, then Activate. Nothing changes for
 * reps until Activate; a downgrade needs an explicit "activate as a rollback".
 */
import { useSignal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { ask } from '@/utils/ask';
import type { Lang } from '@/utils/i18n';
import type { PackError } from '@/utils/pack/validate';
import type { Preview } from '@/utils/sync/handlers';
import type { PackInfo } from '@/utils/view/types';
import { checkPackUrl } from '@/utils/sync/settings';
import { DiffView } from './DiffView';
import { ErrorList, WarningList } from './ErrorList';
import { FetchError, formatBytes, PackReadError, readFile, readUrl } from './read';
import { ot } from './strings';

type Phase = 'idle' | 'reading' | 'checking' | 'preview' | 'activating';
type Notice = { kind: 'ok' | 'error' | 'busy'; text: string } | null;
type Pending = { text: string; source: string; preview: Extract<Preview, { ok: true }> };

export function ImportSection({ lang, onActivated }: { lang: Lang; onActivated: (info: PackInfo) => void }) {
  const l = lang;
  const phase = useSignal<Phase>('idle');
  const progress = useSignal<{ loaded: number; total: number | null }>({ loaded: 0, total: null });
  const notice = useSignal<Notice>(null);
  const errors = useSignal<PackError[]>([]);
  const warnings = useSignal<PackError[]>([]);
  const pending = useSignal<Pending | null>(null);
  const allowDowngrade = useSignal(false);
  const url = useSignal('');
  const needsAccess = useSignal<string | null>(null);

  const reset = () => {
    errors.value = [];
    warnings.value = [];
    pending.value = null;
    allowDowngrade.value = false;
    needsAccess.value = null;
    notice.value = null;
  };
  const onProgress = (loaded: number, total: number | null) => {
    progress.value = { loaded, total };
  };

  async function check(text: string, source: string) {
    phase.value = 'checking';
    notice.value = { kind: 'busy', text: ot(l, 'checking') };
    try {
      const preview = await ask('pack:preview', { text, source, lang: l });
      warnings.value = preview.warnings;
      if (!preview.ok) {
        errors.value = preview.errors;
        notice.value = { kind: 'error', text: preview.reason === 'signature' ? ot(l, 'refusedSignature') : ot(l, 'rejected', { count: preview.errors.length }) };
        phase.value = 'idle';
        return;
      }
      pending.value = { text, source, preview };
      notice.value = { kind: 'ok', text: ot(l, 'checkedOk', { name: preview.incoming.name, version: preview.incoming.version }) };
      phase.value = 'preview';
    } catch (e) {
      notice.value = { kind: 'error', text: (e as Error).message };
      phase.value = 'idle';
    }
  }

  async function onFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    reset();
    phase.value = 'reading';
    notice.value = { kind: 'busy', text: ot(l, 'reading', { name: file.name }) };
    let text: string;
    try {
      text = await readFile(file, onProgress);
    } catch (err) {
      phase.value = 'idle';
      notice.value = { kind: 'error', text: (err as Error).message };
      return;
    } finally {
      input.value = '';
    }
    await check(text, `file:${file.name}`);
  }

  async function onUrl(e: Event) {
    e.preventDefault();
    reset();
    const target = url.value.trim();
    const bad = checkPackUrl(target);
    if (bad) {
      notice.value = { kind: 'error', text: ot(l, 'badUrl', { reason: bad }) };
      return;
    }
    phase.value = 'reading';
    progress.value = { loaded: 0, total: null };
    notice.value = { kind: 'busy', text: ot(l, 'fetching', { url: target }) };
    let text: string;
    try {
      text = await readUrl(target, onProgress);
    } catch (err) {
      phase.value = 'idle';
      if (err instanceof PackReadError) {
        notice.value = { kind: 'error', text: ot(l, 'fetchRefused', { reason: err.message }) };
        return;
      }
      const status = err instanceof FetchError ? err.status : null;
      notice.value = { kind: 'error', text: status ? ot(l, 'fetchHttp', { status }) : ot(l, 'fetchFailed', { url: target }) };
      if (!status && target.startsWith('https://')) needsAccess.value = `${new URL(target).origin}/*`;
      return;
    }
    await check(text, target);
  }

  function grantAccess() {
    const origin = needsAccess.value;
    if (!origin) return;
    // Called straight from the click: permission prompts need the user's gesture.
    void browser.permissions.request({ origins: [origin] }).then((granted) => {
      if (granted) {
        needsAccess.value = null;
        notice.value = { kind: 'ok', text: ot(l, 'accessGranted', { origin }) };
      }
    });
  }

  async function activate() {
    const p = pending.value;
    if (!p) return;
    phase.value = 'activating';
    notice.value = { kind: 'busy', text: ot(l, 'activating') };
    try {
      // Name the previewed pack by its hash; send the text only if the background lost it (it was restarted).
      let r = await ask('pack:activate', { hash: p.preview.hash, source: p.source, allowDowngrade: allowDowngrade.value });
      if (!r.ok && r.reason === 'expired') r = await ask('pack:activate', { text: p.text, source: p.source, allowDowngrade: allowDowngrade.value });
      if (r.ok) {
        pending.value = null;
        warnings.value = r.warnings;
        notice.value = { kind: 'ok', text: ot(l, 'imported_ok', { name: r.info.name, version: r.info.version }) };
        onActivated(r.info);
      } else {
        errors.value = r.errors;
        notice.value = { kind: 'error', text: ot(l, 'rejected', { count: r.errors.length }) };
      }
    } catch (e) {
      notice.value = { kind: 'error', text: (e as Error).message };
    }
    phase.value = 'idle';
  }

  const busy = phase.value === 'reading' || phase.value === 'checking' || phase.value === 'activating';
  const p = pending.value;
  const needsRollback = p && (p.preview.comparison === 'downgrade' || p.preview.comparison === 'same-version' || p.preview.comparison === 'pack-switch');
  const prog = progress.value;
  return (
    <section aria-labelledby="import-h" id="import">
      <h2 id="import-h">{ot(l, 'importTitle')}</h2>
      <p>{ot(l, 'importHelp')}</p>
      <div class="import-sources">
        <label>
          {ot(l, 'chooseFile')}{' '}
          <input type="file" accept=".json,application/json" data-testid="pack-file" disabled={busy} onChange={(e) => onFile(e.currentTarget as HTMLInputElement)} />
        </label>
        <form class="inline" onSubmit={onUrl}>
          <label>
            {ot(l, 'fromUrl')}{' '}
            <input type="url" size={48} placeholder="https://packs.example.com/frontline/pack.json" value={url.value} onInput={(e) => (url.value = (e.currentTarget as HTMLInputElement).value)} data-testid="import-url" disabled={busy} />
          </label>{' '}
          <button type="submit" disabled={busy || !url.value.trim()} data-testid="import-fetch">
            {ot(l, 'fetch')}
          </button>
        </form>
      </div>

      {busy && (
        <div class="progress" data-testid="import-progress">
          {phase.value === 'reading' ? (
            <>
              <progress value={prog.total ? prog.loaded : undefined} max={prog.total ?? undefined} aria-label={ot(l, 'progressLabel')} />
              <span>{prog.total ? ot(l, 'progressOf', { loaded: formatBytes(prog.loaded), total: formatBytes(prog.total) }) : formatBytes(prog.loaded)}</span>
            </>
          ) : (
            <>
              <progress aria-label={ot(l, 'progressLabel')} />
              <span>{phase.value === 'checking' ? ot(l, 'checking') : ot(l, 'activating')}</span>
            </>
          )}
        </div>
      )}

      {notice.value && (
        <p class={`notice notice-${notice.value.kind}`} role={notice.value.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
          {notice.value.text}
        </p>
      )}
      {needsAccess.value && (
        <p>
          {ot(l, 'accessHelp')}{' '}
          <button type="button" onClick={grantAccess} data-testid="import-grant">
            {ot(l, 'allowAccess', { origin: needsAccess.value })}
          </button>
        </p>
      )}
      <ErrorList errors={errors.value} />
      {p && (
        <div class="preview" data-testid="preview">
          <DiffView preview={p.preview} lang={l} />
          {needsRollback && (
            <p class="rollback-confirm">
              <label>
                <input type="checkbox" checked={allowDowngrade.value} onChange={(e) => (allowDowngrade.value = (e.currentTarget as HTMLInputElement).checked)} data-testid="allow-downgrade" />{' '}
                {p.preview.comparison === 'downgrade'
                  ? ot(l, 'confirmDowngrade', { version: p.preview.incoming.version })
                  : p.preview.comparison === 'pack-switch'
                    ? ot(l, 'confirmPackSwitch', { id: p.preview.incoming.id })
                    : ot(l, 'confirmSameVersion', { version: p.preview.incoming.version })}
              </label>
            </p>
          )}
          <p class="actions">
            <button type="button" class="primary" onClick={activate} disabled={busy || (needsRollback && !allowDowngrade.value) || false} data-testid="activate">
              {needsRollback ? ot(l, 'activateRollback', { version: p.preview.incoming.version }) : ot(l, 'activate', { version: p.preview.incoming.version })}
            </button>{' '}
            <button type="button" onClick={reset} disabled={busy} data-testid="cancel">
              {ot(l, 'cancel')}
            </button>
          </p>
        </div>
      )}
      <WarningList warnings={warnings.value} lang={l} />
    </section>
  );
}
