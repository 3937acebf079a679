/**
 * The channel between a tab's content script and the sidebar frame it hosts. The
 * frame is an extension page (extension origin), so the page cannot read it; the two
 * talk through the extension's own messaging, never window.postMessage:
 *   content script → its frame's window, once: a secret token (postMessage to a
 *   cross-origin window is delivered to that window alone)
 *   frame → content script: browser.tabs.sendMessage(tabId, {token, …}) (answered)
 *   content script → frames: browser.runtime.sendMessage nudges without data; the
 *   frame keeps only those whose sender is its own tab, then pulls with its token
 * The background ignores this envelope (`frontline: 'ui'`).
 */
import type { PageContext } from '../sites/types';

export interface FrameLayout {
  open: boolean;
  width: number;
}

/** Every frame → content script message carries the token the content script posted to its own frame. */
export type ToContent =
  | { frontline: 'ui'; token: string; type: 'ready' }
  | { frontline: 'ui'; token: string; type: 'layout'; layout: FrameLayout }
  | { frontline: 'ui'; token: string; type: 'insert'; text: string };

/** Content script → frames of its tab: nudges only, no page data (a rogue frame in the tab hears them too). */
export type ToFrame = { frontline: 'ui'; type: 'changed' } | { frontline: 'ui'; type: 'toggle' };

/** Posted by the content script to its own frame's window only. */
export interface TokenMessage {
  frontline: 'ui-token';
  token: string;
}

/** The content script's answer to `ready`. */
export interface FrameInit {
  ctx: PageContext | null;
  canInsert: boolean;
}

export function isUiMessage(raw: unknown): raw is ToContent | ToFrame {
  return typeof raw === 'object' && raw !== null && (raw as { frontline?: unknown }).frontline === 'ui' && typeof (raw as { type?: unknown }).type === 'string';
}

/** The frame's URL carries the site so it can read its per-site settings before the first message. */
export const FRAME_PAGE = '/sidebar.html';
