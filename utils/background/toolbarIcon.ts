/**
 * The toolbar icon says, per tab, whether Frontline has an account for the record in
 * view: the plain mark by default, the mark with a green dot once the sidebar shows a
 * matched account. Decided from replies the background already sends, so nothing is
 * kept in the worker's memory; the browser drops a tab's icon when the tab loads a new page.
 */
import { browser } from 'wxt/browser';
import { iconSet, type IconState } from '../icons';
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
  // MV3 has `action`; Firefox's MV2 build has `browserAction`.
  await (browser.action ?? browser.browserAction).setIcon({ tabId, path: iconSet(state) });
}
