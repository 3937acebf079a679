/**
 * When to look again. After a success: the refresh interval. After n failures in a
 * row: 1, 2, 4, 8… minutes, ±20 % so a fleet that failed together does not retry
 * together, capped at the larger of the refresh interval and 6 hours.
 */
export const MAX_BACKOFF_MINUTES = 6 * 60;

export function backoffMinutes(failures: number, refreshMinutes: number, random = Math.random): number {
  const base = Math.min(2 ** Math.max(0, failures - 1), Math.max(refreshMinutes, MAX_BACKOFF_MINUTES));
  return base * (0.8 + 0.4 * random());
}

export function nextAttemptAt(now: Date, outcome: 'ok' | 'failed', failures: number, refreshMinutes: number, random = Math.random): number {
  const minutes = outcome === 'ok' ? refreshMinutes : backoffMinutes(failures, refreshMinutes, random);
  return now.getTime() + Math.round(minutes * 60_000);
}
