/**
 * The site adapters, picked by URL. Adding a site is one folder under utils/sites/ and
 * one entry here. `matches` is cheap and URL-only, so a content script can decide to do
 * nothing at all on pages of no interest before it touches the DOM.
 */
import type { SiteRule } from '../pack/schema';
import { extract as dynamics } from './dynamics/extract';
import { matchesDynamics } from './dynamics/urls';
import { extractGeneric } from './generic/extract';
import { ruleFor } from './generic/rules';
import { extract as gmail } from './gmail/extract';
import { matchesGmail } from './gmail/urls';
import { extract as hubspot } from './hubspot/extract';
import { matchesHubSpot } from './hubspot/urls';
import { extract as outlook } from './outlook/extract';
import { matchesOutlook } from './outlook/urls';
import { extract as pipedrive } from './pipedrive/extract';
import { matchesPipedrive } from './pipedrive/urls';
import { extract as salesforce } from './salesforce/extract';
import { matchesSalesforce } from './salesforce/urls';
import type { Extractor, PageContext, SiteId } from './types';
import { extract as zoho } from './zoho/extract';
import { matchesZoho } from './zoho/urls';

export interface Site {
  id: SiteId;
  matches: (url: URL) => boolean;
  extract: Extractor;
}

export const SITES: Site[] = [
  { id: 'salesforce', matches: matchesSalesforce, extract: salesforce },
  { id: 'hubspot', matches: matchesHubSpot, extract: hubspot },
  { id: 'dynamics', matches: matchesDynamics, extract: dynamics },
  { id: 'pipedrive', matches: matchesPipedrive, extract: pipedrive },
  { id: 'zoho', matches: matchesZoho, extract: zoho },
  { id: 'gmail', matches: matchesGmail, extract: gmail },
  { id: 'outlook', matches: matchesOutlook, extract: outlook },
];

/** The adapter for a URL, or null when no built-in site covers it. */
export function siteFor(url: URL): Site | null {
  return SITES.find((s) => s.matches(url)) ?? null;
}

/**
 * What the page says, read by the adapter for its URL; null for other sites and for pages
 * the adapter does not understand. Hosts no built-in adapter covers fall to the pack's
 * `sites` rules, when given.
 */
export function extractPage(doc: Document, url: URL, rules: readonly SiteRule[] = []): PageContext | null {
  const site = siteFor(url);
  if (site) return site.extract(doc, url);
  return rules.length ? extractGeneric(doc, url, rules) : null;
}

/** Does anything read this URL: a built-in site or one of the pack's rules? (URL only, for deciding to do nothing at all.) */
export function handles(url: URL, rules: readonly SiteRule[] = []): boolean {
  return !!siteFor(url) || !!ruleFor(url, rules);
}
