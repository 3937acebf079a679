/**
 * What the sync tests share: the sample pack at a chosen version, a scripted static
 * pack server, and a background service over in-memory browser storage that can be
 * "restarted" (a fresh service over the same storage, like a stopped service worker).
 */
import { readFileSync } from 'node:fs';
import { openFrontlineDb, type Db } from '../../../utils/store/db';
import { createService } from '../../../utils/background/service';
import { memoryKeyValue, type OpsDeps } from '../../../utils/sync/handlers';
import type { SyncState } from '../../../utils/sync/sync';
import type { UserSettings } from '../../../utils/sync/settings';
import type { HighWater } from '../../../utils/sync/highWater';

export const sample = JSON.parse(readFileSync(new URL('../../../assets/sample-pack.json', import.meta.url), 'utf8'));
export const URL_ = 'https://packs.example.com/frontline/pack.json';
export const T0 = new Date('2026-11-23T09:00:00Z');

/** The sample pack at version `v`, changed by `patch`. */
export function version(v: string, patch?: (p: any) => void) {
  const p = structuredClone(sample);
  p.meta.version = v;
  patch?.(p);
  return p;
}

/** A static host: serves `body` with `etag`; answers 304 to a matching If-None-Match. */
export function packServer() {
  const s = {
    body: '',
    etag: null as string | null,
    status: 200,
    down: false,
    requests: [] as { ifNoneMatch: string | null; status: number }[],
  };
  const fetchFn = (async (_url: string, init?: RequestInit) => {
    const ifNoneMatch = new Headers(init?.headers).get('If-None-Match');
    if (s.down) {
      s.requests.push({ ifNoneMatch, status: 0 });
      throw new TypeError('Failed to fetch');
    }
    const status = s.status !== 200 ? s.status : s.etag && ifNoneMatch === s.etag ? 304 : 200;
    s.requests.push({ ifNoneMatch, status });
    if (status !== 200) return new Response(null, { status });
    return new Response(s.body, { status, headers: s.etag ? { ETag: s.etag } : {} });
  }) as typeof fetch;
  const publish = (pack: unknown, etag: string | null = `"${Math.random().toString(36).slice(2)}"`) => {
    s.body = typeof pack === 'string' ? pack : JSON.stringify(pack);
    s.etag = etag;
  };
  return { s, fetchFn, publish };
}

let n = 0;

/** One browser profile: its database, storage, policy, alarm and clock. */
export async function profile() {
  const db: Db = await openFrontlineDb(`frontline-sync-harness-${++n}`);
  const p = {
    db,
    clock: new Date(T0),
    scheduled: [] as (number | null)[],
    policy: {} as unknown,
    settings: memoryKeyValue<UserSettings>({}),
    state: memoryKeyValue<SyncState>(),
    highWater: memoryKeyValue<HighWater>({}),
    /** A fresh service over this profile's storage, like a service worker that was stopped and started again. */
    worker(fetchFn: typeof fetch) {
      const ops: OpsDeps = {
        fetch: fetchFn,
        userSettings: p.settings,
        syncState: p.state,
        highWater: p.highWater,
        managed: async () => p.policy,
        schedule: async (at) => void p.scheduled.push(at),
        online: () => true,
        random: () => 0.5, // no jitter
      };
      return createService({ getDb: async () => p.db, now: () => p.clock, ops });
    },
  };
  return p;
}

export type Worker = ReturnType<Awaited<ReturnType<typeof profile>>['worker']>;

export async function configure(w: Worker, s: Partial<{ packUrl: string | null; publicKey: string | null; refreshMinutes: number; allowPackSwitch: boolean }> = {}) {
  const r = await w['sync:settings']({ packUrl: URL_, publicKey: null, refreshMinutes: 60, ...s });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
}
