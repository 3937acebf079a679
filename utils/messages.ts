/**
 * The one typed message map between content scripts, extension pages and the
 * background. Every request is validated on arrival; privileged requests (anything
 * that changes the pack) are accepted only from our own extension pages.
 */
import * as v from 'valibot';
import type { SidebarView, PackInfo, AccountHit } from './view/types';
import type { PackError } from './pack/validate';
import type { RecordType, SiteId } from './sites/types';
import type { ActivateResult, OpsReport, Preview, SyncStatus } from './sync/handlers';
import type { SyncResult } from './sync/sync';
import type { AnalyticsReport } from './sync/analytics';
import type { SettingKey } from './sync/settings';
import type { PaletteHit } from './search/palette';
import type { SitePatch, SiteRule } from './pack/schema';

const str = (max: number) => v.pipe(v.string(), v.maxLength(max));
const Id = v.pipe(v.string(), v.maxLength(80));

const RECORD_TYPES = ['account', 'opportunity', 'contact', 'lead', 'case', 'company', 'deal', 'ticket', 'organization', 'person', 'thread', 'record'] as const satisfies readonly RecordType[];

const SITE_IDS = ['salesforce', 'hubspot', 'dynamics', 'pipedrive', 'zoho', 'gmail', 'outlook', 'generic'] as const satisfies readonly SiteId[];

/**
 * Page input is cut to size, never refused: a page with a 600-character sender name, a
 * 3,000-character subject or 900 recipients still gets its sidebar. Free text is
 * truncated; lists keep their first `max` entries (before each entry is checked, so a
 * huge list costs no more than its cap); an address or domain longer than any real one
 * is dropped rather than cut, because a cut address is a different address.
 */
const cut = (max: number) => v.pipe(v.string(), v.transform((s) => s.slice(0, max)));
const nullableCut = (max: number) => v.nullable(cut(max));
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

const PageContextIn = v.object({
  site: v.picklist(SITE_IDS),
  recordType: v.picklist(RECORD_TYPES),
  recordId: idOrNull(200),
  accountName: nullableCut(500),
  accountId: v.optional(idOrNull(200)),
  domains: keptList(200, 253),
  emails: keptList(500, 320),
  stage: nullableCut(200),
  opportunityType: v.optional(nullableCut(200)),
  pipeline: v.optional(nullableCut(200)),
  amount: v.optional(nullableCut(200)),
  closeDate: v.optional(nullableCut(200)),
  competitorsField: firstOf(50, cut(500)),
  subject: v.optional(nullableCut(2000)),
  participants: v.optional(
    v.pipe(
      firstOf(500, v.object({ name: nullableCut(500), email: v.string(), role: v.picklist(['from', 'to', 'cc', 'bcc']) })),
      v.transform((ps) => ps.filter((p) => p.email.length <= 320)),
    ),
  ),
  ownEmail: v.optional(idOrNull(320)),
  // A long thread is cut, not refused: the first 200 KB carry the conversation.
  text: cut(200_000),
  read: v.optional(
    v.object({
      layer: v.picklist(['selectors', 'semantic', 'page-text']),
      heading: v.optional(nullableCut(300)),
      filled: v.optional(firstOf(10, cut(40))),
      missing: v.optional(nullableCut(80)),
      patch: v.optional(cut(80)),
    }),
  ),
});

const Lang = v.picklist(['en', 'zh-CN']);

export const REQUESTS = {
  'view:get': v.object({
    ctx: PageContextIn,
    lang: Lang,
    /** Browsing from the palette: show this account / card / talk track without remembering it. */
    focus: v.optional(v.object({ accountId: v.optional(Id), competitorId: v.optional(Id), scenarioId: v.optional(Id) })),
  }),
  'search:palette': v.object({ query: str(200), lang: Lang }),
  'sites:rules': v.object({}),
  /** The pack's patches for one built-in site (its content script reads the page with them). */
  'sites:patches': v.object({ site: v.picklist(SITE_IDS) }),
  'index:warm': v.object({}),
  /** The sidebar showed this account at this CRM stage: remembered for its e-mail threads (written apart from view:get, a read). */
  'stage:seen': v.object({ accountId: Id, playbookId: Id, stageId: Id }),
  'checklist:set': v.object({ accountId: Id, playbookId: Id, stageId: Id, itemId: Id, done: v.boolean(), label: v.optional(str(2000)) }),
  'account:pick': v.object({ recordKey: str(400), accountId: v.nullable(Id) }),
  'account:search': v.object({ query: str(200), lang: Lang }),
  // The page in this tab no longer shows a record (an SPA went to a list or inbox).
  'record:none': v.object({}),
  'usage:log': v.object({
    kind: v.picklist(['card_view', 'section_view', 'copy', 'insert', 'tick', 'untick', 'read_fallback']),
    accountId: v.optional(v.nullable(Id)),
    competitorId: v.optional(Id),
    section: v.optional(str(40)),
    objectionId: v.optional(Id),
    playbookId: v.optional(Id),
    stageId: v.optional(Id),
    itemId: v.optional(Id),
    site: v.optional(v.picklist(SITE_IDS)),
    layer: v.optional(v.picklist(['semantic', 'page-text'])),
    missing: v.optional(nullableCut(80)),
  }),
  'pack:info': v.object({}),
  'pack:import': v.object({ text: v.string(), source: str(2000) }),
  'pack:rollback': v.object({}),
  // Ops console (options page only): sync, preview before activation, reports.
  'sync:status': v.object({}),
  'sync:settings': v.object({ packUrl: v.nullable(str(2000)), publicKey: v.nullable(str(400)), refreshMinutes: v.pipe(v.number(), v.integer()), allowPackSwitch: v.optional(v.boolean()) }),
  'sync:now': v.object({}),
  'pack:preview': v.object({ text: v.string(), source: str(2000), lang: Lang }),
  // The text, or the hash a pack:preview answered (saves sending a big pack twice).
  'pack:activate': v.object({ text: v.optional(v.string()), hash: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/))), source: str(2000), allowDowngrade: v.boolean() }),
  'ops:report': v.object({}),
  'usage:report': v.object({ lang: Lang }),
  'usage:clear': v.object({}),
} as const;

