/**
 * Customer health from the pack's model: each measure mapped linearly from
 * `thresholds.poor` (0) to `thresholds.good` (100) and clamped — the same formula
 * serves both directions because `good < poor` when lower is better; a weighted
 * average over the measures present in the snapshot (missing ones are re-weighted
 * away and listed, never counted as zero); the band with the highest `min` at or
 * below the rounded score; the trend against the previous snapshot.
 */
import type { Account, Band, HealthModel, HealthSnapshot } from '../pack/schema';
import type { HealthResult, MeasureScore, SentimentInput } from './types';
import { modelForAccount, withSentiment } from './sentiment';

const DAY_MS = 86_400_000;

/** 0–100 for one raw value. */
export function scoreMeasure(raw: number, thresholds: { poor: number; good: number }): number {
  const span = thresholds.good - thresholds.poor;
  if (span === 0) return raw === thresholds.good ? 100 : 0;
  const s = ((raw - thresholds.poor) / span) * 100;
  return s <= 0 ? 0 : s >= 100 ? 100 : s;
}

interface Scored {
  /** Unrounded weighted score; null when no weighted measure is present. */
  total: number | null;
  measures: MeasureScore[];
  missing: string[];
}

/** Scores one snapshot against the model. */
export function scoreSnapshot(model: HealthModel, snapshot: HealthSnapshot): Scored {
  let weightSum = 0;
  for (const m of model.measures) {
    const raw = snapshot.signals[m.id];
    if (typeof raw === 'number' && Number.isFinite(raw)) weightSum += m.weight;
  }
  const measures: MeasureScore[] = [];
  const missing: string[] = [];
  let total = 0;
  for (const m of model.measures) {
    const raw = snapshot.signals[m.id];
    if (typeof raw !== 'number' || !Number.isFinite(raw)) {
      missing.push(m.id);
      measures.push({ measureId: m.id, raw: null, score: null, effectiveWeight: 0, contribution: 0, missing: true });
      continue;
    }
    const score = scoreMeasure(raw, m.thresholds);
    const effectiveWeight = weightSum > 0 ? m.weight / weightSum : 0;
    const contribution = score * effectiveWeight;
    total += contribution;
    measures.push({ measureId: m.id, raw, score, effectiveWeight, contribution, missing: false });
  }
  return { total: weightSum > 0 ? total : null, measures, missing };
}

/** The band with the highest `min` at or below `score`; the lowest band when none is. */
export function bandFor(bands: readonly Band[], score: number): Band {
  let best: Band | null = null;
  let lowest: Band = bands[0];
  for (const b of bands) {
    if (b.min < lowest.min) lowest = b;
    if (b.min <= score && (!best || b.min > best.min)) best = b;
  }
  return best ?? lowest;
}

function utcDay(iso: string): number {
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Math.floor(d.getTime() / DAY_MS);
}

/** Whole UTC days from `now` to `date` (negative when past). */
export function daysUntil(date: string, now: Date): number {
  return utcDay(date) - Math.floor(now.getTime() / DAY_MS);
}

/**
 * Health of `account` by `model`, from its newest snapshot; null when the account has
 * no snapshot with at least one weighted measure.
 */
export function scoreHealth(base: HealthModel, account: Account, now: Date = new Date(), opts: { sentiment?: SentimentInput | null } = {}): HealthResult | null {
  // A lifecycle profile (utils/health/sentiment.ts) swaps in its own measures and weights.
  const { model, profileId } = modelForAccount(base, account);
  const snapshots = account.health ?? [];
  if (!snapshots.length) return null;
  const sorted = snapshots.length > 1 ? [...snapshots].sort((a, b) => utcDayTime(a.date) - utcDayTime(b.date)) : snapshots;

  const history: { date: string; score: number }[] = [];
  let latest: Scored | null = null;
  let latestDate = '';
  for (const snap of sorted) {
    const scored = scoreSnapshot(model, snap);
    if (scored.total === null) continue;
    history.push({ date: snap.date, score: Math.round(scored.total) });
    latest = scored;
    latestDate = snap.date;
  }
  if (!latest || latest.total === null) return null;

  // The rep's read moves today's score only: the snapshots before it are the CS platform's.
  const read = withSentiment(model, latest, opts.sentiment ?? null, now);
  if (read.total !== null) history[history.length - 1] = { date: latestDate, score: Math.round(read.total) };
  const score = history[history.length - 1].score;
  const prev = history.length > 1 ? history[history.length - 2].score : null;
  const delta = prev === null ? null : score - prev;
  const band = bandFor(model.bands, score);
  return {
    score,
    bandId: band.id,
    color: band.color,
    date: latestDate,
    delta,
    trend: delta === null ? null : Math.abs(delta) < 1 ? 'flat' : delta > 0 ? 'up' : 'down',
    history,
    measures: read.measures,
    missing: latest.missing,
    sentiment: read.sentiment,
    profileId,
    renewalDate: account.renewalDate ?? null,
    daysToRenewal: account.renewalDate ? daysUntil(account.renewalDate, now) : null,
  };
}

function utcDayTime(iso: string): number {
  return new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso).getTime();
}
