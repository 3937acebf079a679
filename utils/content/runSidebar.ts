/**
 * The content-script side: read the page with the site's adapter and host the sidebar
 * frame. The sidebar itself (entrypoints/sidebar/) runs in an extension-origin iframe, so
 * pack content never enters the page's DOM and the page's CSS cannot reach it; this
 * script stays small (it reads no settings: the frame does, and says how to lay it out).
 * Everything is tied to `ctx`: when the extension is updated the old frame removes
 * itself quietly.
 *
 * On a record URL the frame is created parked and the worker woken at once, while the
 * CRM is still rendering; the record is read as soon as the site's selectors find it
 * (readSchedule.ts), and only then is the frame shown.
 */
import { readingLine } from './readingLine';
import { READING_PORT } from '../ui/viewPort';
import { recordLink } from '../sites/recordLink';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageContext } from '../sites/types';
import type { Site } from '../sites/site';
import { readRecord } from '../sites/layers';
import type { SitePatch } from '../pack/schema';
import { isUiMessage, NOT_YET_KNOWN, type Exposure, type FrameInit, type ToFrame } from '../ui/channel';
import { isToggle } from './toggle';
import { trackReplyBox } from './replyBox';
import { ignoreForgedRestarts } from './restartGuard';
import { frameHost, type FrameHost } from './frameHost';
import { frameNudges, type NudgePort } from './frameNudges';
import { readSchedule, type ReadSchedule } from './readSchedule';

export interface RunOptions {
  /** The sites this content script reads (its bundle holds only their adapters). */
  sites: Site[];
  /** Webmail: offer "insert in reply". */
  replies?: boolean;
}

/** What makes two readings of the page the same record in the same state. */
function identity(pc: PageContext): string {
  return JSON.stringify([pc.site, pc.recordType, pc.recordId, pc.accountName, pc.accountId, pc.domains, pc.emails, pc.stage, pc.opportunityType, pc.competitorsField, pc.subject, pc.text.length, pc.read?.layer]);
}

/**
 * A quick read of another record that names exactly the account fields of the one before:
 * most likely the SPA has changed the URL but not yet the page (a wrong account for the
 * new record). It waits for the settled read; two records of one account only wait longer.
 */
function stillTheLastRecord(next: PageContext, last: PageContext | null): boolean {
  if (!last || next.recordId === last.recordId) return false;
  const fields = (c: PageContext) => JSON.stringify([c.accountName, c.accountId, c.domains, c.emails, c.participants?.map((p) => p.email)]);
  return fields(next) === fields(last);
}

const send = (type: string, payload: object) => browser.runtime.sendMessage({ frontline: 1, type, payload }).catch(() => undefined);
/** Readings go on a port (utils/background/readingPort.ts): the hop to the background is on every switch's wait. */
const postReading = readingLine(() => browser.runtime.connect({ name: READING_PORT }));

/**
 * The pack's patches for this site, asked for once, on the first record URL (lists and
 * inboxes wake no worker for it), without holding up that first read (most packs have none).
 */
function sitePatches(site: Site, onPatches: () => void) {
  let list: SitePatch[] = [];
  let asked = false;
  return {
    get: () => list,
    fetchOnce() {
      if (asked) return;
      asked = true;
      void send('sites:patches', { site: site.id }).then((r) => {
        const got = r as { ok?: boolean; data?: SitePatch[] } | undefined;
        if (got?.ok && Array.isArray(got.data) && got.data.length) {
          list = got.data;
          onPatches();
        }
      });
    },
  };
}

/** Answers our sidebar frame (an extension page with the token), never anything else. */
function answerFrame(frame: FrameHost, token: string, state: { init: () => FrameInit; replies: ReturnType<typeof trackReplyBox> | null; tellFrame(m: ToFrame): void }) {
  const frameOrigin = new URL(browser.runtime.getURL('/')).origin;
  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    if (isToggle(raw)) {
      state.tellFrame({ frontline: 'ui', type: 'toggle' });
      return undefined;
    }
    if (!isUiMessage(raw) || !sender.url?.startsWith(frameOrigin) || !('token' in raw) || raw.token !== token) return undefined;
    switch (raw.type) {
      case 'ready':
        return Promise.resolve<FrameInit>(state.init());
      case 'layout':
        frame.layout({ open: Boolean(raw.layout.open), width: Number(raw.layout.width) || 360, beside: Boolean(raw.layout.beside) });
        return undefined;
      case 'insert':
        return insertRef(state.replies, raw.ref, raw.lang);
      default:
        return undefined;
    }
  });
}

/**
 * The insert boundary (issue 16.2): the frame names a text, the background (which holds
 * the pack) answers with it only when the pack marks it customer-safe, and only that
 * answer is inserted. Raw text from the frame is never inserted, so neither a bug in the
 * frame's UI nor a forged request can put internal text into a reply.
 */
async function insertRef(replies: ReturnType<typeof trackReplyBox> | null, ref: unknown, lang: unknown): Promise<boolean> {
  if (!replies?.available() || typeof ref !== 'object' || ref === null) return false;
  const got = (await send('text:insertable', { ref, lang: lang === 'zh-CN' ? 'zh-CN' : 'en' })) as { ok?: boolean; data?: { ok: boolean; text?: string } } | undefined;
  if (!got?.ok || !got.data?.ok || typeof got.data.text !== 'string') return false;
  return replies.insert(got.data.text);
}

