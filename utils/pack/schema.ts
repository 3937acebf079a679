/**
 * Knowledge pack format v1 — the single source of truth.
 *
 * Valibot rather than zod: the schema ships inside the background worker and the
 * options page, and valibot's per-function tree-shaking keeps it a few KB where zod
 * costs ~50 KB; it also collects every issue with its path (`abortEarly: false` is
 * the default) and exports JSON Schema through @valibot/to-json-schema.
 */
import * as v from 'valibot';
import { GENERIC_SITE, sitesOfKind } from '../sites/catalog';
import { ID_PATTERN, Id, Locale, Text, nonEmpty } from './primitives';
import { HealthProfile, HealthSentiment, Qualification, StageOutcome, WinLoss } from './schemaScore';
import { SitePatch, SiteRule } from './siteRules';
import { Audience, Layouts, PlayOpenEvery, Role } from './roles';
import { fieldOpsSchemas } from './fieldOpsSchema';
import { grouped } from './grouped';

export { ID_PATTERN } from './primitives';
export { SitePatch, SiteRule, type SiteField, type SiteRoute } from './siteRules';

export const FORMAT_VERSION = 1;

/**
 * Sites whose CRM ids and stage names a pack may map. `generic` is the self-hosted CRM
 * the pack's `sites` rules read: its record ids and stage labels map like any CRM's.
 */
export const CRM_SITES = [...sitesOfKind('crm').map((s) => s.id), GENERIC_SITE.id] as const;
export type CrmSite = (typeof CRM_SITES)[number];


/** The patterns and checks below, exported for the fast path over large account lists (validateAccounts.ts). */
export const DOMAIN_PATTERN = /^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/;
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;

/** A real calendar date as YYYY-MM-DD, or a full timestamp that starts with one. */
export function isIsoDate(s: string): boolean {
  if (s.length === 10) return isPlainDate(s);
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s)) return false;
  const d = new Date(s.length === 10 ? `${s}T00:00:00Z` : s);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s.slice(0, 10);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * YYYY-MM-DD and a real day of the proleptic Gregorian calendar, as `Date` would have
 * it, without making a Date: a 50k-account pack has 200k dates.
 */
function isPlainDate(s: string): boolean {
  let y = 0;
  let m = 0;
  let d = 0;
  for (let i = 0; i < 10; i++) {
    const c = s.charCodeAt(i);
    if (i === 4 || i === 7) {
      if (c !== 45) return false;
      continue;
    }
    if (c < 48 || c > 57) return false;
    if (i < 4) y = y * 10 + c - 48;
    else if (i < 7) m = m * 10 + c - 48;
    else d = d * 10 + c - 48;
  }
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]);
}


/** ISO date `2026-03-01` or full timestamp; must be a real calendar date. */
const IsoDate = v.pipe(
  v.string('expected a date (YYYY-MM-DD)'),
  v.check(isIsoDate, 'expected a real date as YYYY-MM-DD'),
);

export { Text } from './primitives';

const TextList = v.array(Text, 'expected a list of texts');

const Domain = v.pipe(
  v.string('expected a domain'),
  v.trim(),
  v.toLowerCase(),
  v.regex(DOMAIN_PATTERN, 'expected a bare domain such as "acme.com" (no scheme, path or @)'),
);

const perCrm = <T extends v.GenericSchema>(item: T) =>
  v.optional(
    v.strictObject(
      Object.fromEntries(CRM_SITES.map((s) => [s, v.optional(item)])) as Record<CrmSite, v.OptionalSchema<T, undefined>>,
      'expected an object keyed by CRM (salesforce, hubspot, dynamics, pipedrive, zoho, generic)',
    ),
  );

const StringList = v.array(nonEmpty('text'), 'expected a list of strings');

/**
 * Every number has a range real packs need and nothing past it: JSON can spell 1e400
 * (Infinity) or 1e20 days, which validate as numbers and then break date arithmetic
 * and scoring downstream.
 */
