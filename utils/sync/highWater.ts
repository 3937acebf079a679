/**
 * The highest version taken so far of each pack id. Comparing an incoming pack with
 * the active one alone is not enough: once another pack id is active (a training
 * pack, say), an old signed production pack would no longer be "older than the
 * active pack". The marks live in extension storage, so they survive the service
 * worker and the browser; rollback does not lower them (it is an explicit ops action,
 * and what was taken once stays the floor for sync).
 */
import { compareVersions } from '../pack/diff';

export type HighWater = Record<string, string>;

interface Versioned {
  meta: { id: string; version: string };
}

/** The marks with `packs` counted in (the active and previous pack are taken packs too). */
export function withPacks(marks: HighWater, ...packs: (Versioned | null | undefined)[]): HighWater {
  const out: HighWater = { ...marks };
  for (const p of packs) {
    if (!p) continue;
    const seen = out[p.meta.id];
    if (!seen || compareVersions(p.meta.version, seen) > 0) out[p.meta.id] = p.meta.version;
  }
  return out;
}

/** The version below which `pack` is a downgrade, or null when its id was never taken. */
export function floorOf(marks: HighWater, pack: Versioned): string | null {
  return Object.hasOwn(marks, pack.meta.id) ? marks[pack.meta.id] : null;
}
