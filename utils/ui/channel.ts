/**
 * The channel between a tab's content script and the sidebar frame it hosts. The
 * frame is an extension page (extension origin), so the page cannot read it; the two
 * talk through the extension's own messaging, never window.postMessage:
 *   frame → content script: browser.tabs.sendMessage(tabId, …) (answered)
 *   content script → frame: browser.runtime.sendMessage(…) (the frame keeps only
 *   messages whose sender is its own tab)
 * The background ignores this envelope (`frontline: 'ui'`).
 */
import type { PageContext } from '../sites/types';

export interface FrameLayout {
  open: boolean;
  width: number;
}

export type ToContent =
  | { frontline: 'ui'; type: 'ready' }
  | { frontline: 'ui'; type: 'layout'; layout: FrameLayout }
  | { frontline: 'ui'; type: 'insert'; text: string }
  | { frontline: 'ui'; type: 'focus-page' };

export type ToFrame = { frontline: 'ui'; type: 'context'; ctx: PageContext | null; canInsert: boolean } | { frontline: 'ui'; type: 'toggle' };

/** The content script's answer to `ready`. */
export interface FrameInit {
  ctx: PageContext | null;
  site: string;
  canInsert: boolean;
}

export function isUiMessage(raw: unknown): raw is ToContent | ToFrame {
  return typeof raw === 'object' && raw !== null && (raw as { frontline?: unknown }).frontline === 'ui' && typeof (raw as { type?: unknown }).type === 'string';
}

/** The frame's URL carries the site so it can read its per-site settings before the first message. */
export const FRAME_PAGE = '/sidebar.html';
