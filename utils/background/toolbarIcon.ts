/**
 * The toolbar icon says, per tab, whether Frontline has an account for the record in
 * view: the plain mark by default, the mark with a green dot once the sidebar shows a
 * matched account. Decided from replies the background already sends; the browser drops a
 * tab's icon when the tab loads a new page.
 */
import { browser } from 'wxt/browser';
import { iconPixelsPath, iconSet, TOOLBAR_SIZES, type IconState } from '../icons';
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
  // MV3 has `action`; Firefox's MV2 build has `browserAction`. Only the toolbar's sizes (16 px, 32 at 2×).
  const action = browser.action ?? browser.browserAction;
  // Chrome's worker, given paths, fetches each PNG and draws it on an OffscreenCanvas to
  // read its pixels back (~53 ms of the worker's time per page in a profile here): it is
  // given the pixels instead. Firefox's background page sets paths (its build has no pixel files).
  if ('ServiceWorkerGlobalScope' in globalThis) {
    const imageData = await toolbarPixels(state).catch(() => null);
    if (imageData) return action.setIcon({ tabId, imageData });
  }
  await action.setIcon({ tabId, path: iconSet(state, TOOLBAR_SIZES) });
}

/** Per state, the toolbar sizes' pixels. Memory only, as a cache: a woken worker fetches them again (~1 ms). */
const pixels = new Map<IconState, Promise<Record<string, ImageData>>>();

function toolbarPixels(state: IconState): Promise<Record<string, ImageData>> {
  let got = pixels.get(state);
  if (!got) {
    got = Promise.all(
      TOOLBAR_SIZES.map(async (size) => {
        // Relative to the worker's script: the extension's root.
        const res = await fetch(`/${iconPixelsPath(state, size)}`);
        if (!res.ok) throw new Error(`${iconPixelsPath(state, size)}: ${res.status}`);
        return [String(size), new ImageData(new Uint8ClampedArray(await res.arrayBuffer()), size, size)] as const;
      }),
    ).then((sizes) => Object.fromEntries(sizes));
    // Not kept when it failed: the next set tries again, with paths meanwhile.
    got.catch(() => pixels.delete(state));
    pixels.set(state, got);
  }
  return got;
}

/**
 * Sets a tab's icon only when it changes within a page. Each setIcon is work for the
 * worker beside the sidebar's own render on two cores (when it drew PNGs on a canvas, a
 * profile of in-app switches here put it at ~29 ms per switch). The browser drops a tab's
 * icon when the tab loads a new document (Chromium keeps it across same-document
 * navigations, as in-app switches are), and a new document has a new content script with
 * a new token (`page`): so what was set is kept per tab and page. Memory only: a woken
 * worker knows none and sets the icon again; a change without a page (the frame's own
 * pull, leaving a record) is always set.
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
