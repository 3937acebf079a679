/** The records of a rep's own read (issue 16): scorecards, win/loss outcomes, CS sentiment. Stored in utils/store/db.ts. */
import type { SentimentColor } from '../health/types';

export type ElementState = 'empty' | 'noted' | 'validated';

export interface ScorecardEntry {
  state: ElementState;
  note: string;
  /** The element's name when it was last set: names an element a later pack removed. */
  label: string;
  at: string;
}

/**
 * One deal's scorecard: keyed by account and deal (the CRM record, or `account` when a
 * mail thread set it before any deal was seen), with entries by element id, so a pack
 * update that keeps an element's id keeps its state, and one that drops it only hides it.
 */
export interface ScorecardRecord {
  key: string;
  accountId: string;
  dealKey: string;
  entries: Record<string, ScorecardEntry>;
  updatedAt: string;
}

/** The answer to the close's question, once per record (`skipped` when the rep declined to say). */
export interface OutcomeRecord {
  recordKey: string;
  accountId: string;
  accountName: string;
  result: 'won' | 'lost';
  /** The CRM stage label that closed it, as shown. */
  stage: string;
  reasonId: string | null;
  reasonLabel: string | null;
  competitorId: string | null;
  competitorName: string | null;
  note: string;
  skipped: boolean;
  packVersion: string;
  at: string;
}

export interface SentimentRecord {
  accountId: string;
  color: SentimentColor;
  comment: string;
  at: string;
}
