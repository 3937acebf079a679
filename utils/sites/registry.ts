/**
 * The site adapters, picked by URL: the catalog's sites (./catalog.ts) through each
 * content script's adapter list (./crm.ts, ./mail.ts). `matches` is cheap and URL-only, so a content script can decide to do
 * nothing at all on pages of no interest before it touches the DOM.
 */
import type { SitePatch, SiteRule } from '../pack/schema';
import { CRM_ADAPTERS } from './crm';
import { extractGeneric } from './generic/extract';
import { ruleFor } from './generic/rules';
import { readRecord } from './layers';
import { MAIL_ADAPTERS } from './mail';
import type { Site } from './site';
import type { PageContext } from './types';

export type { Site };

export const SITES: Site[] = [...CRM_ADAPTERS, ...MAIL_ADAPTERS];

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
