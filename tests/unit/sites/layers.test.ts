/**
 * Reading that survives a CRM release: the semantic and page-text layers
 * (utils/sites/layers.ts, semantic.ts, utils/match/pageText.ts), each on markup the
 * site's own selectors no longer read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpus, read } from '../../../scripts/eval-pages/corpus';
import { release, rewrite } from '../../../scripts/eval-pages/mutations';
import { buildIndex } from '../../../utils/match/index';
import { matchPage } from '../../../utils/match/match';
import { registrableDomain } from '../../../utils/match/domains';
import type { KnowledgePack } from '../../../utils/pack/schema';
import { extractPage, siteFor } from '../../../utils/sites/registry';
import { missingLandmark } from '../../../utils/sites/layers';
import { FIXTURES, load, parse } from './helpers';

const sample = JSON.parse(readFileSync(new URL('../../../assets/sample-pack.json', import.meta.url), 'utf8')) as KnowledgePack;
const now = new Date('2026-06-01T00:00:00Z');
const corpus = buildCorpus(sample, now);

describe('a release that renames classes and drops data-* hooks', () => {
  for (const { page, accountId } of corpus.pages) {
    it(`${page.id}: still read, by a fallback layer that says so, with the right account`, () => {
      const ctx = read(page, (d) => release.apply(d));
      expect(ctx).not.toBeNull();
      const m = matchPage(corpus.index, ctx!, { now });
      expect(m.accountId).toBe(accountId);
      // Pack site rules are ops' own reading of a self-hosted CRM: no fallback layers there.
      if (!page.id.startsWith('generic/')) expect(ctx!.read?.layer).toBeDefined();
    });
  }

  it('record pages that are still loading stay unread (not rendered yet), lists stay unread', () => {
    for (const [site, name, url] of [
      ['salesforce', 'opportunity-loading', 'https://contoso.lightning.force.com/lightning/r/Opportunity/0068c00000CtsOpAAB/view'],
      ['hubspot', 'company-loading', 'https://app.hubspot.com/contacts/4411223/record/0-2/7788990011'],
      ['salesforce', 'list-view', 'https://contoso.lightning.force.com/lightning/o/Opportunity/list?filterName=Recent'],
    ]) {
      const doc = load(join(FIXTURES, site, `${name}.html`));
      release.apply(doc);
      expect(extractPage(doc, new URL(url)), name).toBeNull();
    }
  });

  it('names the landmark the adapter could not find', () => {
    const page = corpus.pages.find((p) => p.page.id === 'salesforce/opportunity')!.page;
    const ctx = read(page, (d) => release.apply(d))!;
    expect(ctx.read).toMatchObject({ layer: 'semantic', missing: 'page host' });
    const doc = parse(page.html);
    expect(missingLandmark(siteFor(new URL(page.url))!, doc)).toBeNull();
  });
});

describe('a company the pack does not know is never given another account', () => {
  for (const m of [release, rewrite]) {
    it(`after "${m.title}": no page picks an account once its own is out of the pack`, () => {
      const wrong: string[] = [];
      for (const { page, accountId } of corpus.pages) {
        const pack = { ...corpus.pack, accounts: corpus.pack.accounts.filter((a) => a.id !== accountId) };
        const ctx = read(page, (d) => m.apply(d));
        const r = ctx && matchPage(buildIndex(pack), ctx, { now });
        if (r?.accountId) wrong.push(`${page.id} → ${r.accountId}`);
      }
      expect(wrong).toEqual([]);
    });
  }
});

const fallbackPage = (body: string) =>
  parse(`<html><head><title>x</title></head><body><nav><a href="/">Home</a> Northwind Traders Acme Corporation</nav><main>${body}</main></body></html>`);
const oppUrl = new URL('https://contoso.lightning.force.com/lightning/r/Opportunity/0068c00000CtsOpAAB/view');

describe('semantic layer', () => {
  it('reads a labelled account, website and stage through extra wrappers, leaving the nav out', () => {
    const doc = fallbackPage(`<h1>Big renewal</h1><section><div><div><span>Account Name</span></div></div><div><a href="/lightning/r/Account/0015g00000NwTrdAAB/view">Northwind Traders</a></div></section>
      <section><div><span>Website</span></div><div><a href="https://www.northwindtraders.com">www.northwindtraders.com</a></div></section>
      <ol><li>Qualify</li><li aria-current="step">Proposal/Price Quote</li><li>Closed Won</li></ol>
      <p>Notes about the renewal with enough words to be a record page that has rendered.</p>`);
    const ctx = extractPage(doc, oppUrl)!;
    expect(ctx).toMatchObject({ accountName: 'Northwind Traders', accountId: '0015g00000NwTrdAAB', domains: ['northwindtraders.com'], stage: 'Proposal/Price Quote' });
    expect(ctx.read).toMatchObject({ layer: 'semantic', heading: 'Big renewal' });
    expect(ctx.text).not.toContain('Acme Corporation');
  });

  it('two different values for the account (two records on screen) give none', () => {
    const doc = fallbackPage(`<dl><dt>Account Name</dt><dd>Northwind Traders</dd></dl><dl><dt>Account Name</dt><dd>Acme Corporation</dd></dl>
      <p>Enough words on this page for it to count as a rendered record page here.</p>`);
    expect(extractPage(doc, oppUrl)!.accountName).toBeNull();
  });

  it('a workspace tab that is not on screen and inert template markup are not read', () => {
    const doc = parse(`<html><body><section role="tabpanel" aria-expanded="false"><dl><dt>Account Name</dt><dd>Acme Corporation</dd></dl><a href="https://acme.com">acme.com</a></section>
      <section role="tabpanel" aria-expanded="true"><dl><dt>Account Name</dt><dd>Northwind Traders</dd></dl><p>Enough words on this page for it to count as a rendered record.</p></section>
      <template><dl><dt>Website</dt><dd>globex.com</dd></dl></template></body></html>`);
    const ctx = extractPage(doc, oppUrl)!;
    expect(ctx.accountName).toBe('Northwind Traders');
    expect(ctx.domains).toEqual([]);
  });
});

describe('page-text layer', () => {
  const index = buildIndex(sample);
  const ctxFor = (heading: string, text: string) => {
    const doc = fallbackPage(`<h1>${heading}</h1><p>${text}</p><p>Enough words on this page for it to count as a rendered record page.</p>`);
    return extractPage(doc, oppUrl)!;
  };

  it("picks the one account whose whole name is in the record's heading, and says where it read it", () => {
    const ctx = ctxFor('Northwind Traders — Customer 360 Platform', 'Next call on Tuesday.');
    expect(ctx.read?.layer).toBe('page-text');
    const m = matchPage(index, ctx, { now });
    expect(m.accountId).toBe('northwind');
    expect(m.accountReasons[0]).toMatchObject({ code: 'page_text', params: { where: 'heading' } });
  });

  it('a name that runs on into a longer one, or a name only in the text, is a candidate, not a pick', () => {
    const partial = matchPage(index, ctxFor('Northwind Logistics — Rollout', 'Next call on Tuesday.'), { now });
    expect(partial.accountId).toBeNull();
    expect(partial.candidates.map((c) => c.accountId)).toContain('northwind');
    const inText = matchPage(index, ctxFor('Rollout 2026', 'Referred by Northwind Traders, twice: Northwind Traders.'), { now });
    expect(inText.accountId).toBeNull();
    expect(inText.candidates.map((c) => c.accountId)).toContain('northwind');
  });
});

describe('markers other builds use', () => {
  const dyn = readFileSync(join(FIXTURES, 'dynamics/opportunity.html'), 'utf8');
  const dynUrl = new URL(JSON.parse(readFileSync(join(FIXTURES, 'dynamics/opportunity.expected.json'), 'utf8')).url);
  const withoutStatus = (html: string) => html.replace(/<[^>]*stageStatusLabel[^>]*>[^<]*<\/[a-z]+>/g, '').replace(/aria-selected="true"/g, '');

  it('Dynamics: the active business-process stage by aria-current="step"', () => {
    const html = withoutStatus(dyn).replace('id="MscrmControls.Containers.ProcessBreadCrumb-processHeaderStage_1"', 'aria-current="step" id="MscrmControls.Containers.ProcessBreadCrumb-processHeaderStage_1"');
    expect(extractPage(parse(html), dynUrl)!.stage).toBe('Develop');
    expect(extractPage(parse(withoutStatus(dyn)), dynUrl)!.stage).not.toBe('Develop');
  });

  it('Dynamics: the active stage by an "Active" accessible name', () => {
    const html = withoutStatus(dyn).replace('id="MscrmControls.Containers.ProcessBreadCrumb-processHeaderStage_1"', 'aria-label="Develop, Active" id="MscrmControls.Containers.ProcessBreadCrumb-processHeaderStage_1"');
    expect(extractPage(parse(html), dynUrl)!.stage).toBe('Develop');
  });

  it('Outlook: the sender written as "<name@domain>" text beside the persona', () => {
    const ol = readFileSync(join(FIXTURES, 'outlook/thread.html'), 'utf8');
    const url = new URL(JSON.parse(readFileSync(join(FIXTURES, 'outlook/thread.expected.json'), 'utf8')).url);
    const html = ol.replace(
      'aria-label="From: John Smith &lt;j.smith@acme.com&gt;"><span class="Lwbsd">From:</span> <span class="pU1YL" title="j.smith@acme.com">John Smith</span>',
      'aria-label="From: John Smith"><span class="Lwbsd">From:</span> <span class="pU1YL">John Smith</span> &lt;j.smith@acme.com&gt;',
    );
    expect(html).not.toBe(ol);
    const ctx = extractPage(parse(html), url)!;
    expect(ctx.participants).toContainEqual({ name: 'John Smith', email: 'j.smith@acme.com', role: 'from' });
  });

  it('a Microsoft 365 tenant domain is the tenant, not onmicrosoft.com', () => {
    expect(registrableDomain('dana@contoso.onmicrosoft.com')).toBe('contoso.onmicrosoft.com');
    expect(registrableDomain('mail.fabrikam.onmicrosoft.com')).toBe('fabrikam.onmicrosoft.com');
  });
});
