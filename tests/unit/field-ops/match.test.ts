/** Issue 19's pure matching: experts ranked with reasons, rules by every dimension they name, product fit, regional pick. */
import { describe, expect, it } from 'vitest';
import { rankExperts } from '../../../utils/match/experts';
import { rulesFor } from '../../../utils/match/packRules';
import { productFit } from '../../../utils/match/productFit';
import { pickRegional } from '../../../utils/match/fieldText';
import type { Account, Expert, PackRule, Scenario } from '../../../utils/pack/schema';

const covers = (c: Partial<Expert['covers']>): Expert['covers'] => ({ competitors: [], industries: [], regions: [], segments: [], products: [], ...c });
const expert = (id: string, c: Partial<Expert['covers']>, languages: string[] = []): Expert => ({ id, name: id, role: 'r', languages, covers: covers(c), contact: ['mailto:a@b.io'] });
const account = (a: Partial<Account>): Account => ({ id: 'a', name: 'A', aliases: [], domains: [], competitors: [], health: [], ...a });
const names = { competitor: (id: string) => id.toUpperCase(), product: (id: string) => `P-${id}` };
const q = (a: Account | null, competitorIds: string[] = [], productIds: string[] = [], lang = 'en') => ({ account: a, competitorIds, productIds, lang });

describe('rankExperts', () => {
  it('a competitor specialist beats an industry or region match; at most three, strongest first', () => {
    const experts = [expert('region', { regions: ['apac'] }), expert('globex', { competitors: ['globex'] }), expert('industry', { industries: ['Retail'] }), expert('both', { industries: ['retail'], regions: ['APAC'] })];
    const picks = rankExperts(experts, q(account({ industry: 'Retail', region: 'APAC' }), ['globex']), names);
    expect(picks.map((p) => p.expertId)).toEqual(['globex', 'both', 'region']);
    expect(picks[0].reasons).toEqual([{ code: 'expert_competitor', params: { competitor: 'GLOBEX' } }]);
  });

  it('language breaks ties but never suggests anyone on its own', () => {
    const experts = [expert('en', { regions: ['EMEA'] }, ['en']), expert('zh', { regions: ['EMEA'] }, ['zh-CN']), expert('only-lang', {}, ['zh-CN'])];
    expect(rankExperts(experts, q(account({ region: 'EMEA' }), [], [], 'zh-CN'), names).map((p) => p.expertId)).toEqual(['zh', 'en']);
  });

  it('deal size counts only in the same currency', () => {
    const e = [{ ...expert('big', { regions: ['NA'] }), covers: covers({ regions: ['NA'], dealSize: { min: 100, currency: 'USD' } }) }];
    expect(rankExperts(e, q(account({ region: 'NA', arr: 500, currency: 'USD' })), names)[0].reasons.map((r) => r.code)).toEqual(['expert_region', 'expert_deal']);
    expect(rankExperts(e, q(account({ region: 'NA', arr: 500, currency: 'EUR' })), names)[0].reasons.map((r) => r.code)).toEqual(['expert_region']);
  });

  it('with no account, only the competitors and products in play count', () => {
    expect(rankExperts([expert('x', { industries: ['Retail'] }), expert('p', { products: ['s'] })], q(null, [], ['s']), names).map((p) => p.expertId)).toEqual(['p']);
  });
});

describe('rulesFor', () => {
  const rule = (r: Partial<PackRule>): PackRule => ({ id: 'r', title: 't', body: 'b', industries: [], regions: [], segments: [], effective: '2025-01-01', source: 's', reviewBy: '2027-01-01', ...r });
  it('applies only when every dimension it names matches, and says which', () => {
    const rules = [rule({ id: 'fs-emea', industries: ['Financial Services'], regions: ['EMEA'] }), rule({ id: 'emea', regions: ['emea'] })];
    const now = new Date('2026-12-01T00:00:00Z');
    expect(rulesFor(rules, account({ industry: 'Retail', region: 'EMEA' }), now).map((h) => h.ruleId)).toEqual(['emea']);
    const both = rulesFor(rules, account({ industry: 'financial services', region: 'EMEA' }), now);
    expect(both.map((h) => h.ruleId)).toEqual(['fs-emea', 'emea']);
    expect(both[0].reasons.map((r) => r.code)).toEqual(['rule_industry', 'rule_region']);
    expect(rulesFor(rules, null, now)).toEqual([]);
  });
  it('past its review date it is stale; on the day itself it is not', () => {
    const r = [rule({ regions: ['NA'], reviewBy: '2026-12-01' })];
    expect(rulesFor(r, account({ region: 'NA' }), new Date('2026-12-01T23:00:00Z'))[0].stale).toBe(false);
    expect(rulesFor(r, account({ region: 'NA' }), new Date('2026-12-02T00:00:00Z'))[0].stale).toBe(true);
  });
});

describe('productFit', () => {
  const scenario = (products: Scenario['products']): Scenario => ({ id: 's', industry: 'Retail', useCase: 'u', scenario: 's', advantage: 'a', value: 'v', products });
  const fit = (product: string, f: Partial<Scenario['products'][number]> = {}) => ({ product, advantage: 'a', value: 'v', references: [], segments: [], stack: [], ...f });
  it('fits when segment and stack meet the conditions; otherwise not a fit only where the pack says why', () => {
    const s = scenario([fit('cdp'), fit('streams', { segments: ['Enterprise'], stack: ['Kafka'], notFit: 'needs Kafka' }), fit('quiet', { stack: ['Spark'] })]);
    const yes = productFit(s, account({ industry: 'Retail', segment: 'enterprise', stack: ['kafka'] }));
    expect(yes.fits.map((f) => f.productId)).toEqual(['cdp', 'streams']);
    expect(yes.fits[1].reasons.map((r) => r.code)).toEqual(['fit_industry', 'fit_segment', 'fit_stack']);
    const no = productFit(s, account({ industry: 'Retail', segment: 'SMB' }));
    expect(no.fits.map((f) => f.productId)).toEqual(['cdp']);
    expect(no.notFit.map((f) => [f.productId, f.reasons.map((r) => r.code)])).toEqual([['streams', ['nofit_segment', 'nofit_stack']]]);
  });
});

describe('pickRegional', () => {
  it('picks the variant for the account’s region, case-insensitively, with the key as written', () => {
    expect(pickRegional({ APAC: 1, 'Greater China': 2 }, 'greater china')).toEqual({ region: 'Greater China', variant: 2 });
    expect(pickRegional({ APAC: 1 }, 'EMEA')).toBeNull();
    expect(pickRegional(undefined, 'APAC')).toBeNull();
  });
});
