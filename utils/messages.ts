/**
 * The one typed message map between content scripts, extension pages and the
 * background. Every request is validated on arrival; privileged requests (anything
 * that changes the pack) are accepted only from our own extension pages.
 */
import * as v from 'valibot';
import type { SidebarView, PackInfo, AccountHit } from './view/types';
import type { PackError } from './pack/validate';
import { SITE_IDS } from './sites/catalog';
import { nullableCut, PageContextSchema as PageContextIn } from './sites/schema';
import type { ActivateResult, OpsReport, Preview, SyncStatus } from './sync/handlers';
import type { SyncResult } from './sync/sync';
import type { AnalyticsReport } from './sync/analytics';
import type { SettingKey } from './sync/settings';
import type { PaletteHit } from './search/palette';
import type { SiteTrial } from './background/ruleTrial';
import type { SitePatch, SiteRule } from './pack/schema';
import type { Envelope } from './envelope';
import { ProgressReport } from './sync/activationProgress';
import { FlagSchema, type FlagMark } from './feedback/types';
import type { FeedbackReport } from './feedback/report';
import type { TelemetryView } from './background/loopHandlers';
import type { OutcomeRecord } from './store/repRecords';

const str = (max: number) => v.pipe(v.string(), v.maxLength(max));
const Id = v.pipe(v.string(), v.maxLength(80));

const Lang = v.picklist(['en', 'zh-CN']);

/** utils/pack/audience.ts TextRef on the wire. */
export const TextRefIn = v.variant('kind', [
  v.object({ kind: v.literal('objection'), competitorId: Id, id: Id }),
  v.object({ kind: v.literal('proof'), competitorId: Id, index: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1000)) }),
  v.object({ kind: v.literal('pricing'), competitorId: Id }),
  v.object({ kind: v.literal('guidance'), playbookId: Id, stageId: Id }),
  v.object({ kind: v.literal('scenario'), id: Id }),
]);

/**
 * What each request is, declared beside its schema: who may send it (`page`: a content
 * script or the sidebar frame in a CRM or mail tab may; otherwise only our extension
 * pages), and whether handling it can change the active pack and so the pack's site
 * rules (the background then re-registers the site-rule content script).
 */
interface Declared<S extends v.GenericSchema> {
  schema: S;
  page: boolean;
  changesPack: boolean;
}
const PACK_CHANGE = { changesPack: true } as const;
const page = <S extends v.GenericSchema>(schema: S): Declared<S> => ({ schema, page: true, changesPack: false });
const ops = <S extends v.GenericSchema>(schema: S, o: { changesPack?: boolean } = {}): Declared<S> => ({ schema, page: false, changesPack: o.changesPack ?? false });

