/**
 * One sync: fetch the pack URL (with the ETag of the last pack taken, so an unchanged
 * pack costs a 304), check it, activate it. Everything it must remember — ETag,
 * failures, the next attempt, the last result — is in the state it is given, because
 * the MV3 service worker that runs it may be stopped at any moment. `fetch`, the
 * state store and the pack store are injected, so it runs under vitest.
 */
import type { KnowledgePack } from '../pack/schema';
import type { PackError } from '../pack/validate';
import type { EffectiveSettings } from './settings';
import { downgradeFloor, intakePack, sha256Hex, type Intake } from './intake';
import type { HighWater } from './highWater';
import { nextAttemptAt } from './backoff';
import { declaredLength, PackReadError, readCapped, refusedRedirect } from './fetchPack';

export type SyncOutcome =
  /** A new pack was activated. */
  | 'updated'
  /** The server answered 304: the pack taken last time is still current. */
  | 'not-modified'
  /** The server sent the same bytes (no ETag support), or the pack is the active one. */
  | 'unchanged'
  /** A pack arrived but was not taken: bad signature, errors, or an older version. */
  | 'refused'
  /** Nothing usable arrived: offline, DNS, HTTP error, timeout. Retried with backoff. */
  | 'error';

export interface SyncResult {
  at: string;
  outcome: SyncOutcome;
  /** For people: what happened, in English (the options page shows it with a translated heading). */
  message: string;
  url: string;
  /** Version of the pack the server sent, when one was read. */
  version?: string;
  status?: number;
  /** The first validation errors of a refused pack. */
  errors?: PackError[];
  /** Why a pack was refused, for the options page to phrase. */
  reason?: 'signature' | 'invalid' | 'downgrade' | 'same-version' | 'pack-switch';
}

export interface SyncState {
  /** The URL the ETag and hash below belong to; a new URL starts afresh. */
  url: string | null;
  etag: string | null;
  lastModified: string | null;
  /** SHA-256 of the last body taken (not refused). */
  bodyHash: string | null;
  failures: number;
  /** Epoch ms of the next scheduled attempt. */
  nextAt: number | null;
  lastResult: SyncResult | null;
  lastSuccessAt: string | null;
  /**
   * The server failed a conditional request but answered a plain one: its CORS setup
   * exposes ETag but refuses the If-None-Match preflight. Send plain requests (the
   * body hash still spots an unchanged pack).
   */
  plainOnly?: boolean;
}

export const EMPTY_STATE: SyncState = { url: null, etag: null, lastModified: null, bodyHash: null, failures: 0, nextAt: null, lastResult: null, lastSuccessAt: null };

export interface SyncDeps {
  fetch: typeof fetch;
  settings(): Promise<EffectiveSettings>;
  loadState(): Promise<SyncState>;
  saveState(state: SyncState): Promise<void>;
  /** The active pack (null while the built-in sample is active). */
  active(): Promise<KnowledgePack | null>;
  activate(pack: KnowledgePack, source: string): Promise<void>;
  /** Whether the built-in sample is active, and the highest version taken per pack id. */
  guard?(): Promise<{ activeIsSample: boolean; highWater: HighWater }>;
  now?: () => Date;
  random?: () => number;
  online?: () => boolean;
  timeoutMs?: number;
}

const MAX_ERRORS = 20;

/**
 * One sync, and whatever goes wrong in it — a storage error while activating, a
 * bug, a pack no check foresaw — becomes a recorded failure with its backoff, so
 * the options page says what happened and the next attempt is scheduled.
 */
export async function runSync(deps: SyncDeps): Promise<{ result: SyncResult | null; state: SyncState }> {
  try {
    return await syncOnce(deps);
  } catch (e) {
    return recordCrash(deps, e);
  }
}

async function recordCrash(deps: SyncDeps, e: unknown): Promise<{ result: SyncResult; state: SyncState }> {
  const now = deps.now?.() ?? new Date();
  const settings = await deps.settings();
  let state = await deps.loadState();
  const url = settings.packUrl ?? '';
  if (state.url !== settings.packUrl) state = { ...EMPTY_STATE, url: settings.packUrl };
  const failures = state.failures + 1;
  const detail = e instanceof Error ? e.message || e.name : String(e);
  const result: SyncResult = { at: now.toISOString(), outcome: 'error', message: `the sync failed (${detail}): the active pack stays in use`, url };
  state = { ...state, failures, lastResult: result, nextAt: nextAttemptAt(now, 'failed', failures, settings.refreshMinutes, deps.random) };
  await deps.saveState(state);
  return { result, state };
}

