/** "Try this rule on the current tab": what each field of one rule reads on the page in front of ops. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { SiteRule } from '../../../utils/pack/schema';
import { tryRule } from '../../../utils/sites/generic/tryRule';
import { extractPage } from '../../../utils/sites/registry';
import { FIXTURES, load } from './helpers';

const expected = JSON.parse(readFileSync(join(FIXTURES, 'generic', 'atomic-deal.expected.json'), 'utf8'));
const [rule] = v.parse(v.array(SiteRule), expected.rules);
const deal = load(join(FIXTURES, 'generic', 'atomic-deal.html'));
const url = new URL(expected.url);

describe('trying a site rule on a page', () => {
  it('names the route and shows, field by field, how many elements matched and what was read', () => {
    const t = tryRule(deal, url, rule);
    expect(t.covered).toBe(true);
    expect(t.route).toBe('#/deals/{id}/show');
    expect(t.params).toEqual({ id: '3' });
    const byField = Object.fromEntries(t.fields.map((f) => [f.field, f]));
    expect(Object.keys(byField)).toEqual(['accountName', 'accountId', 'stage', 'text']);
    expect(byField.accountName).toMatchObject({ matched: 1, values: ['McCullough, Doyle and Collins'], fromUrl: false });
    expect(byField.accountId).toMatchObject({ values: ['7'] });
    expect(byField.stage.values).toEqual(['Proposal Sent']);
    expect(byField.text.values[0].length).toBeLessThanOrEqual(200);
  });

  it('gives the same context the sidebar gets from that page', () => {
    expect(tryRule(deal, url, rule).ctx).toEqual(extractPage(deal, url, [rule]));
  });

  it('a selector that matches nothing shows 0 elements and no value, and the rest still reads', () => {
    const broken = v.parse(SiteRule, {
      ...expected.rules[0],
      routes: expected.rules[0].routes.map((r: { match: string; selectors: object }) => (r.match.startsWith('#/deals') ? { ...r, selectors: { ...r.selectors, stage: '.no-such-stage' } } : r)),
    });
    const stage = tryRule(deal, url, broken).fields.find((f) => f.field === 'stage')!;
    expect(stage).toMatchObject({ spec: '.no-such-stage', matched: 0, values: [] });
    expect(tryRule(deal, url, broken).ctx?.accountId).toBe('7');
  });

  it('a screen no route names, and a host the rule does not cover, read nothing and say which', () => {
    const list = tryRule(deal, new URL('https://crm.acme.internal/#/deals'), rule);
    expect(list).toMatchObject({ covered: true, route: null, fields: [], ctx: null });
    const elsewhere = tryRule(deal, new URL('https://other.example.com/#/deals/3/show'), rule);
    expect(elsewhere).toMatchObject({ covered: false, fields: [], ctx: null });
  });
});
