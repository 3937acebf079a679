/**
 * The import section's state and actions: read a pack from a file or URL (with
 * progress), check it, hold the preview, then activate it — by its hash, or by the
 * text when the background was restarted — or refuse it with every error listed.
 * Pure: the background (`ask`), the readers and the permission prompt are passed in,
 * so unit tests drive it without a browser.
 */
import { batch, computed, signal } from '@preact/signals';
import type { ask } from '@/utils/ask';
import type { Lang } from '@/utils/i18n';
import type { PackError } from '@/utils/pack/validate';
import type { Preview } from '@/utils/sync/handlers';
import type { PackInfo } from '@/utils/view/types';
import { checkPackUrl } from '@/utils/sync/settings';
import { FetchError, PackReadError, type Progress } from './read';
import { ot } from './strings';

export type Ask = typeof ask;
export type Phase = 'idle' | 'reading' | 'checking' | 'preview' | 'activating';
export type Notice = { kind: 'ok' | 'error' | 'busy'; text: string } | null;
export type Pending = { text: string; source: string; preview: Extract<Preview, { ok: true }> };

export interface ImportDeps {
  ask: Ask;
  lang: () => Lang;
  readFile: (file: File, onProgress: Progress) => Promise<string>;
  readUrl: (url: string, onProgress: Progress) => Promise<string>;
  /** Asks the browser for access to `origin` (must run inside the click that asked). */
  requestAccess: (origin: string) => Promise<boolean>;
  onActivated: (info: PackInfo) => void;
}

export type ImportModel = ReturnType<typeof createImportModel>;

export function createImportModel(deps: ImportDeps) {
  const phase = signal<Phase>('idle');
  const progress = signal<{ loaded: number; total: number | null }>({ loaded: 0, total: null });
  const notice = signal<Notice>(null);
  const errors = signal<PackError[]>([]);
  const warnings = signal<PackError[]>([]);
  const pending = signal<Pending | null>(null);
  const allowDowngrade = signal(false);
  const url = signal('');
  const needsAccess = signal<string | null>(null);

  const busy = computed(() => phase.value === 'reading' || phase.value === 'checking' || phase.value === 'activating');
  /** A downgrade, the same version with other content, or another pack: activate only as a confirmed rollback. */
  const needsRollback = computed(() => {
    const c = pending.value?.preview.comparison;
    return c === 'downgrade' || c === 'same-version' || c === 'pack-switch';
  });
  const canActivate = computed(() => pending.value !== null && !busy.value && (!needsRollback.value || allowDowngrade.value));
  const canFetch = computed(() => !busy.value && url.value.trim() !== '');

  const t = (key: Parameters<typeof ot>[1], params?: Record<string, string | number>) => ot(deps.lang(), key, params);
  const say = (kind: 'ok' | 'error' | 'busy', text: string) => (notice.value = { kind, text });
  const onProgress: Progress = (loaded, total) => (progress.value = { loaded, total });

  function reset() {
    batch(() => {
      errors.value = [];
      warnings.value = [];
      pending.value = null;
      allowDowngrade.value = false;
      needsAccess.value = null;
      notice.value = null;
    });
  }

  async function check(text: string, source: string) {
    batch(() => {
      phase.value = 'checking';
      say('busy', t('checking'));
    });
    try {
      const preview = await deps.ask('pack:preview', { text, source, lang: deps.lang() });
      batch(() => {
        warnings.value = preview.warnings;
        if (!preview.ok) {
          errors.value = preview.errors;
          say('error', preview.reason === 'signature' ? t('refusedSignature') : t('rejected', { count: preview.errors.length }));
          phase.value = 'idle';
          return;
        }
        pending.value = { text, source, preview };
        say('ok', t('checkedOk', { name: preview.incoming.name, version: preview.incoming.version }));
        phase.value = 'preview';
      });
    } catch (e) {
      batch(() => {
        say('error', (e as Error).message);
        phase.value = 'idle';
      });
    }
  }

  /** Reads with `read`; on failure shows `failed(err)` and answers null. */
  async function readWith(read: () => Promise<string>, failed: (err: unknown) => void): Promise<string | null> {
    try {
      return await read();
    } catch (err) {
      batch(() => {
        phase.value = 'idle';
        failed(err);
      });
      return null;
    }
  }

  async function importFile(file: File) {
    batch(() => {
      reset();
      phase.value = 'reading';
      say('busy', t('reading', { name: file.name }));
    });
    const text = await readWith(
      () => deps.readFile(file, onProgress),
      (err) => say('error', (err as Error).message),
    );
    if (text !== null) await check(text, `file:${file.name}`);
  }

  function urlFailed(target: string, err: unknown) {
    if (err instanceof PackReadError) return say('error', t('fetchRefused', { reason: err.message }));
    const status = err instanceof FetchError ? err.status : null;
    say('error', status ? t('fetchHttp', { status }) : t('fetchFailed', { url: target }));
    // No answer at all from an https origin: most likely CORS, which host access lifts.
    if (!status && target.startsWith('https://')) needsAccess.value = `${new URL(target).origin}/*`;
  }

  async function importUrl() {
    reset();
    const target = url.value.trim();
    const bad = checkPackUrl(target);
    if (bad) return void say('error', t('badUrl', { reason: bad }));
    batch(() => {
      phase.value = 'reading';
      progress.value = { loaded: 0, total: null };
      say('busy', t('fetching', { url: target }));
    });
    const text = await readWith(
      () => deps.readUrl(target, onProgress),
      (err) => urlFailed(target, err),
    );
    if (text !== null) await check(text, target);
  }

  /** Called straight from the click: permission prompts need the user's gesture. */
  function grantAccess(): Promise<void> {
    const origin = needsAccess.value;
    if (!origin) return Promise.resolve();
    return deps.requestAccess(origin).then((granted) => {
      if (!granted) return;
      batch(() => {
        needsAccess.value = null;
        say('ok', t('accessGranted', { origin }));
      });
    });
  }

  async function activate() {
    const p = pending.value;
    if (!p) return;
    batch(() => {
      phase.value = 'activating';
      say('busy', t('activating'));
    });
    try {
      // Name the previewed pack by its hash; send the text only if the background lost it (it was restarted).
      let r = await deps.ask('pack:activate', { hash: p.preview.hash, source: p.source, allowDowngrade: allowDowngrade.value });
      if (!r.ok && r.reason === 'expired') r = await deps.ask('pack:activate', { text: p.text, source: p.source, allowDowngrade: allowDowngrade.value });
      const result = r;
      batch(() => {
        if (result.ok) {
          pending.value = null;
          warnings.value = result.warnings;
          say('ok', t('imported_ok', { name: result.info.name, version: result.info.version }));
        } else {
          errors.value = result.errors;
          say('error', t('rejected', { count: result.errors.length }));
        }
      });
      if (result.ok) deps.onActivated(result.info);
    } catch (e) {
      say('error', (e as Error).message);
    }
    phase.value = 'idle';
  }

  return {
    phase,
    progress,
    notice,
    errors,
    warnings,
    pending,
    allowDowngrade,
    url,
    needsAccess,
    busy,
    needsRollback,
    canActivate,
    canFetch,
    reset,
    importFile,
    importUrl,
    grantAccess,
    activate,
  };
}