/** What one sync knows while it runs; `state` picks up what the fetch learnt (plainOnly). */
interface Run {
  deps: SyncDeps;
  settings: EffectiveSettings;
  url: string;
  now: Date;
  at: string;
  state: SyncState;
}

/** How a sync ends: the result to record, what to remember, and whether it counts as a failure. */
interface Finish {
  result: SyncResult;
  patch: Partial<SyncState>;
  ok: boolean;
}

type Refusal = Omit<SyncResult, 'at' | 'outcome' | 'url'>;

/** A refused pack is not remembered (no ETag), so the next sync looks at it afresh: once ops fix the server, or the key, it is taken. */
const FORGET: Partial<SyncState> = { etag: null, lastModified: null, bodyHash: null };

async function syncOnce(deps: SyncDeps): Promise<{ result: SyncResult | null; state: SyncState }> {
  const now = deps.now?.() ?? new Date();
  const settings = await deps.settings();
  const state = await deps.loadState();
  const url = settings.packUrl;
  if (!url) {
    const off = { ...state, nextAt: null };
    await deps.saveState(off);
    return { result: null, state: off };
  }
  const run: Run = { deps, settings, url, now, at: now.toISOString(), state: state.url === url ? state : { ...EMPTY_STATE, url } };
  if (deps.online && !deps.online()) return finish(run, failure(run, 'offline: the active pack stays in use'));
  const fetched = await fetchPack(run);
  if ('finish' in fetched) return finish(run, fetched.finish);
  return finish(run, await takePack(run, fetched.res, fetched.text));
}

/** Records how the sync ended and when the next one is due. */
async function finish(run: Run, { result, patch, ok }: Finish): Promise<{ result: SyncResult; state: SyncState }> {
  const failures = ok ? 0 : run.state.failures + 1;
  run.state = {
    ...run.state,
    ...patch,
    failures,
    lastResult: result,
    lastSuccessAt: ok ? run.at : run.state.lastSuccessAt,
    nextAt: nextAttemptAt(run.now, ok ? 'ok' : 'failed', failures, run.settings.refreshMinutes, run.deps.random),
  };
  await run.deps.saveState(run.state);
  return { result, state: run.state };
}

const failure = (run: Run, message: string, status?: number): Finish => ({ result: { at: run.at, outcome: 'error', message, url: run.url, status }, patch: {}, ok: false });

const refused = (run: Run, status: number, refusal: Refusal): Finish => ({ result: { at: run.at, outcome: 'refused', url: run.url, status, ...refusal }, patch: FORGET, ok: true });

function conditionalHeaders(state: SyncState): Record<string, string> {
  const headers: Record<string, string> = {};
  if (!state.plainOnly) {
    if (state.etag) headers['If-None-Match'] = state.etag;
    else if (state.lastModified) headers['If-Modified-Since'] = state.lastModified;
  }
  return headers;
}

/** Step 1: the pack's text, or how the sync ended without one (redirect refused, 304, HTTP error, network, unreadable body). */
async function fetchPack(run: Run): Promise<{ res: Response; text: string } | { finish: Finish }> {
  const { deps, url } = run;
  const headers = conditionalHeaders(run.state);
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), deps.timeoutMs ?? 60_000);
  let readStatus = 0;
  const get = (h: Record<string, string>) => deps.fetch(url, { headers: h, cache: 'no-store', credentials: 'omit', redirect: 'follow', signal: ctl.signal });
  try {
    let res: Response;
    try {
      res = await get(headers);
    } catch (e) {
      // A conditional request is "non-simple" for CORS (a preflight). If the server
      // only answers plain GETs, take that and stop sending conditions to it.
      if (!Object.keys(headers).length || ctl.signal.aborted) throw e;
      res = await get({});
      run.state = { ...run.state, plainOnly: true };
    }
    // Where a redirect ended is judged before anything else, even a 304.
    const redirect = refusedRedirect(url, res);
    if (redirect) {
      clearTimeout(timer);
      await res.body?.cancel().catch(() => undefined);
      return { finish: failure(run, `refused: ${redirect}`, res.status) };
    }
    readStatus = res.status;
    if (res.status === 304) return { finish: { result: { at: run.at, outcome: 'not-modified', message: 'not modified (304): the active pack is current', url, status: 304 }, patch: {}, ok: true } };
    if (!res.ok) return { finish: failure(run, `the server answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`, res.status) };
    return { res, text: await readCapped(res.body, { declared: declaredLength(res) }) };
  } catch (e) {
    // Too large or not UTF-8: a pack arrived and is refused like any bad pack.
    if (e instanceof PackReadError) return { finish: refused(run, readStatus, { reason: 'invalid', message: `refused: ${e.message}`, errors: [{ path: '(file)', message: e.message }] }) };
    const aborted = ctl.signal.aborted;
    return { finish: failure(run, aborted ? 'no answer within 60 seconds' : `could not reach the server (${(e as Error).message || 'network error'}): the active pack stays in use`) };
  } finally {
    clearTimeout(timer);
  }
}

