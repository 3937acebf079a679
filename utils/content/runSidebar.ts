/**
 * The content-script side: read the page with the site's adapter and host the sidebar
 * frame. The sidebar itself (entrypoints/sidebar/) runs in an extension-origin iframe, so
 * pack content never enters the page's DOM and the page's CSS cannot reach it; this
 * script stays small. Everything is tied to `ctx`: when the extension is updated the
 * old frame removes itself quietly.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { panelBeside, panelOpen, panelWidth } from '../settings';
import type { PageContext } from '../sites/types';
import type { Site } from '../sites/site';
import { readRecord } from '../sites/layers';
import type { SitePatch } from '../pack/schema';
import { FRAME_PAGE, isUiMessage, PLACEMENT_PARAM, TOKEN_PARAM, type FrameInit, type FrameLayout, type ToFrame } from '../ui/channel';
import { isToggle } from './toggle';
import { trackReplyBox } from './replyBox';
import { guardHost, type GuardedHost } from './hostGuard';
import { dockPage } from './dockPage';
import { ignoreForgedRestarts } from './restartGuard';

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

export async function runSidebar(ctx: ContentScriptContext, opts: RunOptions): Promise<void> {
  // First, before anything async: the page could otherwise stop us with a forged event.
  ignoreForgedRestarts(ctx);
  const site = opts.sites.find((s) => s.matches(new URL(location.href)));
  // A host our match patterns cover but no adapter reads (a marketing page, settings): nothing to do.
  if (!site) return;
  const [open, width, beside] = await Promise.all([panelOpen(site.id).getValue(), panelWidth(site.id).getValue(), panelBeside(site.id, site.panel === 'beside').getValue()]);
  let layout: FrameLayout = { open, width, beside };
  /** Beside the page: the page gives the open panel its width (nothing while closed to the rail, or over the page). */
  const dock = dockPage(document, () => guarded?.host ?? null);
  const placeDock = () => dock.set(guarded && layout.open && layout.beside ? layout.width : 0);
  const replies = opts.replies ? trackReplyBox(document) : null;

  let page: PageContext | null = null;
  /** The pack's patches for this site: asked for once, without holding up the first read (most packs have none). */
  let patches: SitePatch[] = [];
  let lastIdentity: string | null = null;
  let guarded: GuardedHost | null = null;
  const frameOrigin = new URL(browser.runtime.getURL('/')).origin;
  const token = crypto.randomUUID();

  const tellFrame = (msg: ToFrame) => void browser.runtime.sendMessage(msg).catch(() => undefined);

  const mount = () => {
    if (guarded) return;
    // Every change in what the rep can see of the frame goes to the frame, which refuses clicks meanwhile.
    guarded = guardHost(layout, (exposure) => tellFrame({ frontline: 'ui', type: 'exposure', exposure }), (fn, ms) => ctx.setInterval(fn, ms));
    const frame = document.createElement('iframe');
    // The token rides in the fragment: it never leaves the browser, the page can read
    // neither this element (closed root) nor the frame's location (cross-origin), and a
    // frame the page loads itself never learns it, so it gets no context and cannot
    // insert text. (Firefox handshake work: this is the only place the token is handed over.)
    frame.src = `${browser.runtime.getURL(FRAME_PAGE as '/options.html')}?site=${encodeURIComponent(site.id)}&${PLACEMENT_PARAM}=${site.panel}#${TOKEN_PARAM}=${token}`;
    frame.title = 'Frontline';
    frame.allow = 'clipboard-write';
    frame.setAttribute('style', 'border:0;width:100%;height:100%;display:block;background:transparent;color-scheme:normal');
    guarded.root.append(frame);
    document.documentElement.append(guarded.host);
    placeDock();
  };
  const unmount = () => {
    dock.stop();
    guarded?.stop();
    guarded?.host.remove();
    guarded = null;
  };
  ctx.onInvalidated(() => {
    unmount();
    replies?.stop();
  });

  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    if (isToggle(raw)) {
      tellFrame({ frontline: 'ui', type: 'toggle' });
      return undefined;
    }
    // From our sidebar frame only (an extension page), never from anything else.
    if (!isUiMessage(raw) || !sender.url?.startsWith(frameOrigin) || !('token' in raw) || raw.token !== token) return undefined;
    switch (raw.type) {
      case 'ready':
        return Promise.resolve<FrameInit>({ ctx: page, canInsert: replies !== null, exposure: guarded?.exposure() ?? { hidden: 'removed', covered: [] } });
      case 'layout':
        layout = { open: Boolean(raw.layout.open), width: Number(raw.layout.width) || layout.width, beside: Boolean(raw.layout.beside) };
        guarded?.place(layout);
        placeDock();
        return undefined;
      case 'insert':
        return Promise.resolve(replies?.insert(String(raw.text)) ?? false);
      default:
        return undefined;
    }
  });

  let observer: MutationObserver | null = null;
  // Refreshes run one after another, so two readings of the page never interleave.
  let queue: Promise<void> = Promise.resolve();
  const refresh = () => (queue = queue.then(readPage, readPage));
  /**
   * The pack's patches for this site, asked for once, on the first record URL (lists and
   * inboxes wake no worker for it), without holding up that first read.
   */
  let patchesAsked = false;
  const askPatches = () => {
    patchesAsked = true;
    void browser.runtime
      .sendMessage({ frontline: 1, type: 'sites:patches', payload: { site: site.id } })
      .then((r: { ok?: boolean; data?: SitePatch[] } | undefined) => {
        if (r?.ok && Array.isArray(r.data) && r.data.length) {
          patches = r.data;
          lastIdentity = null;
          void refresh();
        }
      })
      .catch(() => undefined);
  };

  const readPage = async () => {
    const url = new URL(location.href);
    if (!patchesAsked && site.isRecord(url)) askPatches();
    // URL first: on lists, inboxes and settings we read no DOM and watch no mutations.
    const next = site.isRecord(url) ? readRecord(site, document, url, patches) : null;
    watch(site.isRecord(url));
    if (!next) {
      // Not a record (list, inbox, settings): no sidebar at all, and the toolbar icon says so.
      if (guarded) void browser.runtime.sendMessage({ frontline: 1, type: 'record:none', payload: {} }).catch(() => undefined);
      page = null;
      lastIdentity = null;
      unmount();
      return;
    }
    const id = identity(next);
    if (id === lastIdentity) return;
    lastIdentity = id;
    page = next;
    // Only a nudge goes out (every frame of the tab hears it); our frame pulls the context with its token.
    if (guarded) tellFrame({ frontline: 'ui', type: 'changed' });
    else {
      // Wake the worker and build its index while the frame boots, not after.
      void browser.runtime.sendMessage({ frontline: 1, type: 'index:warm', payload: {} }).catch(() => undefined);
      mount(); // the new frame asks for the context when it is ready
    }
  };

  // DOM changes come in bursts: wait for a quiet moment, but never longer than MAX_WAIT
  // (a page that never stops mutating still gets read). A URL change is read at once,
  // after one short beat for the SPA to swap the record in.
  const QUIET = 200;
  const MAX_WAIT = 1_000;
  let timer: number | undefined;
  let firstPending: number | null = null;
  let urgentAt: number | null = null;
  const schedule = (delay = QUIET) => {
    clearTimeout(timer);
    const now = performance.now();
    firstPending ??= now;
    // A mutation burst right after a URL change must not push the URL's read back.
    if (delay < QUIET) urgentAt = Math.min(urgentAt ?? Infinity, now + delay);
    const wait = Math.max(0, Math.min(delay, firstPending + MAX_WAIT - now, (urgentAt ?? Infinity) - now));
    timer = ctx.setTimeout(() => {
      firstPending = null;
      urgentAt = null;
      void refresh();
    }, wait);
  };

  /** One debounced observer, only while the URL can show a record. */
  function watch(on: boolean) {
    if (on && !observer) {
      observer = new MutationObserver((records) => {
        // Our own host's changes are not the page changing.
        if (records.every((r) => r.target === guarded?.host)) return;
        dock.rescanSoon();
        schedule();
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    } else if (!on && observer) {
      observer.disconnect();
      observer = null;
    }
  }

  ctx.addEventListener(window, 'wxt:locationchange', () => schedule(50));
  ctx.addEventListener(window, 'resize', () => dock.rescanSoon());
  // WXT notices an invalidated context (extension updated) on its own timers' ticks: keep
  // one ticking so a page that never changes still drops the dead frame within a second.
  ctx.setInterval(() => undefined, 1_000);
  ctx.onInvalidated(() => {
    observer?.disconnect();
    clearTimeout(timer);
  });

  await refresh();
}
