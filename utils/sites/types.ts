/**
 * What a page says about the record in view — read, never inferred. Site adapters
 * produce it; the matcher consumes it.
 */
export type SiteId = 'salesforce' | 'hubspot' | 'dynamics' | 'pipedrive' | 'zoho' | 'gmail' | 'outlook' | 'generic';

export type RecordType =
  | 'account'
  | 'opportunity'
  | 'contact'
  | 'lead'
  | 'case'
  | 'company'
  | 'deal'
  | 'ticket'
  | 'organization'
  | 'person'
  | 'thread'
  | 'record';

export interface Participant {
  name: string | null;
  email: string;
  role: 'from' | 'to' | 'cc' | 'bcc';
}

export interface PageContext {
  site: SiteId;
  recordType: RecordType;
  /** The CRM's record id (Salesforce 18-char id, HubSpot object id…), or the thread id. */
  recordId: string | null;
  /** The account/company name shown on the record (or the related account of an opportunity). */
  accountName: string | null;
  /** The CRM id of the related account, when the record links to one. */
  accountId?: string | null;
  /** Bare domains from website fields, lower-case, no scheme. */
  domains: string[];
  /** Every e-mail address on the page that belongs to the record or thread. */
  emails: string[];
  /** The CRM stage name exactly as shown ("Proposal/Price Quote"). */
  stage: string | null;
  /** The CRM's opportunity/deal type ("New Business", "Renewal"), drives the playbook's motion. */
  opportunityType?: string | null;
  /** Deals only: the pipeline the stage belongs to, as shown (HubSpot "Sales Pipeline"); stage names repeat across pipelines. */
  pipeline?: string | null;
  /** Opportunities/deals only: amount and close date exactly as shown ("$120,000.00", "6/30/2026"), not parsed. */
  amount?: string | null;
  closeDate?: string | null;
  /** Values of a competitor field on the record. */
  competitorsField: string[];
  /** Mail only: the thread's subject, participants and the signed-in user's address. */
  subject?: string | null;
  participants?: Participant[];
  ownEmail?: string | null;
  /** Visible text worth scanning for competitor mentions (record fields, notes, message bodies). */
  text: string;
  /** Which reading layer produced this context (utils/sites/layers.ts); absent from adapters called directly. */
  read?: ReadInfo;
}

/** selectors: the site's adapter; semantic: ARIA, labels and links; page-text: only the visible text and the URL. */
export type ReadLayer = 'selectors' | 'semantic' | 'page-text';

export interface ReadInfo {
  layer: ReadLayer;
  /** The record's heading, where the page-text layer may find the account's name. */
  heading?: string | null;
  /** What the semantic layer filled in where the adapter found nothing ("account", "website", …). */
  filled?: string[];
  /** The adapter's landmark the page did not have ("highlights panel"): a selector a CRM release broke. */
  missing?: string | null;
  /** The pack's site patch that read `filled` (pack `sitePatches`). */
  patch?: string;
}

/** A site adapter: pure, given the document and URL, returns the context or null when the page is not a record it understands. */
export type Extractor = (doc: Document, url: URL) => PageContext | null;
