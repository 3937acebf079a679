/**
 * What the sidebar renders: built by the background from the active pack, the
 * match and the rep's state, already in the UI language. Plain data, safe to send
 * by message; long pack text arrives as a Rich tree, never as HTML.
 */
import type { Rich } from '../pack/rich';
import type { AccountCandidate, CompetitorMatch, Reason, StageMatch } from '../match/types';
import type { HealthResult, MeasureScore } from '../health/types';
import type { Motion } from '../pack/schema';

export interface PackInfo {
  id: string;
  name: string;
  version: string;
  publishedAt: string;
  importedAt: string;
  source: string;
  locales: string[];
  counts: { competitors: number; playbooks: number; accounts: number; scenarios: number };
  previous: { name: string; version: string; importedAt: string } | null;
}

export interface AccountView {
  id: string;
  name: string;
  segment: string | null;
  industry: string | null;
  region: string | null;
  owner: string | null;
  renewalDate: string | null;
  arr: number | null;
  currency: string | null;
}

export interface ObjectionView {
  id: string;
  objection: string;
  response: string;
  proof: string | null;
}

export interface CardView {
  id: string;
  name: string;
  owner: string;
  reviewedAt: string;
  reviewedDaysAgo: number;
  reviewEvery: number;
  stale: boolean;
  summary: Rich;
  whyWeWin: string[];
  whyWeLose: string[];
  objections: ObjectionView[];
  landmines: string[];
  pricing: Rich | null;
  proofPoints: string[];
  match: CompetitorMatch;
}

export interface StageView {
  playbookId: string;
  playbookName: string;
  motion: Motion;
  path: { id: string; name: string }[];
  current: StageMatch;
  name: string;
  goal: string;
  exitCriteria: string[];
  guidance: Rich | null;
  playbookReasons: Reason[];
}

export interface ChecklistView {
  accountId: string;
  playbookId: string;
  stageId: string;
  items: { id: string; text: string; required: boolean; done: boolean }[];
  /** Ticked items the active pack no longer has: kept (a rollback shows them ticked again) and listed until a later pack change drops them. */
  removed: { id: string; label: string }[];
  doneCount: number;
}

export interface HealthView extends Omit<HealthResult, 'measures'> {
  bandLabel: string;
  measures: (MeasureScore & { label: string; unit: string | null; weight: number })[];
  play: Rich | null;
}

export interface ScenarioView {
  id: string;
  industry: string;
  useCase: string;
  scenario: string;
  advantage: string;
  value: string;
}

export interface SidebarView extends RepViews {
  pack: { id: string; name: string; version: string };
  recordKey: string;
  account: AccountView | null;
  accountReasons: Reason[];
  candidates: AccountCandidate[];
  lookedFor: { ids: string[]; domains: string[]; names: string[]; emails: string[] };
  /** How the page was read when not by the site's own markup (utils/sites/layers.ts); null when it was. */
  reading: { layer: 'semantic' | 'page-text'; missing: string | null } | null;
  cards: CardView[];
  stage: StageView | null;
  checklist: ChecklistView | null;
  health: HealthView | null;
  scenario: ScenarioView | null;
}

export interface AccountHit {
  id: string;
  name: string;
  segment: string | null;
  region: string | null;
  domains: string[];
}

// Issue 16 (items 4–6): the rep's own read — scorecard, win/loss at the close, CS sentiment.

/** Where a suggestion was read on the page. */
export type SuggestionSource = { kind: 'contactRole'; role: string } | { kind: 'nextStep' | 'closeDate' | 'amount' | 'competitor' };

export interface ScorecardElementView {
  id: string;
  name: string;
  help: string;
  state: 'empty' | 'noted' | 'validated';
  note: string;
  /** The current stage's exit criteria require it validated. */
  required: boolean;
  /** What the page already says, shown until the rep writes a note. */
  suggestion: { text: string; source: SuggestionSource } | null;
}

export interface ScorecardView {
  accountId: string;
  dealKey: string;
  /** The methodology's name ("MEDDPICC"). */
  name: string;
  elements: ScorecardElementView[];
  validated: number;
  /** The stage whose exit needs elements validated, and how many of those are. */
  exit: { stage: string; required: number; validated: number } | null;
  /** Elements with state that the active pack no longer has: kept, listed, a rollback shows them again. */
  removed: { id: string; label: string }[];
}

export interface OutcomeView {
  recordKey: string;
  accountId: string;
  result: 'won' | 'lost';
  /** The CRM stage label that closed the deal. */
  stage: string;
  reasons: { id: string; label: string }[];
  competitors: { id: string; name: string }[];
  /** The strongest competitor the evidence found, prefilled. */
  suggestedCompetitorId: string | null;
  /** The answer already given: the prompt is not shown again. */
  recorded: { reason: string | null; competitor: string | null; note: string; skipped: boolean; at: string } | null;
}

export interface SentimentView {
  accountId: string;
  current: { color: 'green' | 'yellow' | 'red'; comment: string; at: string; counted: boolean; stale: boolean; share: number } | null;
  /** The health model counts the read (else it is shown beside the score only). */
  weighted: boolean;
  /** The lifecycle profile that scored the account, in the UI language. */
  profile: string | null;
}

export interface RepViews {
  scorecard?: ScorecardView | null;
  outcome?: OutcomeView | null;
  sentiment?: SentimentView | null;
}
