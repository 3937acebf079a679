/**
 * The sidebar frame's host in the page: created parked as soon as the tab is on a record
 * URL, so the frame's boot (load, script, settings, first render) overlaps the CRM's own
 * render instead of following it; shown when a record has been read and the frame has
 * said how it wants to be laid out; parked again between records, so an SPA keeps one
 * frame for all its records. Beside the page, it docks (dockPage.ts).
 */
import { browser } from 'wxt/browser';
import { FRAME_PAGE, PLACEMENT_PARAM, TOKEN_PARAM, type Exposure, type FrameLayout } from '../ui/channel';
import type { Site } from '../sites/site';
import { dockPage } from './dockPage';
import { guardHost, type GuardedHost } from './hostGuard';

export interface FrameHost {
  /** Creates the parked host and starts the frame's boot (nothing when it exists). */
  mount(): void;
  /** Whether there is a host (parked or shown). */
  readonly mounted: boolean;
  /** The frame's own layout, when it reports it (at boot and on every change). */
  layout(next: FrameLayout): void;
  /** Show for a record, or park. */
  show(shown: boolean): void;
  exposure(): Exposure;
  /** The page changed: a docked panel looks for new fixed boxes under it. */
  pageChanged(): void;
  /** The host element, for telling our own mutations from the page's. */
  host(): HTMLElement | null;
  remove(): void;
}

/** The panel as the frame will most likely ask for it: only the parked host's size before the frame says. */
const BOOT_LAYOUT = { open: true, width: 360 };

export function frameHost(site: Site, token: string, opts: { onExposure(e: Exposure): void; setInterval(fn: () => void, ms: number): number }): FrameHost {
  let guarded: GuardedHost | null = null;
  let layout: FrameLayout = { ...BOOT_LAYOUT, beside: site.panel === 'beside' };
  /** The frame has told its layout: until then it is not shown (a collapsed panel must not flash open). */
  let told = false;
  let wanted = false;
  const dock = dockPage(document, () => guarded?.host ?? null);

  const place = () => {
    const shown = wanted && told;
    guarded?.place({ ...layout, shown });
    dock.set(guarded && shown && layout.open && layout.beside ? layout.width : 0);
  };

  return {
    mount() {
      if (guarded) return;
      told = false;
      // Every change in what the rep can see of the frame goes to the frame, which refuses clicks meanwhile.
      guarded = guardHost({ ...layout, shown: false }, opts.onExposure, opts.setInterval);
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
    },
    get mounted() {
      return guarded !== null;
    },
    layout(next) {
      layout = next;
      told = true;
      place();
    },
    show(shown) {
      wanted = shown;
      place();
    },
    exposure: () => guarded?.exposure() ?? { hidden: 'removed', covered: [] },
    host: () => guarded?.host ?? null,
    remove() {
      dock.stop();
      guarded?.stop();
      guarded?.host.remove();
      guarded = null;
      told = false;
    },
    pageChanged: () => dock.rescanSoon(),
  };
}
