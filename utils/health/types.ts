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
}
