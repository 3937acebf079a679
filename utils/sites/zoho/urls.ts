/**
 * Zoho CRM URL predicates and record parsing. Pure; the table of shapes is in
 * tests/unit/sites/zoho.test.ts.
 */
import type { RecordType } from '../types';
import { idFromHref } from '../links';

/**
 * Zoho CRM data centres: `crm.zoho.com` (US), `crm.zoho.eu`, `crm.zoho.in`, `crm.zoho.com.au`,
 * `crm.zoho.jp`, `crm.zoho.com.cn`, `crm.zoho.sa`, `crm.zoho.uk`, `crm.zohocloud.ca`.
 * Not Zoho Bigin, Desk or Creator (`bigin.zoho.com`, `desk.zoho.com`, `creator.zoho.com`).
 */
export function isZohoHost(host: string): boolean {
  return /^crm\.zoho(?:cloud)?\.(?:com|eu|in|com\.au|jp|com\.cn|sa|uk|ca)$/i.test(host);
}

export const matchesZoho = (url: URL): boolean => url.protocol === 'https:' && isZohoHost(url.hostname);

/** Module names as they appear in URLs ("Potentials" is the Deals module's URL name). */
export const MODULE_RECORD_TYPE: Readonly<Record<string, RecordType>> = {
  Accounts: 'account',
  Potentials: 'deal',
  Deals: 'deal',
  Contacts: 'contact',
  Leads: 'lead',
};

export interface ZohoRecordRef {
  module: string;
  id: string;
  recordType: RecordType;
}

/**
 * The record a Zoho CRM URL shows, or null.
 *
 * - `/crm/org20071234567/tab/Accounts/4876876000000331001` — record detail page (orgs with
 *   several organisations carry `org<id>`); `/tab/Potentials/<id>` for deals, `/tab/Deals/<id>` too.
 * - `/crm/tab/Accounts/4876876000000331001` — single-organisation accounts.
 * - `/crm/EntityInfo.do?module=Potentials&id=4876876000000331001` — classic UI links.
 * - Not a record: `…/tab/Accounts/custom-view/4876876000000087501/list` (list), `…/kanban`,
 *   `…/tab/Accounts/<id>/edit` (edit form), `…/tab/Home/begin`, `…/settings/…`, custom modules.
 */
export function parseRecordUrl(url: URL): ZohoRecordRef | null {
  let m = url.pathname.match(/^\/crm\/(?:org\d+\/)?tab\/([A-Za-z_]+)\/(\d{10,25})\/?$/);
  if (!m && /^\/crm\/(?:org\d+\/)?EntityInfo\.do$/.test(url.pathname)) {
    const module = url.searchParams.get('module') ?? '';
    const id = url.searchParams.get('id') ?? '';
    if (/^\d{10,25}$/.test(id)) m = ['', module, id] as unknown as RegExpMatchArray;
  }
  if (!m) return null;
  const recordType = MODULE_RECORD_TYPE[m[1]];
  return recordType ? { module: m[1], id: m[2], recordType } : null;
}

/** The account id a lookup link points at (`/crm/org…/tab/Accounts/<id>`), or null. */
export const accountIdFromHref = (href: string | null | undefined, base: URL): string | null => idFromHref(href, base, parseRecordUrl, (r) => r.recordType === 'account');
