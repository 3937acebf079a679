/**
 * The channel between a tab's content script and the sidebar frame it hosts. The
 * frame is an extension page (extension origin), so the page cannot read it; the two
 * talk through the extension's own messaging, never window.postMessage:
 *   content script → its frame, once: a secret token in the frame URL's fragment. The
 *   frame sits in a closed shadow root and is cross-origin, so the page can read
 *   neither the element's `src` nor the frame's location. (It used to be posted to the
 *   frame's window; the page can post to that window too, and a flood of forged
 *   tokens that arrived first left the sidebar blank.)
 *   frame → content script: browser.tabs.sendMessage(tabId, {token, …}) (answered)
 *   content script → frames: browser.runtime.sendMessage nudges without data; the
 *   frame keeps only those whose sender is its own tab, then pulls with its token
 *   content script → background → frame: the same reading, sent once to the
 *   background, which builds the view and pushes both over the port the frame opened
 *   (utils/ui/viewPort.ts); the pull is then only the fallback
 * The background ignores this envelope (`frontline: 'ui'`).
 */
import type { PageContext } from '../sites/types';

export interface FrameLayout {
  open: boolean;
  width: number;
  /** Open beside the page (it reflows) rather than over it. */
  beside: boolean;
}

/** The frame URL's query key for the site's default placement (the frame reads the rep's choice with it as fallback). */
export const PLACEMENT_PARAM = 'panel';

/** Every frame → content script message carries the token the content script posted to its own frame. */
export type ToContent =
  | { frontline: 'ui'; token: string; type: 'ready' }
  | { frontline: 'ui'; token: string; type: 'layout'; layout: FrameLayout }
  /** A ref, never text: the content script asks the background for the text and inserts it only if customer-safe (issue 16.2). */
  | { frontline: 'ui'; token: string; type: 'insert'; ref: import('../pack/audience').TextRef; lang: 'en' | 'zh-CN' };

/**
 * Can the rep see the frame as the sidebar? `hidden`: why not (the host or an ancestor
 * is transparent, filtered, transformed, clipped, moved), or null. `covered`: cells
 * [x, y, width, height] of the frame where hit testing finds the page's content on top.
 * Geometry only, no page data.
 */
export interface Exposure {
  hidden: string | null;
  covered: [number, number, number, number][];
}

/**
 * The two `hidden` reasons only our own code gives: the host parked between records
 * (utils/content/hostGuard.ts) and the frame's state before any report. The click guard
 * holds a click that meets either instead of refusing it (utils/ui/clickGuard.ts).
 */
export const PARKED = 'hidden';
export const NOT_YET_KNOWN = 'not yet known';

/** Content script → frames of its tab: nudges only, no page data (a rogue frame in the tab hears them too). */
/**
 * The port the frame opens to its content script (`tabs.connect`), whose first message
 * proves it with the token: nudges then come on it at once (utils/content/frameNudges.ts).
 */
export const FRAME_PORT = 'frontline-frame';
export interface FrameHello {
  type: 'hello';
  token: string;
}

export type ToFrame = { frontline: 'ui'; type: 'changed'; seq?: number } | { frontline: 'ui'; type: 'toggle' } | { frontline: 'ui'; type: 'exposure'; exposure: Exposure };

/** The content script's answer to `ready`. */
export interface FrameInit {
  /** The content script's reading number: a push and a pull of the same reading are one. */
  seq?: number;
  ctx: PageContext | null;
  canInsert: boolean;
  exposure: Exposure;
}

/** The fragment key the token travels under in the frame's URL. */
export const TOKEN_PARAM = 't';

export function isUiMessage(raw: unknown): raw is ToContent | ToFrame {
  return typeof raw === 'object' && raw !== null && (raw as { frontline?: unknown }).frontline === 'ui' && typeof (raw as { type?: unknown }).type === 'string';
}

/** The frame's URL carries the site so it can read its per-site settings before the first message. */
export const FRAME_PAGE = '/sidebar.html';
