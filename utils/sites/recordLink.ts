/**
 * The record's link for an "Ask for help" message, made by the content script from the
 * site adapter's own URL reading (`site.record`), so it is the record the sidebar shows
 * and nothing else the address bar holds.
 *
 * The query is always dropped: CRMs and webmail put search terms, filters, e-mail
 * addresses and tracking in it (`?q=acme+pricing`, `?c__email=…`), which is customer
 * data that must not leave in a chat message. The fragment is dropped too, except on
 * sites whose record id lives in it (Gmail `#inbox/<thread id>`); there it is kept only
 * as `#<label>/<id>` with a one-word system label, never a search (`#search/acme/<id>`)
 * or a user label (`#label/Acme+deal/<id>`), whose words could be customer data.
 */
import type { RecordType } from './types';

interface RecordReader {
  record(url: URL): { recordType: RecordType; recordId: string } | null;
}

/** `#inbox/<id>`: the only fragment shape kept. Exported for the background's check of the same link. */
export const KEPT_FRAGMENT = /^#([a-z]+)\/([A-Za-z0-9_-]+)$/;

export function recordLink(site: RecordReader, url: URL, recordId: string | null): string | null {
  if (url.protocol !== 'https:' || !recordId || url.username || url.password) return null;
  const names = (u: URL) => site.record(u)?.recordId === recordId;
  const bare = new URL(`${url.origin}${url.pathname}`);
  if (names(bare)) return bare.href;
  const m = KEPT_FRAGMENT.exec(url.hash);
  if (!m || m[1] === 'search' || m[2] !== recordId) return null;
  const withHash = new URL(`${bare.href}${url.hash}`);
  return names(withHash) ? withHash.href : null;
}
