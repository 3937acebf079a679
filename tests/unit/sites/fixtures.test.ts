/**
 * Every committed page fixture must give its expected context (deep equal, text included),
 * both through the registry and the way the content script reads a page (the site's URL
 * check first, DOM only on a record URL), and the text must contain / leave out the key
 * phrases listed beside it.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SiteRule } from '../../../utils/pack/schema';
import { genericSite } from '../../../utils/sites/generic/site';
import { readRecord } from '../../../utils/sites/layers';
import { extractPage, SITES } from '../../../utils/sites/registry';
import type { Site } from '../../../utils/sites/site';
import { fixtures, load, type Fixture } from './helpers';

const all = fixtures();

/** The adapter the content script runs on this URL: a built-in site, or the pack's rules on a self-hosted host. */
function contentScriptSite(url: URL, rules: readonly SiteRule[] | undefined): Site | undefined {
  return (rules?.length ? [genericSite(rules)] : SITES).find((s) => s.matches(url));
}

/** What utils/content/runSidebar.ts reads: nothing unless the URL names a record, then the record's layers. */
function readLikeContentScript(f: Fixture) {
  const url = new URL(f.url);
  const site = contentScriptSite(url, f.rules);
  if (!site) return null;
  return site.isRecord(url) ? readRecord(site, load(f.html), url) : null;
}

/**
 * A null fixture is either a record URL whose record has not rendered yet (`*-loading`) or a
 * list, inbox or home page, which a built-in site must turn down from its URL alone (no DOM read,
 * no mutation watching). Pack rules cover their whole host by design, so generic pages are exempt.
 */
const urlSaysNoRecord = (f: Fixture) => !f.context && f.site !== 'generic' && !f.name.endsWith('-loading');

describe('page fixtures', () => {
  it('there is at least one fixture per site and record type, plus null cases', () => {
    const kinds = new Set(all.map((f) => `${f.site}:${f.context?.recordType ?? 'null'}`));
    for (const k of [
      'salesforce:opportunity', 'salesforce:account', 'salesforce:contact', 'salesforce:lead', 'salesforce:case', 'salesforce:null',
      'hubspot:company', 'hubspot:deal', 'hubspot:contact', 'hubspot:ticket', 'hubspot:null',
      'gmail:thread', 'gmail:null',
      'dynamics:opportunity', 'dynamics:account', 'dynamics:contact', 'dynamics:null',
      'pipedrive:deal', 'pipedrive:organization', 'pipedrive:null',
      'zoho:deal', 'zoho:account', 'zoho:null',
      'outlook:thread', 'outlook:null',
      'generic:opportunity', 'generic:null',
    ]) expect(kinds, k).toContain(k);
  });

  for (const f of all) {
    describe(`${f.site}/${f.name}`, () => {
      it('has its HTML beside it', () => expect(existsSync(f.html)).toBe(true));

      it(f.context ? `reads a ${f.context.recordType}` : 'is not a record page: null', () => {
        const ctx = extractPage(load(f.html), new URL(f.url), f.rules);
        expect(ctx).toEqual(f.context);
      });

      it('reads the same through the URL check, as the content script does', () => {
        expect(readLikeContentScript(f)).toEqual(f.context);
      });

      if (f.context && f.site !== 'generic') {
        it('the URL alone names the record that is read', () => {
          const url = new URL(f.url);
          const site = contentScriptSite(url, f.rules)!;
          expect(site.isRecord(url)).toBe(true);
          expect(site.record(url)).toEqual({ recordType: f.context!.recordType, recordId: f.context!.recordId });
        });
      }

      if (urlSaysNoRecord(f)) {
        it('the URL alone says there is no record: no DOM is read', () => {
          const url = new URL(f.url);
          expect(contentScriptSite(url, f.rules)!.isRecord(url)).toBe(false);
        });
      }

      if (f.context) {
        const ctx = () => extractPage(load(f.html), new URL(f.url), f.rules)!;
        for (const phrase of f.textContains ?? []) it(`text contains "${phrase}"`, () => expect(ctx().text).toContain(phrase));
        for (const phrase of f.textExcludes ?? []) it(`text leaves out "${phrase}"`, () => expect(ctx().text).not.toContain(phrase));
        it('site matches the folder', () => expect(ctx().site).toBe(f.site));
      }
    });
  }
});
