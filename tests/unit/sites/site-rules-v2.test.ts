/**
 * Site rules strong enough for a real self-hosted CRM (a hash-routed React app): routes
 * that see the hash, any attribute, part of a text, ids from the URL or a link mapped to
 * the pack's crmIds.generic — with patterns that cannot be made to run long.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../utils/match/index';
import { matchPage } from '../../../utils/match/match';
import { KnowledgePack, SiteRule } from '../../../utils/pack/schema';
import { validatePack } from '../../../utils/pack/validate';
import { matchTemplate, parseTemplate, type Template } from '../../../utils/sites/generic/template';
import { extractPage } from '../../../utils/sites/registry';
import { recordKey } from '../../../utils/view/buildView';
import { FIXTURES, load } from './helpers';

const T = (s: string) => parseTemplate(s) as Template;

describe('templates', () => {
  it('capture from URLs and texts, anchored at both ends unless * says otherwise', () => {
    expect(matchTemplate(T('#/deals/{id}/show'), '#/deals/7/show')).toEqual({ id: '7' });
    expect(matchTemplate(T('#/deals/{id}/show'), '#/deals/7/show/extra')).toBeNull();
    expect(matchTemplate(T('#/deals/{id}/show*'), '#/deals/7/show/extra')).toEqual({ id: '7' });
    expect(matchTemplate(T('* at {value}'), 'CFO at McCullough, Doyle and Collins')).toEqual({ value: 'McCullough, Doyle and Collins' });
    expect(matchTemplate(T('{value} (*)'), 'Acme Corp (Customer)')).toEqual({ value: 'Acme Corp' });
    expect(matchTemplate(T('#/deals/{id}/show'), '#/deals//show')).toBeNull();
    expect(matchTemplate(T('\\{{value}\\}'), '{x}')).toEqual({ value: 'x' });
  });

  it('refuses what it cannot match predictably, saying why', () => {
    expect(parseTemplate('{a}{b}')).toHaveProperty('error', expect.stringMatching(/in a row/));
    expect(parseTemplate('**')).toHaveProperty('error');
    expect(parseTemplate('{bad name}')).toHaveProperty('error', expect.stringMatching(/not a capture/));
    expect(parseTemplate('x}')).toHaveProperty('error');
    expect(parseTemplate('a'.repeat(201))).toHaveProperty('error', expect.stringMatching(/at most 200/));
  });

  it('stays fast on hostile input: long runs, many partial matches', () => {
    const t = T('*a*a*a*a*b{value}');
    const input = 'a'.repeat(1_000_000);
    const t0 = performance.now();
    for (let i = 0; i < 100; i++) matchTemplate(t, input);
    // The input is capped and each literal is one indexOf: nothing close to a backtracking blow-up.
    expect(performance.now() - t0).toBeLessThan(2_000);
  });

  it('a rule with a bad pattern is refused at validation, with the exact path', () => {
    const sample = JSON.parse(readFileSync(join(FIXTURES, '../../../assets/sample-pack.json'), 'utf8'));
    const pack = { ...sample, sites: [{ id: 'x', host: 'crm.example.org', routes: [{ match: '#/deals/{id}{more}' }], selectors: { accountName: { selector: 'h1', pattern: 'at {name}' } } }] };
    const r = validatePack(pack);
    expect(r.ok).toBe(false);
    const paths = (r as { errors: { path: string; message: string }[] }).errors.map((e) => `${e.path}: ${e.message}`);
    expect(paths).toContainEqual(expect.stringMatching(/^sites\[0\]\.routes\[0\]\.match: .*in a row/));
    expect(paths).toContainEqual(expect.stringMatching(/^sites\[0\]\.selectors\.accountName.*\{value\}/));
  });
});

describe('a hash-routed self-hosted CRM (Atomic CRM)', () => {
  const fx = (name: string) => ({ doc: load(join(FIXTURES, 'generic', `${name}.html`)), ...JSON.parse(readFileSync(join(FIXTURES, 'generic', `${name}.expected.json`), 'utf8')) });
  const sample = JSON.parse(readFileSync(join(FIXTURES, '../../../assets/sample-pack.json'), 'utf8'));
  const company = fx('atomic-company');
  const rules = v.parse(v.array(SiteRule), company.rules);
  const pack = v.parse(KnowledgePack, {
    ...sample,
    sites: company.rules,
    accounts: [
      ...sample.accounts,
      { id: 'mcd', name: 'McCullough, Doyle and Collins', domains: [], crmIds: { generic: ['7'] } },
      { id: 'mcd-uk', name: 'McCullough Doyle UK', domains: [], crmIds: { generic: ['8'] } },
    ],
  });
  const index = buildIndex(pack);

  it('company, contact and deal pages all find the account by its CRM id, even where the company is only a link', () => {
    for (const name of ['atomic-company', 'atomic-contact', 'atomic-deal']) {
      const f = fx(name);
      const ctx = extractPage(f.doc, new URL(f.url), rules)!;
      const m = matchPage(index, ctx, {});
      expect(m.accountId, name).toBe('mcd');
      expect(m.accountReasons[0], name).toMatchObject({ code: 'crm_id', params: { site: 'generic', id: '7' } });
    }
  });

  it('the deal behind the dialog is not read: the board is hidden from assistive tech and outside the rule', () => {
    const f = fx('atomic-deal');
    const ctx = extractPage(f.doc, new URL(f.url), rules)!;
    expect(ctx.text).not.toContain('Northwind');
    expect(ctx.stage).toBe('Proposal Sent');
  });

  it('a pick is kept per record (site, route and id), never per scraped name: two deals of one company are two keys', () => {
    const f = fx('atomic-deal');
    const a = extractPage(f.doc, new URL('https://crm.acme.internal/#/deals/3/show'), rules)!;
    const b = extractPage(f.doc, new URL('https://crm.acme.internal/#/deals/4/show'), rules)!;
    expect(a.accountName).toBe(b.accountName);
    expect(recordKey(a)).not.toBe(recordKey(b));
    expect(recordKey(a)).toBe('generic:deal:3');
  });

  it('screens no route names are not records', () => {
    const list = load(join(FIXTURES, 'generic', 'atomic-contacts-list.html'));
    expect(extractPage(list, new URL('https://crm.acme.internal/#/contacts'), rules)).toBeNull();
    expect(extractPage(list, new URL('https://crm.acme.internal/#/deals'), rules)).toBeNull();
  });

  it('the stage maps through crmStages.generic like any CRM', () => {
    const withStage = v.parse(KnowledgePack, {
      ...pack,
      playbooks: pack.playbooks.map((p, i) =>
        i === 0 ? { ...p, stages: p.stages.map((s, j) => (j === 1 ? { ...s, crmStages: { ...(s.crmStages ?? {}), generic: ['Proposal Sent'] } } : s)) } : p,
      ),
    });
    const f = fx('atomic-deal');
    const m = matchPage(buildIndex(withStage), extractPage(f.doc, new URL(f.url), rules)!, {});
    expect(m.stage).toMatchObject({ stageId: withStage.playbooks[0].stages[1].id, source: 'crm' });
  });
});

describe('patching a built-in site from the pack (sitePatches)', () => {
  const demo = readFileSync(join(FIXTURES, '../../../scripts/demo/pages/salesforce-opportunity.html'), 'utf8');
  const url = new URL('https://lumora-demo.lightning.force.com/lightning/r/Opportunity/0065g00000NwOpp1AAB/view');
  const sample = JSON.parse(readFileSync(join(FIXTURES, '../../../assets/sample-pack.json'), 'utf8'));
  const patch = {
    id: 'sf-2027-release',
    site: 'salesforce',
    host: '*.lightning.force.com',
    selectors: { accountName: 'p[title="Account Name"] + p a', competitor: { selector: '[field-label="Competitors"]', attr: 'data-none' } },
  };
  const pack = v.parse(KnowledgePack, { ...sample, sitePatches: [patch] });

  it("a release that broke the adapter: the patch's selectors read the record, and the context says which patch", async () => {
    const { release } = await import('../../../scripts/eval-pages/mutations');
    const doc = load(join(FIXTURES, '../../../scripts/demo/pages/salesforce-opportunity.html'));
    release.apply(doc);
    const ctx = extractPage(doc, url, [], pack.sitePatches)!;
    expect(ctx.accountName).toBe('Northwind Traders');
    expect(ctx.read).toMatchObject({ layer: 'selectors', patch: 'sf-2027-release', filled: ['accountName'] });
    expect(matchPage(buildIndex(pack), ctx, {}).accountId).toBe('northwind');
  });

  it('applies only to its site and host', () => {
    const other = v.parse(KnowledgePack, { ...sample, sitePatches: [{ ...patch, host: 'other-org.lightning.force.com', selectors: { accountName: 'h1' } }] });
    const ctx = extractPage(load(join(FIXTURES, '../../../scripts/demo/pages/salesforce-opportunity.html')), url, [], other.sitePatches)!;
    expect(ctx.accountName).toBe('Northwind Traders');
    expect(ctx.read).toEqual({ layer: 'selectors' });
    expect(demo).toContain('Northwind Traders');
  });

  it('is validated like everything else, with its path', () => {
    const r = validatePack({ ...sample, sitePatches: [{ id: 'x', site: 'myspace', selectors: { accountName: { selector: 'h1', pattern: '{a}{b}' } } }] });
    expect(r.ok).toBe(false);
    const msgs = (r as { errors: { path: string; message: string }[] }).errors.map((e) => `${e.path}: ${e.message}`);
    expect(msgs).toContainEqual(expect.stringMatching(/^sitePatches\[0\]\.site: expected a built-in site/));
    expect(msgs).toContainEqual(expect.stringMatching(/^sitePatches\[0\]\.selectors\.accountName/));
  });
});
