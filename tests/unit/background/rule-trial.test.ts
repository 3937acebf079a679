import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ruleTrialHandler, type RuleTrialTabs } from '../../../utils/background/ruleTrial';
import { buildIndex } from '../../../utils/match/index';
import { KnowledgePack, SiteRule } from '../../../utils/pack/schema';
import { tryRule } from '../../../utils/sites/generic/tryRule';
import { FIXTURES, load } from '../sites/helpers';

const expected = JSON.parse(readFileSync(join(FIXTURES, 'generic', 'atomic-deal.expected.json'), 'utf8'));
const rules = v.parse(v.array(SiteRule), expected.rules);
const sample = JSON.parse(readFileSync(join(FIXTURES, '../../../assets/sample-pack.json'), 'utf8'));
const pack = v.parse(KnowledgePack, { ...sample, sites: rules, accounts: [...sample.accounts, { id: 'mcd', name: 'McCullough, Doyle and Collins', domains: [], crmIds: { generic: ['7'] } }] });
const index = buildIndex(pack);
const deal = load(join(FIXTURES, 'generic', 'atomic-deal.html'));

function handler(tabs: Partial<RuleTrialTabs>) {
  return ruleTrialHandler({
    rules: async () => rules,
    indexed: async () => ({ index }),
    tabs: { find: async () => ({ id: 1, title: 'Atomic CRM', url: expected.url }), trial: async (_id, rule) => tryRule(deal, new URL(expected.url), rule), ...tabs },
  });
}

describe('"Try this rule on the current tab" in the background', () => {
  it('reads the tab with the rule and says which account the pack makes of it', async () => {
    const r = await handler({})({ ruleId: 'atomic' });
    expect(r).toMatchObject({ ok: true, tab: { title: 'Atomic CRM' }, account: { id: 'mcd', name: 'McCullough, Doyle and Collins' } });
    expect(r.ok && r.reasons[0]).toMatchObject({ code: 'crm_id' });
  });

  it('says why nothing could be tried: no such rule, host not allowed, no tab, no script in the tab', async () => {
    expect(await handler({})({ ruleId: 'nope' })).toEqual({ ok: false, reason: 'no-rule' });
    expect(await handler({ find: async () => 'not-granted' })({ ruleId: 'atomic' })).toEqual({ ok: false, reason: 'not-granted', host: 'crm.acme.internal' });
    expect(await handler({ find: async () => null })({ ruleId: 'atomic' })).toEqual({ ok: false, reason: 'no-tab', host: 'crm.acme.internal' });
    expect(await handler({ trial: async () => Promise.reject(new Error('Receiving end does not exist')) })({ ruleId: 'atomic' })).toMatchObject({ ok: false, reason: 'no-script' });
  });

  it('an answer that is not a trial, or whose context does not fit the page-context schema, is not matched', async () => {
    expect(await handler({ trial: async () => 'garbage' })({ ruleId: 'atomic' })).toMatchObject({ ok: false, reason: 'no-script' });
    const bad = { ...tryRule(deal, new URL(expected.url), rules[0]), ctx: { site: 'generic', recordType: 'not-a-type' } };
    expect(await handler({ trial: async () => bad })({ ruleId: 'atomic' })).toMatchObject({ ok: false, reason: 'no-script' });
  });
});
