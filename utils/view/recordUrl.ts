/**
 * The background's check of the record link the content script sent (ctx.recordUrl)
 * before it goes into an "Ask for help" message: https, on one of the site's own hosts
 * (the catalog's match patterns; for a self-hosted CRM a host of the pack's site rules),
 * naming the record id the adapter read, with no query and at most the `#<label>/<id>`
 * fragment (utils/sites/recordLink.ts says why). Anything else: no link in the message.
 */
import { infoOf, type BuiltInSiteId } from '../sites/catalog';
import { KEPT_FRAGMENT } from '../sites/recordLink';
import type { PageContext } from '../sites/types';

/** A match pattern's host part (`*.lightning.force.com`) against a host name, as the browser matches it. */
export function hostMatches(pattern: string, host: string): boolean {
  const m = /^https:\/\/([^/]+)\//.exec(pattern);
  if (!m) return false;
  const p = m[1].toLowerCase();
  const h = host.toLowerCase();
  if (p.startsWith('*.')) return h === p.slice(2) || h.endsWith(p.slice(1));
  return h === p;
}

export function checkedRecordUrl(ctx: PageContext, packHosts: readonly string[]): string | null {
  if (!ctx.recordUrl || !ctx.recordId) return null;
  let u: URL;
  try {
    u = new URL(ctx.recordUrl);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || u.username || u.password || u.search || u.port) return null;
  if (u.hash && !(KEPT_FRAGMENT.test(u.hash) && !u.hash.startsWith('#search/'))) return null;
  const hostOk =
    ctx.site === 'generic'
      ? packHosts.some((h) => hostMatches(`https://${h}/`, u.hostname))
      : infoOf(ctx.site as BuiltInSiteId).hosts.some((p) => hostMatches(p, u.hostname));
  if (!hostOk) return null;
  const id = ctx.recordId;
  const inPath = decodeURIComponent(u.pathname).split('/').includes(id);
  const inHash = u.hash.endsWith(`/${id}`);
  return inPath || inHash ? u.href : null;
}
