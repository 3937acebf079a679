export interface MeasureScore {
  measureId: string;
  raw: number | null;
  /** 0–100 after direction and thresholds; null when missing. */
  score: number | null;
  /** Weight after re-weighting away missing measures (sums to 1 over present ones). */
  effectiveWeight: number;
  /** Points this measure adds to the total score. */
  contribution: number;
  missing: boolean;
}

export interface HealthResult {
  score: number;
  bandId: string;
  color: 'red' | 'yellow' | 'green';
  date: string;
  /** Score change against the previous snapshot, null when there is none. */
  delta: number | null;
  trend: 'up' | 'down' | 'flat' | null;
  /** Oldest first: one point per snapshot for the sparkline. */
  history: { date: string; score: number }[];
  measures: MeasureScore[];
  missing: string[];
  renewalDate: string | null;
  daysToRenewal: number | null;
  /** The CS rep's read beside the score, and what it counted for (utils/health/sentiment.ts). */
  sentiment?: SentimentScore | null;
  /** The lifecycle profile whose measures and weights scored this account. */
  profileId?: string | null;
}

export type SentimentColor = 'green' | 'yellow' | 'red';

/** The CS rep's own read of the account, as stored (utils/store/repState.ts). */
export interface SentimentInput {
  color: SentimentColor;
  comment: string;
  /** ISO timestamp of the read. */
  at: string;
}

export interface SentimentScore extends SentimentInput {
  /** 100 / 50 / 0. */
  score: number;
  /** Share of the total (0 when the model does not count it, or the read is too old). */
  effectiveWeight: number;
  contribution: number;
  counted: boolean;
  /** Counted by the model but older than `maxAgeDays`. */
  stale: boolean;
}
