/**
 * Import a pack from a file or a URL: read it (with a progress bar), check it
 * (every error listed), preview what it changes, then Activate. Nothing changes for
 * reps until Activate; a downgrade needs an explicit "activate as a rollback".
 */
import { useMemo, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ask } from '@/utils/ask';
import type { Lang } from '@/utils/i18n';
import type { PackInfo } from '@/utils/view/types';
import { DiffView } from './DiffView';
import { ErrorList, WarningList } from './ErrorList';
import { formatBytes, readFile, readUrl } from './read';
import { createImportModel, type ImportModel, type Pending } from './importModel';
import { ot } from './strings';
import { ActivationStages, watchProgress } from './ActivationStages';

export function ImportSection({ lang: l, onActivated }: { lang: Lang; onActivated: (info: PackInfo) => void }) {
  const m = useImportModel(l, onActivated);
  const { notice, errors, warnings, needsAccess } = m;
  const p = m.pending.value;

  return (
    <section aria-labelledby="import-h" id="import">
      <h2 id="import-h">{ot(l, 'importTitle')}</h2>
      <p>{ot(l, 'importHelp')}</p>
      <ImportSources lang={l} m={m} />
      {m.busy.value && <ImportProgress lang={l} m={m} />}
      {m.stages.value.length > 0 && <ActivationStages lang={l} m={m} />}

      {notice.value && (
        <p class={`notice notice-${notice.value.kind}`} role={notice.value.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
          {notice.value.text}
        </p>
      )}
      {needsAccess.value && (
        <p>
          {ot(l, 'accessHelp')}{' '}
          <button type="button" onClick={() => void m.grantAccess()} data-testid="import-grant">
            {ot(l, 'allowAccess', { origin: needsAccess.value })}
          </button>
        </p>
      )}
      <ErrorList errors={errors.value} />
      {p && <PreviewPanel lang={l} m={m} pending={p} />}
      <WarningList warnings={warnings.value} lang={l} />
    </section>
  );
}

/** The model outlives renders; it reads the current language and callback through a ref. */
export function useImportModel(lang: Lang, onActivated: (info: PackInfo) => void): ImportModel {
  const latest = useRef({ lang, onActivated });
  latest.current = { lang, onActivated };
  return useMemo(
    () =>
      createImportModel({
        ask,
        lang: () => latest.current.lang,
        readFile,
        readUrl,
        requestAccess: (origin) => browser.permissions.request({ origins: [origin] }),
        onActivated: (info) => latest.current.onActivated(info),
        watchProgress,
      }),
    [],
  );
}

function ImportSources({ lang: l, m }: { lang: Lang; m: ImportModel }) {
  const busy = m.busy.value;
  const { url } = m;
  function onFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    // The File stays readable; clearing lets the same file be picked again.
    input.value = '';
    void m.importFile(file);
  }
  function onUrl(e: Event) {
    e.preventDefault();
    void m.importUrl();
  }
  return (
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
        <button type="submit" disabled={!m.canFetch.value} data-testid="import-fetch">
          {ot(l, 'fetch')}
        </button>
      </form>
    </div>
  );
}

/** Bytes read while reading (a bar when the size is known), then an indefinite bar while checking or activating. */
function ImportProgress({ lang: l, m }: { lang: Lang; m: ImportModel }) {
  const prog = m.progress.value;
  return (
    <div class="progress" data-testid="import-progress">
      {m.phase.value === 'reading' ? (
        <>
          <progress value={prog.total ? prog.loaded : undefined} max={prog.total ?? undefined} aria-label={ot(l, 'progressLabel')} />
          <span>{prog.total ? ot(l, 'progressOf', { loaded: formatBytes(prog.loaded), total: formatBytes(prog.total) }) : formatBytes(prog.loaded)}</span>
        </>
      ) : (
        <>
          <progress aria-label={ot(l, 'progressLabel')} />
          <span>{m.phase.value === 'checking' ? ot(l, 'checking') : ot(l, 'activating')}</span>
        </>
      )}
    </div>
  );
}

/** What the checked pack changes, the rollback confirmation it may need, and Activate / Cancel. */
export function PreviewPanel({ lang: l, m, pending: p }: { lang: Lang; m: ImportModel; pending: Pending }) {
  const needsRollback = m.needsRollback.value;
  const { allowDowngrade } = m;
  const incoming = p.preview.incoming;
  return (
    <div class="preview" data-testid="preview">
      <DiffView preview={p.preview} lang={l} />
      {needsRollback && (
        <p class="rollback-confirm">
          <label>
            <input type="checkbox" checked={allowDowngrade.value} onChange={(e) => (allowDowngrade.value = (e.currentTarget as HTMLInputElement).checked)} data-testid="allow-downgrade" />{' '}
            {p.preview.comparison === 'downgrade'
              ? ot(l, 'confirmDowngrade', { version: incoming.version })
              : p.preview.comparison === 'pack-switch'
                ? ot(l, 'confirmPackSwitch', { id: incoming.id })
                : ot(l, 'confirmSameVersion', { version: incoming.version })}
          </label>
        </p>
      )}
      <p class="actions">
        <button type="button" class="primary" onClick={() => void m.activate()} disabled={!m.canActivate.value} data-testid="activate">
          {needsRollback ? ot(l, 'activateRollback', { version: incoming.version }) : ot(l, 'activate', { version: incoming.version })}
        </button>{' '}
        <button type="button" onClick={m.reset} disabled={m.busy.value} data-testid="cancel">
          {ot(l, 'cancel')}
        </button>
      </p>
    </div>
  );
}
