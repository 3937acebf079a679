/**
 * HubSpot URL predicates and record parsing. Pure; the table of shapes is in
 * tests/unit/sites/hubspot.test.ts.
 */
import type { RecordType } from '../types';
import { idFromHref } from '../links';

/**
 * The CRM app: `app.hubspot.com` and the regional data centres `app-eu1.hubspot.com`,
 * `app-na2.hubspot.com`, `app-ap1.hubspot.com`… Not the marketing site (`www.`), not
 * `api.` or the `*.hs-sites.com` / `*.hubspotpagebuilder.com` content hosts.
 */
export function isHubSpotHost(host: string): boolean {
  return /^app(?:-[a-z]{2,3}\d+)?\.hubspot\.com$/i.test(host);
}

export const matchesHubSpot = (url: URL): boolean => url.protocol === 'https:' && isHubSpotHost(url.hostname);

/** Standard object type ids (custom objects are `2-<n>` and are not read). */
export const OBJECT_TYPES: Readonly<Record<string, RecordType>> = {
  '0-1': 'contact',
  '0-2': 'company',
  '0-3': 'deal',
  '0-5': 'ticket',
};

const LEGACY: Readonly<Record<string, string>> = { contact: '0-1', company: '0-2', deal: '0-3', ticket: '0-5' };

export interface HubSpotRecordRef {
  portalId: string;
  objectTypeId: string;
  recordType: RecordType;
  id: string;
}

/**
 * The record a HubSpot URL shows, or null.
 *
 * - `/contacts/4411223/record/0-2/9876543210` — record page, all object types (since 2021;
 *   the path says `contacts` for every object). Trailing segments (`/view/1`), a query
 *   (`?interaction=note`) or a hash do not change the record.
 * - `/contacts/4411223/company/9876543210`, `/deal/…`, `/contact/…`, `/ticket/…` — the
 *   pre-2021 shapes, still redirected by old bookmarks and e-mail links.
 * - `/help-desk/4411223/…/ticket/123` — a ticket opened in the Help Desk workspace (2024).
 * - Not a record: `/contacts/4411223/objects/0-1/views/all/list` (index), `…/views/all/board`,
 *   `/contacts/4411223/companies`, `/contacts/4411223/record/2-1234567/55` (custom object),
 *   `/settings/…`, `/reports-dashboard/…`, `/live-messages/…`.
 */
export function parseRecordUrl(url: URL): HubSpotRecordRef | null {
  const path = url.pathname;
  let m = path.match(/^\/contacts\/(\d+)\/record\/(\d+-\d+)\/(\d+)(?:\/|$)/);
  if (m) {
    const recordType = OBJECT_TYPES[m[2]];
    return recordType ? { portalId: m[1], objectTypeId: m[2], recordType, id: m[3] } : null;
  }
  m = path.match(/^\/contacts\/(\d+)\/(contact|company|deal|ticket)\/(\d+)(?:\/|$)/);
  if (m) return { portalId: m[1], objectTypeId: LEGACY[m[2]], recordType: OBJECT_TYPES[LEGACY[m[2]]], id: m[3] };
  m = path.match(/^\/help-desk\/(\d+)\/(?:.*\/)?ticket\/(\d+)(?:\/|$)/);
  if (m) return { portalId: m[1], objectTypeId: '0-5', recordType: 'ticket', id: m[2] };
  return null;
}

/** The id of a company a link points at (`/contacts/<portal>/record/0-2/<id>` or `/company/<id>`), or null. */
export const companyIdFromHref = (href: string | null | undefined, base: URL): string | null => idFromHref(href, base, parseRecordUrl, (r) => r.recordType === 'company');