/** Steps 2–4: verify the text (same bytes as last time? a valid, signed pack?), decide whether it may replace the active one, apply it. */
async function takePack(run: Run, res: Response, text: string): Promise<Finish> {
  const { deps, settings, at, url } = run;
  const etag = res.headers.get('ETag');
  const lastModified = res.headers.get('Last-Modified');
  const hash = await sha256Hex(text);
  if (hash === run.state.bodyHash) return { result: { at, outcome: 'unchanged', message: 'unchanged: the server sent the pack taken last time', url, status: res.status }, patch: { etag, lastModified }, ok: true };

  const active = await deps.active();
  const guard = (await deps.guard?.()) ?? { activeIsSample: false, highWater: {} };
  const intake = await intakePack(text, { publicKey: settings.publicKey, active, allowPackSwitch: settings.allowPackSwitch, ...guard });
  if (!intake.ok) return refused(run, res.status, invalidRefusal(intake));
  const refusal = versionRefusal(intake, active, guard.highWater);
  if (refusal) return refused(run, res.status, refusal);

  const v = intake.pack.meta.version;
  const taken = { etag, lastModified, bodyHash: hash };
  if (intake.comparison === 'identical') return { result: { at, outcome: 'unchanged', message: `unchanged: ${v} is already active`, url, version: v, status: res.status }, patch: taken, ok: true };
  await deps.activate(intake.pack, url);
  return { result: { at, outcome: 'updated', message: `activated ${intake.pack.meta.id} ${v}`, url, version: v, status: res.status }, patch: taken, ok: true };
}

function invalidRefusal(intake: Extract<Intake, { ok: false }>): Refusal {
  return {
    reason: intake.reason,
    message: intake.reason === 'signature' ? intake.errors[0].message : `refused: the pack has ${intake.errors.length} problem${intake.errors.length === 1 ? '' : 's'}; the active pack stays`,
    errors: intake.errors.slice(0, MAX_ERRORS),
  };
}

/** A valid pack sync still does not take: older, another pack, or the same version with other content. */
function versionRefusal(intake: Extract<Intake, { ok: true }>, active: KnowledgePack | null, highWater: HighWater): Refusal | null {
  const v = intake.pack.meta.version;
  if (intake.comparison === 'downgrade') {
    const floor = downgradeFloor(active, intake.pack, highWater);
    const than = floor.active ? `the active ${floor.version}` : `${floor.version}, the highest version of ${intake.pack.meta.id} taken before`;
    return { reason: 'downgrade', version: v, message: `refused: version ${v} is older than ${than} (publish it with a higher version, or roll back on this page)` };
  }
  if (intake.comparison === 'pack-switch') {
    return {
      reason: 'pack-switch',
      version: v,
      message: `refused: the server sent the pack "${intake.pack.meta.id}" but "${active!.meta.id}" is active; sync changes to another pack only when ops allow it (allowPackSwitch), or activate it on this page`,
    };
  }
  if (intake.comparison === 'same-version') return { reason: 'same-version', version: v, message: `refused: version ${v} has the active pack's version but different content (bump meta.version)` };
  return null;
}

/** A state as it should be after the settings changed: a new URL starts afresh, due now. */
export function resetForSettings(state: SyncState, url: string | null, now: Date): SyncState {
  if (state.url === url) return { ...state, plainOnly: false, nextAt: url ? now.getTime() : null };
  return { ...EMPTY_STATE, url, nextAt: url ? now.getTime() : null, lastResult: null };
}
