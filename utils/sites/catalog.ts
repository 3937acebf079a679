/**
 * Every built-in site, by its info (./info.ts). Adding a site is a folder under
 * utils/sites/, one line here, its adapter in ./registry.ts and its content script
 * (entrypoints/<site>.content/index.ts, a sibling's with the names changed); site ids,
 * the schemas' picklists, the content scripts' match patterns and explain's wording all
 * derive from this list. Pure data: the background and the options page import it
 * without any adapter code.
 */
import { info as dynamics } from './dynamics/info';
import { info as gmail } from './gmail/info';
import { info as hubspot } from './hubspot/info';
import type { SiteKind } from './info';
import { info as outlook } from './outlook/info';
import { info as pipedrive } from './pipedrive/info';
import { info as salesforce } from './salesforce/info';
import { info as zoho } from './zoho/info';

/** In the order the registry tries them (`siteFor`). */
export const SITE_CATALOG = [salesforce, hubspot, dynamics, pipedrive, zoho, gmail, outlook] as const;

export type BuiltInSite = (typeof SITE_CATALOG)[number];
export type BuiltInSiteId = BuiltInSite['id'];

// Pure annotations: a content script that imports only types or adapters leaves the catalog out of its bundle.
export const BUILT_IN_SITE_IDS: readonly BuiltInSiteId[] = /* @__PURE__ */ SITE_CATALOG.map((s) => s.id);

/** The self-hosted CRM the pack's `sites` rules read (utils/sites/generic/). */
export const GENERIC_SITE = { id: 'generic', label: 'a self-hosted CRM (pack rule)' } as const;

type SiteId = BuiltInSiteId | typeof GENERIC_SITE.id;
export const SITE_IDS: readonly SiteId[] = /* @__PURE__ */ ([] as SiteId[]).concat(BUILT_IN_SITE_IDS, GENERIC_SITE.id);

export const RECORD_TYPES = ['account', 'opportunity', 'contact', 'lead', 'case', 'company', 'deal', 'ticket', 'organization', 'person', 'thread', 'record'] as const;

export const sitesOfKind = <K extends SiteKind>(kind: K): Extract<BuiltInSite, { kind: K }>[] =>
  SITE_CATALOG.filter((s): s is Extract<BuiltInSite, { kind: K }> => s.kind === kind);

export function infoOf(id: BuiltInSiteId): BuiltInSite {
  return SITE_CATALOG.find((s) => s.id === id)!;
}
