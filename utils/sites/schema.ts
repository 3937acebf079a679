/**
 * What a page says about the record in view — read, never inferred — as one valibot
 * schema: site adapters produce it, the background admits it from the page with it, and
 * `PageContext` and its parts are inferred from it. Content scripts import the types
 * only (utils/sites/types.ts), so valibot stays out of their bundles.
 */
import * as v from 'valibot';
import { RECORD_TYPES, SITE_IDS } from './catalog';

/**
 * Page input is cut to size, never refused: a page with a 600-character sender name, a
 * 3,000-character subject or 900 recipients still gets its sidebar. Free text is
 * truncated; lists keep their first `max` entries (before each entry is checked, so a
 * huge list costs no more than its cap); an address or domain longer than any real one
 * is dropped rather than cut, because a cut address is a different address.
 */
const cut = (max: number) => v.pipe(v.string(), v.transform((s) => s.slice(0, max)));
export const nullableCut = (max: number) => v.nullable(cut(max));
const firstOf = <T extends v.GenericSchema>(max: number, item: T) =>
  v.pipe(
    v.array(v.unknown()),
    v.transform((a) => a.slice(0, max)),
    v.array(item),
  );
/** An identifier or address longer than `max` is no identifier we can use: null. */
const idOrNull = (max: number) => v.pipe(v.nullable(v.string()), v.transform((s) => (s !== null && s.length <= max ? s : null)));
/** Entries that are strings of at most `each` characters; other strings are left out. */
const keptList = (max: number, each: number) =>
  v.pipe(
    firstOf(max, v.string()),
    v.transform((a) => a.filter((s) => s.length <= each)),
  );

export const SiteIdSchema = v.picklist(SITE_IDS);
export const RecordTypeSchema = v.picklist(RECORD_TYPES);

export const ParticipantSchema = v.object({ name: nullableCut(500), email: v.string(), role: v.picklist(['from', 'to', 'cc', 'bcc']) });

/** selectors: the site's adapter; semantic: ARIA, labels and links; page-text: only the visible text and the URL. */
export const ReadLayerSchema = v.picklist(['selectors', 'semantic', 'page-text']);

export const ReadInfoSchema = v.object({
  layer: ReadLayerSchema,
  /** The record's heading, where the page-text layer may find the account's name. */
  heading: v.optional(nullableCut(300)),
  /** What the semantic layer filled in where the adapter found nothing ("account", "website", …). */
  filled: v.optional(firstOf(10, cut(40))),
  /** The adapter's landmark the page did not have ("highlights panel"): a selector a CRM release broke. */
  missing: v.optional(nullableCut(80)),
  /** The pack's site patch that read `filled` (pack `sitePatches`). */
  patch: v.optional(cut(80)),
});

export const PageContextSchema = v.object({
  site: SiteIdSchema,
  recordType: RecordTypeSchema,
  /** The CRM's record id (Salesforce 18-char id, HubSpot object id…), or the thread id. */
  recordId: idOrNull(200),
  /** The account/company name shown on the record (or the related account of an opportunity). */
  accountName: nullableCut(500),
  /** The CRM id of the related account, when the record links to one. */
  accountId: v.optional(idOrNull(200)),
  /** Bare domains from website fields, lower-case, no scheme. */
  domains: keptList(200, 253),
  /** Every e-mail address on the page that belongs to the record or thread. */
  emails: keptList(500, 320),
  /** The CRM stage name exactly as shown ("Proposal/Price Quote"). */
  stage: nullableCut(200),
  /** The CRM's opportunity/deal type ("New Business", "Renewal"), drives the playbook's motion. */
  opportunityType: v.optional(nullableCut(200)),
  /** Deals only: the pipeline the stage belongs to, as shown (HubSpot "Sales Pipeline"); stage names repeat across pipelines. */
  pipeline: v.optional(nullableCut(200)),
  /** Opportunities/deals only: amount and close date exactly as shown ("$120,000.00", "6/30/2026"), not parsed. */
  amount: v.optional(nullableCut(200)),
  closeDate: v.optional(nullableCut(200)),
  /** Opportunities/deals only: the CRM's "Next Step" field as shown (a scorecard suggestion, utils/score/suggest.ts). */
  nextStep: v.optional(nullableCut(500)),
  /** Opportunities/deals only: the contact roles listed on the record ("Nancy Davolio", "Economic Buyer"). */
  contactRoles: v.optional(firstOf(50, v.object({ name: cut(200), role: cut(100) }))),
  /** Values of a competitor field on the record. */
  competitorsField: firstOf(50, cut(500)),
  /** Mail only: the thread's subject, participants and the signed-in user's address. */
  subject: v.optional(nullableCut(2000)),
  participants: v.optional(
    v.pipe(
      firstOf(500, ParticipantSchema),
      v.transform((ps) => ps.filter((p) => p.email.length <= 320)),
    ),
  ),
  ownEmail: v.optional(idOrNull(320)),
  /** Visible text worth scanning for competitor mentions (record fields, notes, message bodies). A long thread is cut, not refused: the first 200 KB carry the conversation. */
  text: cut(200_000),
  /**
   * The record's own link, as the content script rebuilt it from the site adapter's URL
   * reading (utils/sites/recordLink.ts): no query, a fragment only where the record id
   * lives in it. It goes into an "Ask for help" message; nothing else of the page does.
   */
  recordUrl: v.optional(idOrNull(2000)),
  /** Which reading layer produced this context (utils/sites/layers.ts); absent from adapters called directly. */
  read: v.optional(ReadInfoSchema),
});
