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
import { newActivationId, type ProgressReport } from '@/utils/sync/activationProgress';

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
  /** Hears the background's stage reports for activation `id`; returns the unsubscribe. */
  watchProgress?: (id: string, onReport: (r: ProgressReport) => void) => () => void;
}

export type ImportModel = ReturnType<typeof createImportModel>;

export function createImportModel(deps: ImportDeps) {
  const state = importState();
  const cx = actionContext(state, deps);
  const reset = () => resetImport(state);
  const check = checker(cx);
  // checkText: the workbench hands over a pack it built (no file to read).
  return { ...state, reset, checkText: check, ...readers(cx, reset, check), grantAccess: accessGranter(cx), activate: activator(cx) };
}

/** The section's signals, and what follows from them. */
function importState() {
  const phase = signal<Phase>('idle');
  const progress = signal<{ loaded: number; total: number | null }>({ loaded: 0, total: null });
  const notice = signal<Notice>(null);
  const errors = signal<PackError[]>([]);
  const warnings = signal<PackError[]>([]);
  const pending = signal<Pending | null>(null);
  const allowDowngrade = signal(false);
  const url = signal('');
  const needsAccess = signal<string | null>(null);
  /** The stages the running (or last) activation reached, in order, with ms since it began. */
  const stages = signal<Pick<ProgressReport, 'stage' | 'ms'>[]>([]);

  const busy = computed(() => phase.value === 'reading' || phase.value === 'checking' || phase.value === 'activating');
  /** A downgrade, the same version with other content, or another pack: activate only as a confirmed rollback. */
  const needsRollback = computed(() => {
    const c = pending.value?.preview.comparison;
    return c === 'downgrade' || c === 'same-version' || c === 'pack-switch';
  });
  const canActivate = computed(() => pending.value !== null && !busy.value && (!needsRollback.value || allowDowngrade.value));
  const canFetch = computed(() => !busy.value && url.value.trim() !== '');
  return { phase, progress, notice, errors, warnings, pending, allowDowngrade, url, needsAccess, stages, busy, needsRollback, canActivate, canFetch };
}

type ImportState = ReturnType<typeof importState>;

/** What every action shares: the state, the deps, and the notice line in the page's current language. */
interface ActionContext {
  s: ImportState;
  deps: ImportDeps;
  t: (key: Parameters<typeof ot>[1], params?: Record<string, string | number>) => string;
  say: (kind: 'ok' | 'error' | 'busy', text: string) => void;
}

function actionContext(s: ImportState, deps: ImportDeps): ActionContext {
  return {
    s,
    deps,
    t: (key, params) => ot(deps.lang(), key, params),
    say: (kind, text) => void (s.notice.value = { kind, text }),
  };
}

function resetImport(s: ImportState) {
  batch(() => {
    s.errors.value = [];
    s.warnings.value = [];
    s.pending.value = null;
    s.allowDowngrade.value = false;
    s.needsAccess.value = null;
    s.notice.value = null;
    s.stages.value = [];
  });
}

/** Has the background check a text it was given, and holds the preview (or lists the errors). */
function checker({ s, deps, t, say }: ActionContext) {
  return async function check(text: string, source: string) {
    batch(() => {
      s.phase.value = 'checking';
      say('busy', t('checking'));
    });
    try {
      const preview = await deps.ask('pack:preview', { text, source, lang: deps.lang() });
      batch(() => {
        s.warnings.value = preview.warnings;
        if (!preview.ok) {
          s.errors.value = preview.errors;
          say('error', preview.reason === 'signature' ? t('refusedSignature') : t('rejected', { count: preview.errors.length }));
          s.phase.value = 'idle';
          return;
        }
        s.pending.value = { text, source, preview };
        say('ok', t('checkedOk', { name: preview.incoming.name, version: preview.incoming.version }));
        s.phase.value = 'preview';
      });
    } catch (e) {
      batch(() => {
        say('error', (e as Error).message);
        s.phase.value = 'idle';
      });
    }
  };
}

/** Reading a pack from a file or a URL (with progress), then checking it. */
function readers(cx: ActionContext, reset: () => void, check: (text: string, source: string) => Promise<void>) {
  const { s, deps, t, say } = cx;
  const onProgress: Progress = (loaded, total) => (s.progress.value = { loaded, total });

  /** Reads with `read`; on failure shows `failed(err)` and answers null. */
  async function readWith(read: () => Promise<string>, failed: (err: unknown) => void): Promise<string | null> {
    try {
      return await read();
    } catch (err) {
      batch(() => {
        s.phase.value = 'idle';
        failed(err);
      });
      return null;
    }
  }

  async function importFile(file: File) {
    batch(() => {
      reset();
      s.phase.value = 'reading';
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
    if (!status && target.startsWith('https://')) s.needsAccess.value = `${new URL(target).origin}/*`;
  }

  async function importUrl() {
    reset();
    const target = s.url.value.trim();
    const bad = checkPackUrl(target);
    if (bad) return void say('error', t('badUrl', { reason: bad }));
    batch(() => {
      s.phase.value = 'reading';
      s.progress.value = { loaded: 0, total: null };
      say('busy', t('fetching', { url: target }));
    });
    const text = await readWith(
      () => deps.readUrl(target, onProgress),
      (err) => urlFailed(target, err),
    );
    if (text !== null) await check(text, target);
  }

  return { importFile, importUrl };
}

function accessGranter({ s, deps, t, say }: ActionContext) {
  /** Called straight from the click: permission prompts need the user's gesture. */
  return function grantAccess(): Promise<void> {
    const origin = s.needsAccess.value;
    if (!origin) return Promise.resolve();
    return deps.requestAccess(origin).then((granted) => {
      if (!granted) return;
      batch(() => {
        s.needsAccess.value = null;
        say('ok', t('accessGranted', { origin }));
      });
    });
  };
}

function activator({ s, deps, t, say }: ActionContext) {
  return async function activate() {
    const p = s.pending.value;
    if (!p) return;
    batch(() => {
      s.phase.value = 'activating';
      s.stages.value = [];
      say('busy', t('activating'));
    });
    const progressId = newActivationId();
    const unwatch = deps.watchProgress?.(progressId, ({ stage, ms }) => (s.stages.value = [...s.stages.value, { stage, ms }]));
    try {
      const base = { source: p.source, allowDowngrade: s.allowDowngrade.value, progressId };
      // Name the previewed pack by its hash; send the text only if the background lost it (it was restarted).
      let r = await deps.ask('pack:activate', { hash: p.preview.hash, ...base });
      if (!r.ok && r.reason === 'expired') r = await deps.ask('pack:activate', { text: p.text, ...base });
      const result = r;
      batch(() => {
        if (result.ok) {
          s.pending.value = null;
          s.warnings.value = result.warnings;
          say('ok', t('imported_ok', { name: result.info.name, version: result.info.version }));
        } else {
          s.errors.value = result.errors;
          say('error', t('rejected', { count: result.errors.length }));
        }
      });
      if (result.ok) deps.onActivated(result.info);
    } catch (e) {
      say('error', (e as Error).message);
    }
    unwatch?.();
    s.phase.value = 'idle';
  };
}
