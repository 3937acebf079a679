/**
 * The telemetry outbox: events are queued in extension IndexedDB (bounded; the oldest
 * go first when it is full) and sent in batches as OTLP/HTTP JSON logs. A batch leaves
 * the queue only when the endpoint accepted it, so a rep offline, a collector down or a
 * worker stopped mid-send loses nothing: the alarm (utils/telemetry/browser.ts) brings
 * the worker back and it catches up, retrying with backoff. Nothing is queued or sent
 * while no endpoint is set. Storage, settings, fetch and the alarm are injected, so it
 * runs under vitest.
 */
import type { LoopDb } from '../store/loopDb';
import type { KeyValue } from '../sync/opsCore';
import type { QueuedEvent, TelemetryEvent } from './events';
import { toOtlpLogs } from './otlp';
import { logsUrl, type EffectiveTelemetry } from './settings';

/** At most this many events wait; beyond it the oldest are dropped (a rep offline for weeks). */
export const MAX_QUEUE = 5000;
export const BATCH_SIZE = 200;
/** Batches per flush: a long backlog is sent over several wakes, never in one long run. */
const MAX_BATCHES = 10;
/** A batch is sent this long after its first event, so events travel together. */
export const BATCH_DELAY_MS = 1_000;
const RETRY_BASE_MS = 30_000;
const RETRY_MAX_MS = 60 * 60_000;

export interface TelemetryState {
  failures: number;
  /** Epoch ms of the next retry after a failure; null when none is due. */
  nextAt: number | null;
  lastSentAt: string | null;
  lastError: string | null;
  sent: number;
  dropped: number;
}

export const EMPTY_TELEMETRY_STATE: TelemetryState = { failures: 0, nextAt: null, lastSentAt: null, lastError: null, sent: 0, dropped: 0 };

export interface TelemetryDeps {
  getLoopDb: () => Promise<LoopDb>;
  settings: () => Promise<EffectiveTelemetry>;
  /** The pseudonymous rep id (made on first use). */
  repId: () => Promise<string>;
  pack: () => Promise<{ id: string; version: string }>;
  state: KeyValue<TelemetryState>;
  /** Arms the send alarm for `at` (epoch ms), or clears it (null). */
  schedule: (at: number | null) => Promise<void>;
  fetch?: typeof fetch;
  now?: () => Date;
  random?: () => number;
  extensionVersion?: string;
}

export interface TelemetryStatus extends TelemetryState {
  queued: number;
}

