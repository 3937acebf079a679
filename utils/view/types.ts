/**
 * What the sidebar renders: built by the background from the active pack, the
 * match and the rep's state, already in the UI language. Plain data, safe to send
 * by message; long pack text arrives as a Rich tree, never as HTML.
 */
import type { Rich } from '../pack/rich';
import type { AccountCandidate, CompetitorMatch, Reason, StageMatch } from '../match/types';
import type { HealthResult, MeasureScore } from '../health/types';
import type { Motion } from '../pack/schema';
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

export interface SidebarView {
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
