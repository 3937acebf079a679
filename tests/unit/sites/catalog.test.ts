/**
 * The site catalog is the one place a site is registered: the content scripts' match
 * patterns, the adapters' order, the labels and the schemas' picklists all come from it,
 * so these tests check that what is derived still agrees with what the adapters read.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { admit } from '../../../utils/messages';
import { envelope } from '../../../utils/envelope';
import { CRM_SITES, SitePatch } from '../../../utils/pack/schema';
import { BUILT_IN_SITE_IDS, SITE_CATALOG, SITE_IDS } from '../../../utils/sites/catalog';
import { SITE_LABEL } from '../../../utils/sites/labels';
import { SITES } from '../../../utils/sites/registry';
import type { PageContext } from '../../../utils/sites/types';
import { fixtures } from './helpers';

/** Chrome's match-pattern semantics for the `https://<host>/*` patterns we declare. */
function patternMatches(pattern: string, url: URL): boolean {
  const m = /^https:\/\/(\*\.)?([^/]+)\/\*$/.exec(pattern);
  if (!m) throw new Error(`not an https host pattern: ${pattern}`);
  const [, wild, host] = m;
  return url.protocol === 'https:' && (url.hostname === host || (!!wild && url.hostname.endsWith(`.${host}`)));
}

const patternsOf = (id: string) => SITE_CATALOG.find((s) => s.id === id)!.hosts;
const builtInFixtures = fixtures().filter((f) => f.site !== 'generic');

describe('site catalog', () => {
  it('lists each built-in site once, and the adapters follow it in order with the same ids', () => {
    expect(new Set(BUILT_IN_SITE_IDS).size).toBe(SITE_CATALOG.length);
    expect(SITES.map((s) => s.id)).toEqual(BUILT_IN_SITE_IDS);
  });

  it('gives every built-in site its own content script, which imports that site’s info and adapter and no other site', () => {
    const entrypoints = resolve(import.meta.dirname, '../../../entrypoints');
    const scripts = readdirSync(entrypoints).filter((d) => d.endsWith('.content')).map((d) => d.slice(0, -'.content'.length));
    // The generic script is registered at run time for the hosts ops grant (no matches of its own).
    expect(scripts.sort()).toEqual([...BUILT_IN_SITE_IDS, 'generic'].sort());
    // Source, not the module: WXT evaluates an entrypoint without its `main`, and the
    // content-script code touches the DOM when loaded (the built manifest's matches are
    // checked in tests/e2e/built-manifest.spec.ts).
    for (const id of BUILT_IN_SITE_IDS) {
      const source = readFileSync(join(entrypoints, `${id}.content`, 'index.ts'), 'utf8');
      const sites = [...source.matchAll(/@\/utils\/sites\/([^/']+)\//g)].map((m) => m[1]);
      expect(sites, id).toEqual([id, id]);
      expect(source, id).toMatch(/matches: \[\.\.\.info\.hosts\]/);
      expect(source, id).toContain(`sites: [${id}]`);
    }
  });

  it.each(builtInFixtures.map((f) => [f.site, f.url]))('%s fixture %s is in its own content script’s matches and no other site’s', (site, url) => {
    const u = new URL(url);
    expect(patternsOf(site).some((p) => patternMatches(p, u))).toBe(true);
    for (const other of SITE_CATALOG.filter((s) => s.id !== site)) expect(other.hosts.some((p) => patternMatches(p, u)), other.id).toBe(false);
  });

  it('every exact-host pattern is a host the site’s adapter reads', () => {
    for (const site of SITES) {
      const path = builtInFixtures.find((f) => f.site === site.id)!.url.replace(/^https:\/\/[^/]+/, '');
      for (const p of patternsOf(site.id).filter((x) => !x.startsWith('https://*.'))) {
        const url = new URL(p.replace(/\/\*$/, path));
        expect(site.matches(url), url.href).toBe(true);
      }
    }
  });

  it('labels every site, the pack rules’ generic site included', () => {
    for (const id of SITE_IDS) expect(SITE_LABEL[id], id).toMatch(/\S/);
    expect(SITE_LABEL.zoho).toBe('Zoho CRM');
  });

  it('packs map ids and stages of every CRM site and the generic one, and may patch every built-in site', () => {
    expect(CRM_SITES).toEqual(['salesforce', 'hubspot', 'dynamics', 'pipedrive', 'zoho', 'generic']);
    for (const site of BUILT_IN_SITE_IDS) expect(v.safeParse(SitePatch, { id: 'p', site, selectors: { accountName: 'h1' } }).success, site).toBe(true);
    expect(v.safeParse(SitePatch, { id: 'p', site: 'generic', selectors: { accountName: 'h1' } }).success).toBe(false);
  });
});

describe('PageContext schema', () => {
  const full: PageContext = {
    site: 'hubspot',
    recordType: 'deal',
    recordId: '9001',
    accountName: 'Northwind Traders',
    accountId: '42',
    domains: ['northwind.example'],
    emails: ['ana@northwind.example'],
    stage: 'Contract sent',
    opportunityType: 'New Business',
    pipeline: 'Enterprise pipeline',
    amount: '$120,000.00',
    closeDate: '6/30/2026',
    competitorsField: ['Contoso'],
    subject: 'Renewal',
    participants: [{ name: 'Ana', email: 'ana@northwind.example', role: 'from' }],
    ownEmail: 'rep@example.com',
    text: 'Northwind weighs Contoso',
    read: { layer: 'semantic', heading: 'Northwind Traders', filled: ['account'], missing: 'left sidebar', patch: 'hs-fix' },
  };

  it('admits every field an adapter gives, unchanged', () => {
    const r = admit(envelope('view:get', { ctx: full, lang: 'en' }), 'content-script');
    expect(r.ok && (r.payload as { ctx: PageContext }).ctx).toEqual(full);
  });

  it('refuses a site or record type outside the catalog', () => {
    expect(admit(envelope('view:get', { ctx: { ...full, site: 'myspace' as never }, lang: 'en' }), 'content-script').ok).toBe(false);
    expect(admit(envelope('view:get', { ctx: { ...full, recordType: 'invoice' as never }, lang: 'en' }), 'content-script').ok).toBe(false);
  });
});