const between = (what: string, min: number, max: number, range = `${grouped(min)} to ${grouped(max)}`) =>
  v.pipe(v.number(`expected ${what}`), v.minValue(min, `expected ${what} from ${range}`), v.maxValue(max, `expected ${what} from ${range}`));
/** Raw measure values and thresholds: percentages, counts, scores, amounts. */
export const MAX_SIGNAL = 1e12;
const Signal = between('a number', -MAX_SIGNAL, MAX_SIGNAL, '-1e12 to 1e12');
/** Ten years between reviews is the longest a battlecard can sensibly wait. */
export const MAX_REVIEW_DAYS = 3650;
/** Annual revenue in any currency (ten trillion covers yen and won). */
export const MAX_ARR = 1e13;
export const MAX_WEIGHT = 1000;

export const Meta = v.strictObject({
  formatVersion: v.literal(FORMAT_VERSION, `expected formatVersion ${FORMAT_VERSION}`),
  id: Id,
  name: Text,
  version: v.pipe(v.string('expected a version such as "1.4.0"'), v.regex(/^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$/, 'expected a version such as "1.4.0"')),
  publishedAt: IsoDate,
  defaultLocale: Locale,
  locales: v.pipe(v.array(Locale, 'expected a list of locales'), v.minLength(1, 'expected at least one locale')),
  vendor: v.optional(nonEmpty('text')),
  /** Our own company's domains: participants from these are never the customer. */
  ownDomains: v.array(Domain, 'expected a list of domains'),
  /** Extra free-mail providers on top of the built-in list. */
  freeMailDomains: v.optional(v.array(Domain, 'expected a list of domains')),
  /** Roles (issue 16): the role a rep starts in when neither they nor IT chose one. */
  defaultRole: v.optional(Role),
  /** Per role, which sidebar sections show, in what order, and which start collapsed. */
  layouts: v.optional(Layouts),
  /** The audience of every copyable text that does not name its own (absent: internal). */
  defaultAudience: v.optional(Audience),
  /** Claims (proof points, pricing, landmines, why we win) dated `asOf` longer ago than this are marked old. */
  claimMaxAgeDays: v.optional(v.pipe(between('a number of days', 1, MAX_REVIEW_DAYS), v.integer('expected whole days'))),
  /** Every claim must name its `source`: validation refuses the pack otherwise. */
  requireClaimSources: v.optional(v.boolean('expected true or false')),
});

/** Experts, rules, products and regional variants (issue 19): fieldOpsSchema.ts. */
export const FieldOps = fieldOpsSchemas({ Text, IsoDate, Locale, between, maxArr: MAX_ARR });

export const Scenario = v.strictObject({
  id: Id,
  /** Matches `accounts[].industry` (case-insensitive). */
  industry: nonEmpty('an industry'),
  useCase: Text,
  scenario: Text,
  advantage: Text,
  value: Text,
  /** Who the talk track is for (else meta.defaultAudience). */
  audience: v.optional(Audience),
  /** The products that fit this scenario (packs with several product lines), best first. */
  products: v.optional(v.pipe(v.array(FieldOps.ProductFit, 'expected a list of product fits'), v.maxLength(FieldOps.MAX.fits, `at most ${FieldOps.MAX.fits} products per scenario`)), []),
  /** Per-region talk track: the account's region picks it, the fields above are the fallback. */
  regional: FieldOps.regionalOf(FieldOps.ScenarioVariant),
});

export const CJK_BOUNDARIES = ['strict', 'loose'] as const;

/**
 * An alias is either a plain string (case-insensitive, whole word for Latin script,
 * not glued into longer words for Chinese) or an object when it needs care:
 * `caseSensitive` for names that are also words ("Oracle" vs "oracle"), `needsContext`
 * when only a keyword nearby makes it count, `cjkBoundary: loose` for a Chinese name
 * that really is written inside compounds (it then counts wherever it occurs).
 */
