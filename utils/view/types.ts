/**
 * What the sidebar renders: built by the background from the active pack, the
 * match and the rep's state, already in the UI language. Plain data, safe to send
 * by message; long pack text arrives as a Rich tree, never as HTML.
 */
import type { Rich } from '../pack/rich';
import type { AccountCandidate, CompetitorMatch, Reason, StageMatch } from '../match/types';
import type { HealthResult, MeasureScore } from '../health/types';
import type { Motion } from '../pack/schema';
import type { AudienceValue } from '../pack/roles';
import type { SeenMarks } from './lastSeen';
import type { RoleSource, SectionLayout } from './sections';
import type { ClaimMark } from '../pack/claims';
import type { FlagMark } from '../feedback/types';

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
  audience: AudienceValue;
}

export interface CardView {
  id: string;
  name: string;
  owner: string;
  reviewedAt: string;
  reviewedDaysAgo: number;
  reviewEvery: number;
  stale: boolean;
  /** The rep snoozed this stale card's warning until then (utils/view/decorate.ts); null or absent: it warns. */
  staleSnoozedUntil?: string | null;
  summary: Rich;
  whyWeWin: string[];
  whyWeLose: string[];
  objections: ObjectionView[];
  landmines: string[];
  pricing: Rich | null;
  proofPoints: string[];
  match: CompetitorMatch;
  pricingAudience: AudienceValue;
  /** The pricing as the plain text Copy puts on the clipboard. */
  pricingText: string | null;
  proofPointsAudience: AudienceValue;
  /** What changed since the rep last looked (utils/view/decorate.ts). */
  seen?: SeenMarks;
  /** The account's region when the card has a variant for it, and the sections that variant replaced (issue 19). */
  region?: string | null;
  regionalSections?: string[];
  /** Source and date of each claim, by position beside the texts above (null: a plain claim). */
  claims?: { whyWeWin: (ClaimMark | null)[]; landmines: (ClaimMark | null)[]; proofPoints: (ClaimMark | null)[]; pricing: ClaimMark | null; maxAgeDays: number | null };
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
  guidanceAudience: AudienceValue;
  guidanceText: string | null;
  seen?: SeenMarks;
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
  /** Whether the play opens expanded (utils/view/decorate.ts); absent when there is no play. */
  playState?: { expanded: boolean; snoozedUntil: string | null; openEvery: number | null };
}

export interface ScenarioView {
  id: string;
  industry: string;
  useCase: string;
  scenario: string;
  advantage: string;
  value: string;
  audience: AudienceValue;
  /** The region whose talk track this is, and the fields its variant replaced (issue 19). */
  region?: string | null;
  regionalFields?: string[];
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
  /** The rep's role and its sections in order (utils/view/sections.ts); absent: every section, in id order. */
  layout?: SectionLayout & { source: RoleSource };
  /** Field ops (issue 19); absent from views built before it. */
  experts?: ExpertView[];
  rules?: RuleView[];
  products?: ProductFitView | null;
  /** What this rep flagged on the items in view, by target key (utils/feedback/types.ts), latest flag each. */
  flags?: Record<string, FlagMark>;
}

export interface AccountHit {
  id: string;
  name: string;
  segment: string | null;
  region: string | null;
  domains: string[];
}

export interface ExpertContactView {
  kind: import('../pack/contactHref').ContactKind;
  /** The deep link, with the message in it where the channel takes one. */
  href: string;
  /** False: the channel's link takes no message, so the sidebar copies it to the clipboard. */
  carriesMessage: boolean;
}

export interface ExpertView {
  id: string;
  name: string;
  role: string;
  languages: string[];
  reasons: Reason[];
  contacts: ExpertContactView[];
  /** The prefilled message: account, stage, competitors in play and the record's link, nothing from the page beyond that. */
  message: string;
}

export interface RuleView {
  id: string;
  title: string;
  body: string;
  effective: string;
  source: string;
  sourceUrl: string | null;
  reviewBy: string;
  stale: boolean;
  reasons: Reason[];
}

export interface ProductFitEntryView {
  id: string;
  name: string;
  summary: string | null;
  advantage: string;
  value: string;
  references: string[];
  reasons: Reason[];
}

export interface ProductFitView {
  scenarioId: string;
  fits: ProductFitEntryView[];
  notFit: { id: string; name: string; reason: string; reasons: Reason[] }[];
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
