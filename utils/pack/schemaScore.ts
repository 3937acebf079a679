/**
 * The pack's parts for the rep's own read of a deal and an account (issue 16, items
 * 4–6): the qualification methodology (a scorecard of elements), the win/loss reasons
 * asked at the close, and the health model's use of the CS rep's sentiment and of
 * lifecycle profiles. Part of the one format definition: utils/pack/schema.ts uses
 * these in Stage, Account, HealthModel and KnowledgePack.
 */
import * as v from 'valibot';
import { Id, Text, nonEmpty } from './primitives';

const StringList = v.array(nonEmpty('text'), 'expected a list of strings');
const weight = (what: string) => v.pipe(v.number(`expected ${what}`), v.minValue(0, `expected ${what} from 0 to 1,000`), v.maxValue(1000, `expected ${what} from 0 to 1,000`));

/** Where on the page an element's answer may already be (utils/sites/schema.ts fields, the competitor evidence). */
export const SUGGEST_SOURCES = ['contactRole', 'nextStep', 'closeDate', 'amount', 'competitor'] as const;
export type SuggestSource = (typeof SUGGEST_SOURCES)[number];

export const ScorecardElement = v.strictObject({
  id: Id,
  name: Text,
  /** One or two sentences: what "validated" means for this element. */
  help: Text,
  /** What on the page may already answer it; shown as a suggestion with its source, never saved unasked. */
  suggestFrom: v.optional(v.array(v.picklist(SUGGEST_SOURCES, `expected a source: ${SUGGEST_SOURCES.join(', ')}`), 'expected a list of sources'), []),
  /** For `contactRole`: the CRM contact roles that answer it ("Economic Buyer"), case-insensitive. */
  contactRoles: v.optional(StringList, []),
});

/** The methodology (MEDDPICC, BANT, …): its short name is the at-a-glance label ("MEDDPICC 4/8"). */
export const Qualification = v.strictObject({
  id: Id,
  name: Text,
  elements: v.pipe(
    v.array(ScorecardElement, 'expected a list of elements'),
    v.minLength(1, 'expected at least one element'),
    v.maxLength(20, 'at most 20 elements'),
  ),
});

/** The CRM stage labels of a stage that mean the deal closed won or lost (each one of the stage's `crmStages`). */
export const StageOutcome = v.strictObject({
  won: v.optional(StringList, []),
  lost: v.optional(StringList, []),
});

export const OUTCOMES = ['won', 'lost'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const WinLossReason = v.strictObject({
  id: Id,
  label: Text,
  /** Offered only for this outcome; both when left out. */
  outcome: v.optional(v.picklist(OUTCOMES, 'expected an outcome: won or lost')),
});

/** The picklist asked once per record when its CRM stage closes it. */
export const WinLoss = v.strictObject({
  reasons: v.pipe(
    v.array(WinLossReason, 'expected a list of reasons'),
    v.minLength(1, 'expected at least one reason'),
    v.maxLength(50, 'at most 50 reasons'),
  ),
});

/** The CS rep's read (green / yellow / red) as one more weighted input to the score. */
export const HealthSentiment = v.strictObject({
  /** Against the measures' weights (0 shows the read beside the score without counting it). */
  weight: weight('a weight'),
  /** A read older than this many days is shown but no longer counted. */
  maxAgeDays: v.optional(v.pipe(v.number('expected a number of days'), v.integer('expected whole days'), v.minValue(1, 'expected 1 to 3,650 days'), v.maxValue(3650, 'expected 1 to 3,650 days'))),
});

/** A lifecycle stage (onboarding, adopted) with its own measures and weights; an account names its profile. */
export const HealthProfile = v.strictObject({
  id: Id,
  label: Text,
  /** measure id → weight: only these measures count for accounts in this profile. */
  weights: v.record(Id, weight('a weight')),
  /** The sentiment's weight in this profile (else the model's). */
  sentimentWeight: v.optional(weight('a weight')),
});

export type Qualification = v.InferOutput<typeof Qualification>;
export type ScorecardElement = v.InferOutput<typeof ScorecardElement>;
export type WinLoss = v.InferOutput<typeof WinLoss>;
export type HealthProfile = v.InferOutput<typeof HealthProfile>;