export const Alias = v.union(
  [
    nonEmpty('an alias'),
    v.strictObject({
      text: nonEmpty('an alias'),
      caseSensitive: v.optional(v.boolean('expected true or false')),
      needsContext: v.optional(v.boolean('expected true or false')),
      cjkBoundary: v.optional(v.picklist(CJK_BOUNDARIES, `expected a CJK boundary: ${CJK_BOUNDARIES.join(', ')}`)),
    }),
  ],
  'expected an alias (a string or { text, caseSensitive?, needsContext?, cjkBoundary? })',
);
export type Alias = v.InferOutput<typeof Alias>;

export const Objection = v.strictObject({
  id: Id,
  objection: Text,
  response: Text,
  proof: v.optional(Text),
  /** Who the response and proof are for (else meta.defaultAudience). */
  audience: v.optional(Audience),
});

/** Longest claim source (a URL or a document name). */
export const MAX_SOURCE_LENGTH = 500;

/**
 * A claim ("no SSO", "20 % cheaper"): plain text as before, or the text with where it
 * comes from and the date it was true, so the sidebar can show both and mark it when it
 * is older than `meta.claimMaxAgeDays`. Proof points, pricing, landmines and why-we-win
 * items are claims; a plain string stays valid, so packs written before still validate.
 */
export const Claim = v.union(
  [
    Text,
    v.strictObject({
      text: Text,
      /** A URL (http/https) or the name of a document ("Globex price list 2026"). */
      source: v.optional(v.pipe(nonEmpty('a source (a URL or a document name)'), v.maxLength(MAX_SOURCE_LENGTH, `expected a source of at most ${MAX_SOURCE_LENGTH} characters`))),
      asOf: v.optional(IsoDate),
    }),
  ],
  'expected a claim (text, or { text, source?, asOf? })',
);
export type Claim = v.InferOutput<typeof Claim>;

const ClaimList = v.array(Claim, 'expected a list of claims');

export const Battlecard = v.strictObject({
  summary: Text,
  whyWeWin: ClaimList,
  whyWeLose: TextList,
  objections: v.array(Objection, 'expected a list of objections'),
  landmines: ClaimList,
  /** Markdown; a claim, so it may carry a source and a date. */
  pricing: v.optional(Claim),
  proofPoints: ClaimList,
  /** Who the pricing text and the proof points are for (else meta.defaultAudience). */
  pricingAudience: v.optional(Audience),
  proofPointsAudience: v.optional(Audience),
  /** Per-region sections: the account's region picks them, the sections above are the fallback. */
  regional: FieldOps.regionalOf(FieldOps.BattlecardVariant),
});

export const Competitor = v.strictObject({
  id: Id,
  name: nonEmpty('a name'),
  aliases: v.array(Alias, 'expected a list of aliases'),
  /** Context words: they make an ambiguous alias count and raise confidence. */
  keywords: v.optional(StringList, []),
  /** Phrases in which an alias is not this competitor ("the oracle of"). */
  exclusions: v.optional(StringList, []),
  website: v.optional(Domain),
  /** Domains the competitor writes from and links to (its website counts too): evidence of its own kind, not a mention. */
  domains: v.optional(v.array(Domain, 'expected a list of domains'), []),
  battlecard: Battlecard,
  owner: nonEmpty('an owner'),
  reviewedAt: IsoDate,
  reviewEvery: v.pipe(between('a number of days', 1, MAX_REVIEW_DAYS), v.integer('expected whole days')),
});

export const ChecklistItem = v.strictObject({
  id: Id,
  text: Text,
  required: v.optional(v.boolean('expected true or false'), false),
});