export const REQUESTS = {
  'view:get': page(v.object({
    ctx: PageContextIn,
    lang: Lang,
    /** Browsing from the palette: show this account / card / talk track without remembering it. */
    focus: v.optional(v.object({ accountId: v.optional(Id), competitorId: v.optional(Id), scenarioId: v.optional(Id) })),
  })),
  'search:palette': page(v.object({ query: str(200), lang: Lang })),
  'sites:rules': page(v.object({})),
  /** The pack's patches for one built-in site (its content script reads the page with them). */
  'sites:patches': page(v.object({ site: v.picklist(SITE_IDS) })),
  'index:warm': page(v.object({})),
  /** The content script's reading, pushed with its view to the tab's sidebar frames (utils/ui/viewPort.ts). */
  'view:prime': page(
    v.object({
      seq: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
      token: str(100),
      init: v.object({
        seq: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(0))),
        ctx: v.nullable(PageContextIn),
        canInsert: v.boolean(),
        exposure: v.object({ hidden: v.nullable(str(200)), covered: v.pipe(v.array(v.tuple([v.number(), v.number(), v.number(), v.number()])), v.maxLength(4096)) }),
      }),
    }),
  ),
  /** The sidebar showed this account at this CRM stage: remembered for its e-mail threads (written apart from view:get, a read). */
  'stage:seen': page(v.object({ accountId: Id, playbookId: Id, stageId: Id })),
  'checklist:set': page(v.object({ accountId: Id, playbookId: Id, stageId: Id, itemId: Id, done: v.boolean(), label: v.optional(str(2000)) })),
  'account:pick': page(v.object({ recordKey: str(400), accountId: v.nullable(Id) })),
  'account:search': page(v.object({ query: str(200), lang: Lang })),
  // The page in this tab no longer shows a record (an SPA went to a list or inbox).
  'record:none': page(v.object({})),
  'usage:log': page(v.object({
    kind: v.picklist(['card_view', 'section_view', 'copy', 'insert', 'tick', 'untick', 'read_fallback', 'expert_ask', 'search_miss']),
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
    expertId: v.optional(Id),
    query: v.optional(str(200)),
  })),
  // Issue 16: what the rep saw of a card or stage, a play shown expanded or snoozed, and the insert boundary.
  'seen:mark': page(v.object({ key: v.pipe(str(200), v.regex(/^(card|stage):/)), parts: v.optional(v.array(str(40))), first: v.optional(v.boolean()) })),
  'play:shown': page(v.object({ accountId: Id, bandId: Id })),
  /** The rep's role (issue 16.1), written by the worker, which keeps it for the views it builds (entrypoints/background.ts). */
  'role:set': page(v.object({ role: v.picklist(['auto', 'sales', 'cs']) })),
  'play:snooze': page(v.object({ accountId: Id, bandId: Id, days: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(90)) })),
  /** A stale card's "review overdue" warning, quiet for `days` (0: shown again) until the card is reviewed anew. */
  'stale:snooze': page(v.object({ competitorId: Id, days: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(90)) })),
  /** The content script asks before it inserts: the text for a ref, only when the pack marks it customer-safe. */
  'text:insertable': page(v.object({ ref: TextRefIn, lang: Lang })),
  'pack:info': ops(v.object({})),
  'pack:import': ops(v.object({ text: v.string(), source: str(2000) }), PACK_CHANGE),
  'pack:rollback': ops(v.object({}), PACK_CHANGE),
  // Ops console (options page only): sync, preview before activation, reports.
  'sync:status': ops(v.object({})),
  'sync:settings': ops(v.object({ packUrl: v.nullable(str(2000)), publicKey: v.nullable(str(400)), refreshMinutes: v.pipe(v.number(), v.integer()), allowPackSwitch: v.optional(v.boolean()) }), PACK_CHANGE),
  'sync:now': ops(v.object({}), PACK_CHANGE),
  'pack:preview': ops(v.object({ text: v.string(), source: str(2000), lang: Lang })),
  // The text, or the hash a pack:preview answered (saves sending a big pack twice).
  'pack:activate': ops(
    v.object({
      text: v.optional(v.string()),
      hash: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/))),
      source: str(2000),
      allowDowngrade: v.boolean(),
      /** Where to report the stages (utils/sync/activationProgress.ts); none: no reports. */
      progressId: v.optional(ProgressReport.entries.id),
    }),
    PACK_CHANGE,
  ),
  'ops:report': ops(v.object({})),
  /** "Try this rule on the current tab": the ops console only, never a page (the answer holds the page's values). */
  'sites:try': ops(v.object({ ruleId: Id })),
  'usage:report': ops(v.object({ lang: Lang })),
  'usage:clear': ops(v.object({})),
  // The ops loop (utils/background/loopHandlers.ts): a rep's flag; the Feedback report; team analytics.
  'feedback:flag': page(FlagSchema),
  'feedback:report': ops(v.object({ lang: Lang })),
  'telemetry:status': ops(v.object({})),
  'telemetry:settings': ops(v.object({ endpoint: v.nullable(str(2000)), includeNotes: v.boolean() })),
  'telemetry:flush': ops(v.object({})),
  'telemetry:rotate': ops(v.object({})),
  // Issue 16 (items 4–6): the rep's own read, stored by the background (utils/background/repHandlers.ts).
  'scorecard:set': page(v.object({ accountId: Id, dealKey: str(400), elementId: Id, state: v.picklist(['empty', 'noted', 'validated']), note: str(500) })),
  'outcome:set': page(v.object({
    recordKey: str(400),
    accountId: Id,
    result: v.picklist(['won', 'lost']),
    stage: str(200),
    reasonId: v.nullable(Id),
    competitorId: v.nullable(Id),
    note: str(2000),
    skipped: v.boolean(),
  })),
  'sentiment:set': page(v.object({ accountId: Id, color: v.picklist(['green', 'yellow', 'red']), comment: str(1000) })),
  /** The ops console's list of outcomes (and its CSV export). */
  'outcomes:report': ops(v.object({})),
} as const;

export type MessageType = keyof typeof REQUESTS;
export type Request<K extends MessageType> = v.InferOutput<(typeof REQUESTS)[K]['schema']>;

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
  'view:prime': { pushed: number };
  'usage:log': { ok: true };
  'record:none': { ok: true };
  'seen:mark': { ok: true };
  'play:shown': { ok: true };
  'role:set': { ok: true };
  'play:snooze': { ok: true };
  'stale:snooze': { ok: true };
  'text:insertable': { ok: true; text: string } | { ok: false; reason: 'internal' | 'unknown' };
  'pack:info': PackInfo;
  'pack:import': ImportResult;
  'pack:rollback': { ok: true; info: PackInfo } | { ok: false; error: string };
  'sync:status': SyncStatus;
  'sync:settings': { ok: true; status: SyncStatus } | { ok: false; errors: { field: SettingKey; message: string }[] };
  'sync:now': { result: SyncResult | null; status: SyncStatus };
  'pack:preview': Preview;
  'pack:activate': ActivateResult;
  'ops:report': OpsReport;
  'sites:try': SiteTrial;
  'usage:report': AnalyticsReport;
  'usage:clear': { ok: true; cleared: number };
  'feedback:flag': { ok: true; key: string; mark: FlagMark };
  'feedback:report': FeedbackReport;
  'telemetry:status': TelemetryView;
  'telemetry:settings': { ok: true; view: TelemetryView } | { ok: false; error: string };
  'telemetry:flush': TelemetryView;
  'telemetry:rotate': TelemetryView;
  'scorecard:set': { entries: number };
  'outcome:set': { at: string };
  'sentiment:set': { at: string };
  'outcomes:report': OutcomeRecord[];
}

const MESSAGE_TYPES = Object.keys(REQUESTS) as MessageType[];

/** Requests a content script (running in a CRM or mail tab) may make. */
export const PAGE_ALLOWED: ReadonlySet<MessageType> = new Set(MESSAGE_TYPES.filter((t) => REQUESTS[t].page));

/** Requests after which the active pack, and with it the site rules, may differ. */
export const CHANGES_PACK: ReadonlySet<MessageType> = new Set(MESSAGE_TYPES.filter((t) => REQUESTS[t].changesPack));



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
  const parsed = v.safeParse(REQUESTS[type].schema, payload);
  if (!parsed.success) return { ok: false, error: `refused: bad payload for "${type}" at ${v.getDotPath(parsed.issues[0]) ?? '(root)'}` };
  return { ok: true, type, payload: parsed.output as Request<MessageType> };
}