/** One observer of the page's DOM, only while the URL can show a record: `watch(true | false)`. */
function pageWatcher(onChange: () => void, ours: () => Element | null) {
  let observer: MutationObserver | null = null;
  return (on: boolean) => {
    if (on && !observer) {
      observer = new MutationObserver((records) => {
        // Our own host's changes are not the page changing.
        if (!records.every((r) => r.target === ours())) onChange();
      });
      // The document, not its body: the script starts before the page has one (document_start).
      observer.observe(document, { childList: true, subtree: true, characterData: true });
    } else if (!on && observer) {
      observer.disconnect();
      observer = null;
    }
  };
}

// The wiring of the steps above, in start-up order; kept together (a little over 80 lines) so that order is readable in one place.
export async function runSidebar(ctx: ContentScriptContext, opts: RunOptions): Promise<void> {
  // First, before anything async: the page could otherwise stop us with a forged event.
  ignoreForgedRestarts(ctx);
  const site = opts.sites.find((s) => s.matches(new URL(location.href)));
  // A host our match patterns cover but no adapter reads (a marketing page, settings): nothing to do.
  if (!site) return;
  const replies = opts.replies ? trackReplyBox(document) : null;
  const token = crypto.randomUUID();
  // Straight to our frame once it has connected (frameNudges.ts), else to every extension context.
  const nudges = frameNudges({
    runtimeId: browser.runtime.id,
    frameOrigin: new URL(browser.runtime.getURL('/')).origin,
    token,
    onConnect: (listener) => browser.runtime.onConnect.addListener((port) => listener(port as NudgePort)),
    onHello: (port) => port.postMessage({ frontline: 'ui', type: 'exposure', exposure: frame.exposure() } satisfies ToFrame),
    broadcast: (msg) => void browser.runtime.sendMessage(msg).catch(() => undefined),
  });
  const tellFrame = (msg: ToFrame) => nudges.tell(msg);
  /** The exposure last reported to the frame (the host's guard measures it in an animation frame). */
  let exposed: Exposure = { hidden: NOT_YET_KNOWN, covered: [] };
  const frame = frameHost(site, token, {
    onExposure: (exposure) => {
      exposed = exposure;
      tellFrame({ frontline: 'ui', type: 'exposure', exposure });
    },
    setInterval: (fn, ms) => ctx.setInterval(fn, ms),
  });

  let page: PageContext | null = null;
  let lastIdentity: string | null = null;
  const patches = sitePatches(site, () => {
    lastIdentity = null;
    schedule.start();
  });
  /** Numbers the readings: the frame takes a pushed and a pulled copy of one reading once. */
  let seq = 0;
  const init = (exposure = frame.exposure()): FrameInit => ({ seq, ctx: page, canInsert: replies !== null, exposure });
  /**
   * The reading goes to the background, which pushes it with its view to our frame; the
   * data-free nudge goes to the frames too (every frame of the tab hears it), so ours can
   * pull with its token when no push comes (a stopped worker, a frame not yet connected).
   */
  const announce = () => {
    seq++;
    // With the exposure last measured, not a fresh one: measuring reads computed style and
    // boxes, which forces the page's layout right after the CRM has swapped the record in
    // (6–9 ms of an in-app switch, before the reading could leave), and the frame does not
    // take a pushed reading's exposure anyway (the nudges and its pulls bring it).
    postReading({ seq, token, init: init(exposed) });
    tellFrame({ frontline: 'ui', type: 'changed', seq });
  };
  answerFrame(frame, token, { init, replies, tellFrame });

  /** A record URL: the frame boots and the worker wakes now, while the CRM renders. */
  const prepare = () => {
    patches.fetchOnce();
    if (frame.mounted) return;
    void send('index:warm', {});
    frame.mount(); // parked; the frame asks for the context when it is ready
  };

  const readPage = (settled: boolean) => {
    const url = new URL(location.href);
    const isRecord = site.isRecord(url);
    watch(isRecord);
    if (!isRecord) return leaveRecord();
    prepare();
    const next = readRecord(site, document, url, patches.get());
    // A half-rendered page is read only by the site's own selectors; its labels and text wait until it settles.
    if (!settled && (next?.read?.layer !== 'selectors' || stillTheLastRecord(next, page))) return;
    schedule.found(next !== null);
    if (!next) return leaveRecord();
    const id = identity(next);
    if (id === lastIdentity) return;
    lastIdentity = id;
    page = { ...next, recordUrl: recordLink(site, url, next.recordId) };
    // The reading leaves first: unparking the panel docks the page, and a CRM that has just
    // rendered a record lays itself out again for it (~12 ms on the heavy demo SPA here).
    announce();
    frame.show(true);
  };

  /** Not a record (list, inbox, settings) or none rendered: the frame parks, the toolbar icon says so. */
  const leaveRecord = () => {
    if (page && frame.mounted) void send('record:none', {});
    const had = page !== null;
    page = null;
    lastIdentity = null;
    frame.show(false);
    if (had) announce();
  };

  // Reads run one at a time, so two readings of the page never interleave.
  const schedule: ReadSchedule = readSchedule((settled) => readPage(settled), {
    setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
    clearTimeout: (id) => clearTimeout(id),
    now: () => performance.now(),
  });

  const watch = pageWatcher(() => {
    frame.pageChanged();
    schedule.changed();
  }, frame.host);

  ctx.addEventListener(window, 'wxt:locationchange', () => {
    if (site.isRecord(new URL(location.href))) prepare();
    schedule.navigated();
  });
  ctx.addEventListener(window, 'resize', () => frame.pageChanged());
  // WXT notices an invalidated context (extension updated) on its own timers' ticks: keep
  // one ticking so a page that never changes still drops the dead frame within a second.
  ctx.setInterval(() => undefined, 1_000);
  ctx.onInvalidated(() => {
    watch(false);
    schedule.stop();
    frame.remove();
    replies?.stop();
  });

  schedule.start();
}
