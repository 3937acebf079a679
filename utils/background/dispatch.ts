/**
 * Answers one admitted request: runs its handler, then what the request declares it
 * may have changed (utils/messages.ts REQUESTS) — a request that can change the active
 * pack re-registers the site-rule content script; read-only ones never do.
 */
import { CHANGES_PACK, type MessageType } from '../messages';
import type { Reply } from '../envelope';

/** Where an admitted request came from, for the handlers that answer per tab. */
export interface From {
  tabId?: number;
  frameId?: number;
  /** One of our extension pages (the sidebar frame included), not a content script. */
  extensionPage: boolean;
}

export interface DispatchDeps {
  handler: (type: MessageType) => (payload: unknown, from?: From) => Promise<unknown>;
  /** Re-registers the site-rule content script from the active pack's rules. */
  resyncSites: () => void;
  /** Told of every answer (the toolbar icon follows the view). */
  answered?: (type: MessageType, payload: unknown, data: unknown) => void;
}

export function dispatch(deps: DispatchDeps, type: MessageType, payload: unknown, from?: From): Promise<Reply<unknown>> {
  return deps.handler(type)(payload, from).then(
    (data) => {
      if (CHANGES_PACK.has(type)) deps.resyncSites();
      deps.answered?.(type, payload, data);
      return { ok: true as const, data };
    },
    (e: unknown) => ({ ok: false as const, error: e instanceof Error ? e.message : String(e) }),
  );
}
