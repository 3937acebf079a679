/**
 * The two ways an account's own circumstances change its score, both pure:
 * a lifecycle profile (onboarding, adopted) scores it on the profile's measures and
 * weights instead of the model's; the CS rep's read (green 100, yellow 50, red 0)
 * counts as one more weighted input when the model gives it a weight, and only while
 * it is younger than the model's `maxAgeDays`.
 */
import type { Account, HealthModel } from '../pack/schema';
import type { MeasureScore, SentimentColor, SentimentInput, SentimentScore } from './types';

export const SENTIMENT_SCORE: Record<SentimentColor, number> = { green: 100, yellow: 50, red: 0 };

const DAY_MS = 86_400_000;

/** The model as it applies to this account: its profile's measures and weights, when it names one the model has. */
export function modelForAccount(model: HealthModel, account: Account): { model: HealthModel; profileId: string | null } {
  const profile = account.lifecycle ? model.profiles?.find((p) => p.id === account.lifecycle) : undefined;
  if (!profile) return { model, profileId: null };
  const measures = model.measures.filter((m) => Object.hasOwn(profile.weights, m.id)).map((m) => ({ ...m, weight: profile.weights[m.id] }));
  const sentiment = model.sentiment && profile.sentimentWeight !== undefined ? { ...model.sentiment, weight: profile.sentimentWeight } : model.sentiment;
  return { model: { ...model, measures, sentiment }, profileId: profile.id };
}

interface Scored {
  total: number | null;
  measures: MeasureScore[];
}

/**
 * The latest snapshot's score with the rep's read folded in: with W the weight of the
 * measures present and w the sentiment's, each measure keeps W/(W+w) of its share and
 * the read takes w/(W+w). Without a weight (or with a stale read) nothing changes.
 */
export function withSentiment(model: HealthModel, latest: Scored, read: SentimentInput | null, now: Date): Scored & { sentiment: SentimentScore | null } {
  if (!read) return { ...latest, sentiment: null };
  const score = SENTIMENT_SCORE[read.color];
  const w = model.sentiment?.weight ?? 0;
  const maxAge = model.sentiment?.maxAgeDays;
  const ageDays = Math.floor((now.getTime() - Date.parse(read.at)) / DAY_MS);
  const stale = w > 0 && maxAge !== undefined && ageDays > maxAge;
  const present = model.measures.filter((m) => latest.measures.some((x) => x.measureId === m.id && !x.missing));
  const W = present.reduce((sum, m) => sum + m.weight, 0);
  if (w <= 0 || stale || latest.total === null || W <= 0) {
    return { ...latest, sentiment: { ...read, score, effectiveWeight: 0, contribution: 0, counted: false, stale } };
  }
  const keep = W / (W + w);
  const share = w / (W + w);
  const measures = latest.measures.map((m) => ({ ...m, effectiveWeight: m.effectiveWeight * keep, contribution: m.contribution * keep }));
  return {
    total: latest.total * keep + score * share,
    measures,
    sentiment: { ...read, score, effectiveWeight: share, contribution: score * share, counted: true, stale: false },
  };
}