/** Retry after failure n: 30 s, 1 min, 2 min … at most an hour, with jitter so a fleet does not retry at once. */
export function retryDelay(failures: number, random = Math.random): number {
  const base = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** A status that says "try again later" (the collector is busy or down), as OTLP/HTTP defines them. */
const retryable = (status: number) => status === 408 || status === 429 || status >= 500;

export function createTelemetry(deps: TelemetryDeps) {
  const now = () => deps.now?.() ?? new Date();
  const loadState = async () => ({ ...EMPTY_TELEMETRY_STATE, ...((await deps.state.get()) ?? {}) });

  /** Keeps the newest MAX_QUEUE events. */
  async function trim(db: LoopDb): Promise<number> {
    const count = await db.count('outbox');
    if (count <= MAX_QUEUE) return 0;
    const tx = db.transaction('outbox', 'readwrite');
    let drop = count - MAX_QUEUE;
    const dropped = drop;
    for (let cur = await tx.store.openCursor(); cur && drop > 0; cur = await cur.continue(), drop--) await cur.delete();
    await tx.done;
    return dropped;
  }

  /** One call to add an event; false (and nothing stored) when team analytics is off. */
  async function enqueue(event: TelemetryEvent): Promise<boolean> {
    const s = await deps.settings();
    if (!s.endpoint) return false;
    const e = event.kind === 'feedback' && !s.includeNotes ? { ...event, note: undefined } : event;
    const pack = await deps.pack();
    const db = await deps.getLoopDb();
    const q: QueuedEvent = { at: now().toISOString(), repId: await deps.repId(), packId: pack.id, packVersion: pack.version, event: e };
    await db.add('outbox', q);
    const dropped = await trim(db);
    const state = await loadState();
    if (dropped) await deps.state.set({ ...state, dropped: state.dropped + dropped });
    // While a retry is pending, the new event waits for it; otherwise a batch goes shortly.
    if (!state.nextAt) await deps.schedule(now().getTime() + BATCH_DELAY_MS);
    return true;
  }

  async function send(url: string, batch: QueuedEvent[]): Promise<{ ok: true } | { ok: false; retry: boolean; error: string }> {
    try {
      const res = await (deps.fetch ?? fetch)(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(toOtlpLogs(batch, deps.extensionVersion ?? '0.0.0')),
        credentials: 'omit',
        cache: 'no-store',
      });
      await res.body?.cancel().catch(() => undefined);
      if (res.ok) return { ok: true };
      return { ok: false, retry: retryable(res.status), error: `HTTP ${res.status}` };
    } catch (e) {
      return { ok: false, retry: true, error: `could not reach the endpoint (${(e as Error).message || 'network error'})` };
    }
  }

  // Only so an alarm and a "Send now" in the same wake do not send one batch twice; a
  // stopped worker loses nothing by forgetting it (the queue is in IndexedDB).
  let running: Promise<TelemetryStatus> | null = null;
  function flush(): Promise<TelemetryStatus> {
    running ??= flushOnce().finally(() => (running = null));
    return running;
  }

  /** Sends what is queued, batch by batch, until the queue is empty or a batch fails. */
  async function flushOnce(): Promise<TelemetryStatus> {
    const s = await deps.settings();
    const db = await deps.getLoopDb();
    let state = await loadState();
    if (!s.endpoint) {
      // Turned off: what was queued is dropped, never sent later to an endpoint set afterwards.
      await db.clear('outbox');
      state = { ...state, nextAt: null, failures: 0 };
      await deps.state.set(state);
      await deps.schedule(null);
      return { ...state, queued: 0 };
    }
    const url = logsUrl(s.endpoint);
    for (let i = 0; i < MAX_BATCHES; i++) {
      const batch = await db.getAll('outbox', undefined, BATCH_SIZE);
      if (!batch.length) break;
      const r = await send(url, batch);
      if (!r.ok && r.retry) {
        const failures = state.failures + 1;
        state = { ...state, failures, lastError: r.error, nextAt: now().getTime() + retryDelay(failures, deps.random) };
        break;
      }
      // Sent, or refused for good (a 4xx: the same batch would be refused again).
      const range = IDBKeyRange.bound(batch[0].seq!, batch[batch.length - 1].seq!);
      await db.delete('outbox', range);
      state = r.ok
        ? { ...state, failures: 0, nextAt: null, lastError: null, lastSentAt: now().toISOString(), sent: state.sent + batch.length }
        : { ...state, failures: 0, nextAt: null, lastError: `${r.error}: ${batch.length} events refused and dropped`, dropped: state.dropped + batch.length };
    }
    await deps.state.set(state);
    const queued = await db.count('outbox');
    await deps.schedule(state.nextAt ?? (queued ? now().getTime() + BATCH_DELAY_MS : null));
    return { ...state, queued };
  }

  async function status(): Promise<TelemetryStatus> {
    return { ...(await loadState()), queued: await (await deps.getLoopDb()).count('outbox') };
  }

  /** Re-arms the alarm from the stored state (a browser restart may lose alarms). */
  async function ensureScheduled(): Promise<void> {
    const state = await loadState();
    const queued = await (await deps.getLoopDb()).count('outbox');
    if (queued) await deps.schedule(state.nextAt ?? now().getTime() + BATCH_DELAY_MS);
  }

  return { enqueue, flush, status, ensureScheduled };
}

export type Telemetry = ReturnType<typeof createTelemetry>;