export type MessageType = keyof typeof REQUESTS;
export type Request<K extends MessageType> = v.InferOutput<(typeof REQUESTS)[K]>;

export type ImportResult = { ok: true; info: PackInfo; warnings: PackError[] } | { ok: false; errors: PackError[] };

export interface Responses {
  'view:get': SidebarView;
  'stage:seen': { ok: true };
  'checklist:set': { done: string[] };
  'account:pick': { ok: true };
  'account:search': AccountHit[];
  'search:palette': PaletteHit[];
  'sites:rules': SiteRule[];
  'sites:patches': SitePatch[];
  'index:warm': { ok: true };
  'usage:log': { ok: true };
  'record:none': { ok: true };
  'pack:info': PackInfo;
  'pack:import': ImportResult;
  'pack:rollback': { ok: true; info: PackInfo } | { ok: false; error: string };
  'sync:status': SyncStatus;
  'sync:settings': { ok: true; status: SyncStatus } | { ok: false; errors: { field: SettingKey; message: string }[] };
  'sync:now': { result: SyncResult | null; status: SyncStatus };
  'pack:preview': Preview;
  'pack:activate': ActivateResult;
  'ops:report': OpsReport;
  'usage:report': AnalyticsReport;
  'usage:clear': { ok: true; cleared: number };
}

/** Requests a content script (running in a CRM or mail tab) may make. */
export const PAGE_ALLOWED: ReadonlySet<MessageType> = new Set(['view:get', 'stage:seen', 'checklist:set', 'account:pick', 'account:search', 'search:palette', 'sites:rules', 'sites:patches', 'index:warm', 'usage:log', 'record:none']);

/** The stage:seen a shown view implies: a CRM page's stage for the record's own account, not one browsed from search. */
export function stageSeenIn(view: SidebarView, focus: { accountId?: string } | null | undefined): Request<'stage:seen'> | null {
  const stage = view.stage?.current;
  if (!view.account || focus?.accountId || stage?.source !== 'crm') return null;
  return { accountId: view.account.id, playbookId: stage.playbookId, stageId: stage.stageId };
}

export interface Envelope<K extends MessageType = MessageType> {
  frontline: 1;
  type: K;
  payload: Request<K>;
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

export interface SenderLike {
  id?: string;
  url?: string;
  tab?: unknown;
}

export type SenderKind = 'extension-page' | 'content-script';

/**
 * Who is asking. Only our own extension may; extension pages are recognised by the
 * extension origin, content scripts by running in a tab.
 */
export function classifySender(sender: SenderLike, runtimeId: string, extensionOrigin: string): SenderKind | null {
  if (!sender || sender.id !== runtimeId) return null;
  // The sidebar frame is our page but lives in the CRM's tab: it gets what a content script gets.
  if (sender.url && sender.url.startsWith(`${extensionOrigin}sidebar.html`)) return 'content-script';
  if (sender.url && sender.url.startsWith(extensionOrigin)) return 'extension-page';
  if (sender.tab) return 'content-script';
  return null;
}

/** Checks the envelope, the sender's right to send it and the payload. */
export function admit(
  raw: unknown,
  kind: SenderKind | null,
): { ok: true; type: MessageType; payload: Request<MessageType> } | { ok: false; error: string } {
  if (!kind) return { ok: false, error: 'refused: not from this extension' };
  if (typeof raw !== 'object' || raw === null || (raw as Envelope).frontline !== 1) return { ok: false, error: 'refused: not a Frontline message' };
  const { type, payload } = raw as Envelope;
  if (!Object.hasOwn(REQUESTS, type)) return { ok: false, error: `refused: unknown message "${String(type)}"` };
  if (kind === 'content-script' && !PAGE_ALLOWED.has(type)) return { ok: false, error: `refused: "${type}" is only for extension pages` };
  const parsed = v.safeParse(REQUESTS[type], payload);
  if (!parsed.success) return { ok: false, error: `refused: bad payload for "${type}" at ${v.getDotPath(parsed.issues[0]) ?? '(root)'}` };
  return { ok: true, type, payload: parsed.output as Request<MessageType> };
}

export function envelope<K extends MessageType>(type: K, payload: Request<K>): Envelope<K> {
  return { frontline: 1, type, payload };
}
