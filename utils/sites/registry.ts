/**
 * Every built-in adapter, picked by URL, for code that reads any site's page (explain,
 * the page evaluations, the unit tests). Content scripts never import this module: each
 * bundles its own site's adapter only (entrypoints/<site>.content). `matches` is cheap and
 * URL-only, so a caller can decide to do nothing at all on pages of no interest before it
 * touches the DOM.
 */
import type { SitePatch, SiteRule } from '../pack/schema';
import { SITE_CATALOG, type BuiltInSiteId } from './catalog';
import { dynamics } from './dynamics/site';
import { extractGeneric } from './generic/extract';
import { ruleFor } from './generic/rules';
import { gmail } from './gmail/site';
import { hubspot } from './hubspot/site';
import { readRecord } from './layers';
import { outlook } from './outlook/site';
import { pipedrive } from './pipedrive/site';
import { salesforce } from './salesforce/site';
import type { Site } from './site';
import type { PageContext } from './types';
import { zoho } from './zoho/site';

export type { Site };

/**
 * In the catalog's order (`siteFor` tries them in turn). Keyed by id so that a site added
 * to the catalog without its adapter here fails to compile.
 */
const adapters: { readonly [Id in BuiltInSiteId]: Site } = { salesforce, hubspot, dynamics, pipedrive, zoho, gmail, outlook };
export const SITES: Site[] = SITE_CATALOG.map((s) => adapters[s.id]);

/** The adapter for a URL, or null when no built-in site covers it. */
export function siteFor(url: URL): Site | null {
  return SITES.find((s) => s.matches(url)) ?? null;
}

/**
 * What the page says, read by the adapter for its URL; null for other sites and for pages
 * the adapter does not understand. Hosts no built-in adapter covers fall to the pack's
 * `sites` rules, when given.
 */
export function extractPage(doc: Document, url: URL, rules: readonly SiteRule[] = [], patches: readonly SitePatch[] = []): PageContext | null {
  const site = siteFor(url);
  if (site) return readRecord(site, doc, url, patches);
  return rules.length ? extractGeneric(doc, url, rules) : null;
}

/** Does anything read this URL: a built-in site or one of the pack's rules? (URL only, for deciding to do nothing at all.) */
export function handles(url: URL, rules: readonly SiteRule[] = []): boolean {
  return !!siteFor(url) || !!ruleFor(url, rules);
}