export const Stage = v.strictObject({
  id: Id,
  name: Text,
  /** The stage's name in each CRM's picklist (case-insensitive). */
  crmStages: perCrm(StringList),
  goal: Text,
  exitCriteria: TextList,
  /** Markdown. */
  guidance: v.optional(Text),
  checklist: v.array(ChecklistItem, 'expected a list of checklist items'),
  /** Who the guidance is for (else meta.defaultAudience). */
  guidanceAudience: v.optional(Audience),
  /** Scorecard elements (pack `qualification`) that must be validated to leave this stage. */
  requiresValidated: v.optional(v.array(Id, 'expected a list of element ids'), []),
  /** Which of this stage's CRM labels close the deal won or lost: the sidebar then asks why, once. */
  outcome: v.optional(StageOutcome),
});

export const MOTIONS = ['new_business', 'poc', 'renewal_expansion'] as const;
export type Motion = (typeof MOTIONS)[number];

export const Playbook = v.strictObject({
  id: Id,
  name: Text,
  motion: v.picklist(MOTIONS, `expected a motion: ${MOTIONS.join(', ')}`),
  /** Account segments it applies to; empty means every segment. */
  segments: v.optional(StringList, []),
  /** CRM opportunity/deal type values that select this playbook ("New Business", "Renewal"). */
  opportunityTypes: v.optional(StringList, []),
  stages: v.pipe(v.array(Stage, 'expected a list of stages'), v.minLength(1, 'expected at least one stage')),
});

export const HealthSnapshot = v.strictObject({
  date: IsoDate,
  /** measure id → raw value; a measure left out is missing, not zero. */
  signals: v.record(Id, Signal),
  note: v.optional(Text),
});

export const Account = v.strictObject({
  id: Id,
  name: nonEmpty('a name'),
  aliases: v.optional(StringList, []),
  domains: v.optional(v.array(Domain, 'expected a list of domains'), []),
  crmIds: perCrm(StringList),
  segment: v.optional(nonEmpty('a segment')),
  industry: v.optional(nonEmpty('an industry')),
  region: v.optional(nonEmpty('a region')),
  owner: v.optional(nonEmpty('an owner')),
  /** Competitor ids known to be in play. */
  competitors: v.optional(v.array(Id, 'expected a list of competitor ids'), []),
  /** The opportunity stage known to ops, used when the page shows none. */
  stage: v.optional(v.strictObject({ playbookId: Id, stageId: Id })),
  renewalDate: v.optional(IsoDate),
  arr: v.optional(between('a number', 0, MAX_ARR, '0 to 1e13')),
  currency: v.optional(v.pipe(v.string('expected a currency code'), v.regex(CURRENCY_PATTERN, 'expected a currency code such as "USD"'))),
  health: v.optional(v.array(HealthSnapshot, 'expected a list of health snapshots'), []),
  /** What the account is known to run ("Kafka", "Snowflake"): decides which products fit. */
  stack: v.optional(StringList),
  /** The health model's lifecycle profile for this account (`healthModel.profiles[].id`). */
  lifecycle: v.optional(Id),
});

export const DIRECTIONS = ['higher_better', 'lower_better'] as const;

export const Measure = v.pipe(
  v.strictObject({
    id: Id,
    label: Text,
    weight: between('a weight', 0, MAX_WEIGHT),
    direction: v.picklist(DIRECTIONS, `expected a direction: ${DIRECTIONS.join(', ')}`),
    /** Raw values scored 0 (`poor`) and 100 (`good`), linear between, clamped. */
    thresholds: v.strictObject({ poor: Signal, good: Signal }),
    unit: v.optional(Text),
  }),
  v.forward(
    v.check(
      (m) => (m.direction === 'higher_better' ? m.thresholds.good > m.thresholds.poor : m.thresholds.good < m.thresholds.poor),
      'expected thresholds.good beyond thresholds.poor in the measure\'s direction',
    ),
    ['thresholds'],
  ),
);

