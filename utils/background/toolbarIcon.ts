/**
 * The toolbar icon says, per tab, whether Frontline has an account for the record in
 * view: the plain mark by default, the mark with a green dot once the sidebar shows a
 * matched account. Decided from replies the background already sends; the browser drops a
 * tab's icon when the tab loads a new page.
 */
import { browser } from 'wxt/browser';
import { iconSet, TOOLBAR_SIZES, type IconState } from '../icons';
import type { MessageType, Request } from '../messages';
import type { SidebarView } from '../view/types';

/** The state a handled message implies for its tab, or null when it says nothing about the record. */
export function iconStateFor(type: MessageType, payload: unknown, data: unknown): IconState | null {
  if (type === 'record:none') return 'idle';
  if (type !== 'view:get') return null;
  // Browsing from the palette shows an account without it being this record's.
  if ((payload as Request<'view:get'>).focus) return null;
  return (data as SidebarView).account ? 'record' : 'idle';
}

export async function showIconState(tabId: number, state: IconState): Promise<void> {
  // MV3 has `action`; Firefox's MV2 build has `browserAction`. Only the toolbar's sizes
  // (16 px, 32 at 2×): in Chrome's worker setIcon fetches and draws each one it is given.
  await (browser.action ?? browser.browserAction).setIcon({ tabId, path: iconSet(state, TOOLBAR_SIZES) });
}

/**
 * Sets a tab's icon only when it changes within a page. In Chrome's worker each setIcon
 * fetches the images and draws them on a canvas: a profile of in-app switches here put
 * it at ~29 ms of the worker's time per switch, beside the sidebar's own render on two
 * cores. The browser drops a tab's icon when the tab loads a new document (Chromium
 * keeps it across same-document navigations, as in-app switches are), and a new document
 * has a new content script with a new token (`page`): so what was set is kept per tab
 * and page. Memory only: a woken worker knows none and sets the icon again; a change
 * without a page (the frame's own pull, leaving a record) is always set.
 */
export function iconsByPage(set: (tabId: number, state: IconState) => Promise<void>) {
  const shown = new Map<number, { state: IconState; page: string }>();
  return {
    show(tabId: number, state: IconState, page?: string): Promise<void> {
      const last = shown.get(tabId);
      if (page !== undefined && last?.page === page && last.state === state) return Promise.resolve();
      if (page === undefined) shown.delete(tabId);
      else shown.set(tabId, { state, page });
      return set(tabId, state).catch((e: unknown) => {
        // Not set after all: the next view of this page tries again.
        if (shown.get(tabId)?.page === page) shown.delete(tabId);
        throw e;
      });
    },
    forget(tabId: number): void {
      shown.delete(tabId);
    },
  };
}
