/**
 * Outlook on the web URL predicates and item-id parsing. Pure; the table of shapes is in
 * tests/unit/sites/outlook.test.ts.
 */

/** Work/school (`outlook.office.com`, `outlook.office365.com`) and personal (`outlook.live.com`) mail. */
export function isOutlookHost(host: string): boolean {
  return /^outlook\.(?:office\.com|office365\.com|live\.com)$/i.test(host);
}

export const matchesOutlook = (url: URL): boolean => url.protocol === 'https:' && isOutlookHost(url.hostname) && /^\/mail(?:\/|$)/.test(url.pathname);

/**
 * The open item's id, or null when no message is open.
 *
 * - `/mail/inbox/id/AAQkADAwATM0MDAAMS1hYjY3LTk3ZTQtMDACLTAwCgAQAGz%2B…%3D` — item in a folder
 *   (the id is URL-encoded base64; returned decoded).
 * - `/mail/0/inbox/id/<id>` — outlook.live.com with the account index.
 * - `/mail/id/<id>`, `/mail/sentitems/id/<id>`, `/mail/archive/id/<id>`, `/mail/search/id/<id>`,
 *   `/mail/AAMkADk…/id/<id>` (a custom folder by id).
 * - `/mail/deeplink/read/<id>` — an item opened in its own window.
 * - Not an item: `/mail/`, `/mail/inbox`, `/mail/0/`, `/mail/deeplink/compose`, `/mail/options/…`.
 */
export function parseItemId(url: URL): string | null {
  const m = url.pathname.match(/^\/mail\/(?:\d+\/)?(?:[^/]+\/)?id\/([^/]+)\/?$/) ?? url.pathname.match(/^\/mail\/(?:\d+\/)?deeplink\/read\/([^/]+)\/?$/);
  if (!m) return null;
  let id = m[1];
  try {
    id = decodeURIComponent(id);
  } catch {
    /* keep as is */
  }
  return /^[A-Za-z0-9+/=_-]{16,}$/.test(id) ? id : null;
}