export const Band = v.strictObject({
  id: Id,
  label: Text,
  /** Inclusive lower bound of the 0–100 score. */
  min: between('a score', 0, 100),
  color: v.picklist(['red', 'yellow', 'green'], 'expected a colour: red, yellow or green'),
  /** What a CS rep should do when the account is in this band (Markdown). */
  play: v.optional(Text),
  /** The play opens expanded at most once in this many days per account (else on every view). */
  playOpenEvery: v.optional(PlayOpenEvery),
});

export const HealthModel = v.strictObject({
  measures: v.pipe(v.array(Measure, 'expected a list of measures'), v.minLength(1, 'expected at least one measure')),
  bands: v.pipe(v.array(Band, 'expected a list of bands'), v.minLength(1, 'expected at least one band')),
  /** Whether and how much the CS rep's own read counts (left out: shown, never counted). */
  sentiment: v.optional(HealthSentiment),
  profiles: v.optional(v.pipe(v.array(HealthProfile, 'expected a list of profiles'), v.maxLength(20, 'at most 20 profiles')), []),
});

export const KnowledgePack = v.strictObject({
  /** Lets editors find docs/knowledge-pack.schema.json; ignored otherwise. */
  $schema: v.optional(v.string('expected the URL or path of the JSON Schema')),
  meta: Meta,
  scenarios: v.optional(v.array(Scenario, 'expected a list of scenarios'), []),
  competitors: v.array(Competitor, 'expected a list of competitors'),
  playbooks: v.array(Playbook, 'expected a list of playbooks'),
  accounts: v.array(Account, 'expected a list of accounts'),
  healthModel: HealthModel,
  sites: v.optional(v.array(SiteRule, 'expected a list of site rules'), []),
  sitePatches: v.optional(v.pipe(v.array(SitePatch, 'expected a list of site patches'), v.maxLength(100, 'at most 100 site patches')), []),
  // Capped: every record view ranks all experts and checks all rules.
  experts: v.optional(v.pipe(v.array(FieldOps.Expert, 'expected a list of experts'), v.maxLength(FieldOps.MAX.experts, `at most ${FieldOps.MAX.experts} experts`)), []),
  rules: v.optional(v.pipe(v.array(FieldOps.Rule, 'expected a list of rules'), v.maxLength(FieldOps.MAX.rules, `at most ${FieldOps.MAX.rules} rules`)), []),
  products: v.optional(v.pipe(v.array(FieldOps.Product, 'expected a list of products'), v.maxLength(FieldOps.MAX.products, `at most ${FieldOps.MAX.products} products`)), []),
  /** The deal scorecard's methodology (MEDDPICC in the sample). */
  qualification: v.optional(Qualification),
  /** The reasons asked when a record's CRM stage closes the deal. */
  winLoss: v.optional(WinLoss),
});

export type KnowledgePack = v.InferOutput<typeof KnowledgePack>;
export type Scenario = v.InferOutput<typeof Scenario>;
export type Competitor = v.InferOutput<typeof Competitor>;
export type Battlecard = v.InferOutput<typeof Battlecard>;
export type Objection = v.InferOutput<typeof Objection>;
export type Playbook = v.InferOutput<typeof Playbook>;
export type Stage = v.InferOutput<typeof Stage>;
export type ChecklistItem = v.InferOutput<typeof ChecklistItem>;
export type Account = v.InferOutput<typeof Account>;
export type HealthSnapshot = v.InferOutput<typeof HealthSnapshot>;
export type HealthModel = v.InferOutput<typeof HealthModel>;
export type Measure = v.InferOutput<typeof Measure>;
export type Band = v.InferOutput<typeof Band>;
export type Expert = v.InferOutput<typeof FieldOps.Expert>;
export type PackRule = v.InferOutput<typeof FieldOps.Rule>;
export type Product = v.InferOutput<typeof FieldOps.Product>;
export type ProductFit = v.InferOutput<typeof FieldOps.ProductFit>;
