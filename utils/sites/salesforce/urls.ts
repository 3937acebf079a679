/**
 * Salesforce URL predicates and record-id parsing. Pure; every shape we know is listed
 * below with an example, and tests/unit/sites/salesforce.test.ts holds the table.
 */
import type { RecordType } from '../types';
import { idFromHref } from '../links';

/** The standard objects we read, by API name. */
export const OBJECT_RECORD_TYPE: Readonly<Record<string, RecordType>> = {
  Account: 'account',
  Opportunity: 'opportunity',
  Contact: 'contact',
  Lead: 'lead',
  Case: 'case',
};

/** Key prefixes: the first three characters of every record id name its object. */
export const KEY_PREFIX: Readonly<Record<string, string>> = {
  '001': 'Account',
  '006': 'Opportunity',
  '003': 'Contact',
  '00Q': 'Lead',
  '500': 'Case',
};

/**
 * Record ids are 15 characters (case-sensitive) or 18 (case-safe, 3-character checksum).
 * A 19th character is tolerated: the demo org's opportunity id in scripts/demo/routes.ts
 * has one, and nothing but the key prefix is ever read from an id.
 */
const ID = '[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3,4})?';
const ID_RE = new RegExp(`^${ID}$`);

export const isRecordId = (s: string): boolean => ID_RE.test(s);

/**
 * Hosts:
 * - Lightning: `acme.lightning.force.com`, sandboxes `acme--uat.sandbox.lightning.force.com`,
 *   dev orgs `acme-dev-ed.develop.lightning.force.com`;
 * - My Domain (Classic, and where Lightning redirects from): `acme.my.salesforce.com`,
 *   `acme--uat.sandbox.my.salesforce.com`, `acme-dev-ed.develop.my.salesforce.com`;
 * - Classic instances without My Domain: `na85.salesforce.com`, `eu12.salesforce.com`, `cs42.salesforce.com`.
 * Not: Visualforce (`*.visual.force.com`, `*.vf.force.com`) and Experience Cloud sites
 * (`*.my.site.com`, `*.force.com` communities), whose pages are not record pages.
 */
export function isSalesforceHost(host: string): boolean {
  const h = host.toLowerCase();
  if (/\.(?:visual|vf|visualforce)\.force\.com$/.test(h) || /\.(?:my\.)?site\.com$/.test(h)) return false;
  if (/\.lightning\.force\.com$/.test(h)) return true;
  if (/\.my\.salesforce\.com$/.test(h)) return true;
  return /^[a-z]{2,4}\d+\.salesforce\.com$/.test(h);
}

export const matchesSalesforce = (url: URL): boolean => url.protocol === 'https:' && isSalesforceHost(url.hostname);

export interface SalesforceRecordRef {
  /** Object API name from the URL, or from the key prefix when the URL omits it. */
  object: string;
  id: string;
  /** Our record type, or null for an object we do not read (custom objects, Task…). */
  recordType: RecordType | null;
  ui: 'lightning' | 'classic';
}

function ref(object: string | null, id: string, ui: SalesforceRecordRef['ui']): SalesforceRecordRef | null {
  if (!isRecordId(id)) return null;
  const obj = object ?? KEY_PREFIX[id.slice(0, 3)] ?? null;
  if (!obj) return null;
  return { object: obj, id, recordType: OBJECT_RECORD_TYPE[obj] ?? null, ui };
}

/**
 * The record a Salesforce URL shows, or null for anything that is not one record's page.
 *
 * Lightning:
 * - `/lightning/r/Opportunity/0065g00000AbCdEAAZ/view` — record page (also `/edit`, an
 *   edit modal over the same record). In console apps the focused subtab is the path and
 *   the workspace tab rides along in `?ws=/lightning/r/Account/…/view`; we read the path.
 * - `/lightning/r/0065g00000AbCdEAAZ/view` — object omitted, taken from the key prefix.
 * - `/one/one.app#/sObject/0065g00000AbCdEAAZ/view` — pre-2018 hash routes, still redirected.
 * - Not a record: `/lightning/r/Account/<id>/related/Contacts/view` (a related list),
 *   `/lightning/o/Account/list?filterName=Recent` (list view), `/lightning/o/Account/home`,
 *   `/lightning/page/home`, `/lightning/setup/…`, `/lightning/n/<tab>`.
 *
 * Classic:
 * - `/0065g00000AbCdE` or `/0065g00000AbCdEAAZ` (detail page), optionally with `?srPos=…`.
 * - Not a record: `/006/o` (tab home), `/006?fcf=…` (list view), `/0065g00000AbCdE/e` (edit form).
 */
export function parseRecordUrl(url: URL): SalesforceRecordRef | null {
  const path = url.pathname.replace(/\/+$/, '');
  let m = path.match(new RegExp(`^/lightning/r/(?:([A-Za-z][A-Za-z0-9_]*)/)?(${ID})/(view|edit)$`));
  if (m) return ref(m[1] ?? null, m[2], 'lightning');
  if (path === '/one/one.app') {
    m = url.hash.match(new RegExp(`^#/sObject/(${ID})/view(?:[/?]|$)`));
    return m ? ref(null, m[1], 'lightning') : null;
  }
  m = path.match(new RegExp(`^/(${ID})$`));
  if (m) return ref(null, m[1], 'classic');
  return null;
}

/**
 * An account id from a lookup link's href (`/lightning/r/Account/001…/view`,
 * `/lightning/r/001…/view`, Classic `/001…`); null when the link is not an account.
 */
export const accountIdFromHref = (href: string | null | undefined, base: URL): string | null => idFromHref(href, base, parseRecordUrl, (r) => r.object === 'Account');
