import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../utils/match/index';
import { matchPage } from '../../../utils/match/match';
import { account, makePack, page } from './packs';

const pack = makePack({
  accounts: [
    account('acme', 'Acme Corporation', {
      aliases: ['ACME Group'],
      domains: ['acme.com', 'acme.co.uk'],
      crmIds: { salesforce: ['001000000000001AAA'], hubspot: ['1001'] },
      segment: 'Enterprise',
    }),
    account('globex', 'Globex Inc.', { domains: ['globex.com'], crmIds: { salesforce: ['001000000000002AAA'] } }),
    account('initech', 'Initech LLC', { domains: ['initech.io'] }),
    // Two accounts (subsidiaries) sharing one domain.
    account('umbrella-us', 'Umbrella US', { domains: ['umbrella.com'] }),
    account('umbrella-eu', 'Umbrella Europe', { domains: ['umbrella.com', 'umbrella.eu'] }),
    account('huawei', '华为技术有限公司', { aliases: ['Huawei Technologies'], domains: ['huawei.com'] }),
    account('alibaba', '阿里巴巴（中国）网络技术有限公司', { domains: ['alibaba-inc.com'] }),
    account('hooli', 'Hooli Industries', { domains: ['hooli.xyz'] }),
    account('vandelay', 'Vandelay Industries', { domains: ['eu.vandelay.com'] }),
  ],
});
const index = buildIndex(pack);

describe('account resolution order', () => {
  it('CRM record id beats domain and name', () => {
    const r = matchPage(
      index,
      page({ site: 'salesforce', recordType: 'account', recordId: '001000000000002AAA', accountName: 'Acme Corporation', domains: ['acme.com'] }),
    );
    expect(r.accountId).toBe('globex');
    expect(r.accountReasons[0]).toMatchObject({ code: 'crm_id', params: { site: 'salesforce', id: '001000000000002AAA' } });
    // The weaker evidence is still shown as a candidate.
    expect(r.candidates.map((c) => c.accountId)).toContain('acme');
  });

  it('matches a 15-character Salesforce id against the 18-character one', () => {
    const r = matchPage(index, page({ site: 'salesforce', recordType: 'account', recordId: '001000000000001' }));
    expect(r.accountId).toBe('acme');
  });

  it("uses the opportunity's related account id, not the opportunity's own id", () => {
    const r = matchPage(index, page({ site: 'hubspot', recordType: 'deal', recordId: '1001', accountId: null }));
    expect(r.accountId).toBeNull();
    const r2 = matchPage(index, page({ site: 'hubspot', recordType: 'deal', recordId: '999', accountId: '1001' }));
    expect(r2.accountId).toBe('acme');
  });

  it('ignores CRM ids on a non-CRM site', () => {
    const r = matchPage(index, page({ site: 'gmail', recordType: 'thread', recordId: '1001' }));
    expect(r.accountId).toBeNull();
  });

  it('domain beats name', () => {
    const r = matchPage(index, page({ site: 'hubspot', recordType: 'company', accountName: 'Initech', domains: ['www.globex.com'] }));
    expect(r.accountId).toBe('globex');
    expect(r.accountReasons[0]).toMatchObject({ code: 'domain', params: { domain: 'globex.com', source: 'website' } });
    expect(r.candidates[0].accountId).toBe('initech');
  });

  it('name when nothing stronger is there', () => {
    const r = matchPage(index, page({ accountName: 'INITECH, L.L.C.' }));
    expect(r.accountId).toBe('initech');
    expect(r.accountReasons[0]).toMatchObject({ code: 'name' });
  });

  it('alias', () => {
    const r = matchPage(index, page({ accountName: 'Acme Group' }));
    expect(r.accountId).toBe('acme');
    expect(r.accountReasons[0]).toMatchObject({ code: 'alias', params: { alias: 'ACME Group' } });
  });

  it('manual pick wins over everything', () => {
    const r = matchPage(index, page({ site: 'salesforce', recordType: 'account', recordId: '001000000000001AAA' }), { manualAccountId: 'initech' });
    expect(r.accountId).toBe('initech');
    expect(r.accountReasons[0]).toMatchObject({ code: 'manual' });
    expect(r.candidates.map((c) => c.accountId)).toEqual(['acme']);
  });

  it('a manual pick that no longer exists is ignored', () => {
    const r = matchPage(index, page({ accountName: 'Globex' }), { manualAccountId: 'gone' });
    expect(r.accountId).toBe('globex');
  });
});

describe('domains', () => {
  it('registrable domain of a deep subdomain: eu.shop.acme.co.uk → acme.co.uk', () => {
    const r = matchPage(index, page({ domains: ['https://eu.shop.acme.co.uk/store'] }));
    expect(r.accountId).toBe('acme');
    expect(r.accountReasons[0].params.domain).toBe('acme.co.uk');
  });

  it('an account listing a subdomain still matches mail from the parent domain', () => {
    const r = matchPage(index, page({ site: 'gmail', recordType: 'thread', emails: ['kel@vandelay.com'] }));
    expect(r.accountId).toBe('vandelay');
  });

  it('skips our own domain and free mail, and says so', () => {
    const r = matchPage(
      index,
      page({ site: 'gmail', recordType: 'thread', emails: ['me@ourco.com', 'someone@gmail.com', 'x@qq.com', 'wile@acme.com'], ownEmail: 'me@ourco.com' }),
    );
    expect(r.accountId).toBe('acme');
    const codes = r.accountReasons.map((x) => `${x.code}:${x.params.domain}`);
    expect(codes).toContain('free_mail_skipped:gmail.com');
    expect(codes).toContain('free_mail_skipped:qq.com');
    expect(r.lookedFor.domains).toEqual(['acme.com']);
  });

  it("a thread with only our own people and free mail matches nothing and says what it looked for", () => {
    const r = matchPage(index, page({ site: 'gmail', recordType: 'thread', emails: ['a@ourco.com', 'b@163.com'] }));
    expect(r.accountId).toBeNull();
    expect(r.candidates).toEqual([]);
    const codes = r.accountReasons.map((x) => x.code);
    expect(codes).toEqual(['own_domain_skipped', 'free_mail_skipped', 'no_account']);
    // Neither address was looked up (ours, free mail): the reasons say so, lookedFor stays empty.
    expect(r.lookedFor.emails).toEqual([]);
  });

  it("the signed-in user's domain is ours even if the pack forgot it", () => {
    const r = matchPage(index, page({ site: 'gmail', recordType: 'thread', emails: ['rep@newco-sales.com', 'wile@acme.com'], ownEmail: 'rep@newco-sales.com' }));
    expect(r.accountId).toBe('acme');
  });

  it('a shared domain gives candidates, not a silent pick', () => {
    const r = matchPage(index, page({ domains: ['umbrella.com'] }));
    expect(r.accountId).toBeNull();
    expect(r.candidates.map((c) => c.accountId).sort()).toEqual(['umbrella-eu', 'umbrella-us']);
    expect(r.accountReasons).toContainEqual({ code: 'shared_domain', params: { domain: 'umbrella.com', count: 2 } });
    expect(r.candidates[0].reasons.map((x) => x.code)).toContain('shared_domain');
  });

  it('a shared domain with the name on the page picks the named one', () => {
    const r = matchPage(index, page({ domains: ['umbrella.com'], accountName: 'Umbrella Europe' }));
    expect(r.accountId).toBe('umbrella-eu');
    expect(r.candidates.map((c) => c.accountId)).toEqual(['umbrella-us']);
  });

  it('people from several customer companies in one thread give candidates', () => {
    const r = matchPage(index, page({ site: 'gmail', recordType: 'thread', emails: ['a@acme.com', 'b@globex.com', 'c@ourco.com'] }));
    expect(r.accountId).toBeNull();
    expect(r.accountReasons).toContainEqual({ code: 'several_companies', params: { count: 2 } });
    expect(r.candidates.map((c) => c.accountId).sort()).toEqual(['acme', 'globex']);
    expect(r.candidates.every((c) => c.confidence <= 0.5)).toBe(true);
  });

  it('several companies, but the website field decides', () => {
    const r = matchPage(index, page({ domains: ['globex.com'], emails: ['a@acme.com', 'b@globex.com'] }));
    expect(r.accountId).toBe('globex');
  });
});

describe('names', () => {
  it('Chinese name with and without 有限公司', () => {
    expect(matchPage(index, page({ accountName: '华为技术' })).accountId).toBe('huawei');
    expect(matchPage(index, page({ accountName: '华为技术有限公司' })).accountId).toBe('huawei');
    expect(matchPage(index, page({ accountName: '华为技术股份有限公司' })).accountId).toBe('huawei');
    expect(matchPage(index, page({ accountName: 'Huawei Technologies Co., Ltd.' })).accountId).toBe('huawei');
  });

  it('(中国) and full-width brackets are ignored', () => {
    expect(matchPage(index, page({ accountName: '阿里巴巴网络技术有限公司' })).accountId).toBe('alibaba');
    expect(matchPage(index, page({ accountName: '阿里巴巴(中国)网络技术' })).accountId).toBe('alibaba');
  });

  it('a fuzzy name is a candidate only, never chosen', () => {
    const r = matchPage(index, page({ accountName: 'Hooli Industrie' }));
    expect(r.accountId).toBeNull();
    expect(r.candidates[0]).toMatchObject({ accountId: 'hooli' });
    expect(r.candidates[0].reasons[0]).toMatchObject({ code: 'fuzzy', params: { name: 'Hooli Industrie' } });
    expect(r.candidates[0].confidence).toBeLessThan(0.6);
    expect(r.accountReasons.map((x) => x.code)).not.toContain('no_account');
  });

  it('an unrelated name gives no candidates', () => {
    const r = matchPage(index, page({ accountName: 'Stark Enterprises' }));
    expect(r.accountId).toBeNull();
    expect(r.candidates).toEqual([]);
    expect(r.accountReasons).toEqual([{ code: 'no_account', params: { looked: '“Stark Enterprises”' } }]);
    expect(r.lookedFor.names).toEqual(['Stark Enterprises']);
  });
});

describe('several companies are counted as companies, not domains', () => {
  it('two domains of one customer plus another customer is two companies', () => {
    const r = matchPage(index, page({ site: 'gmail', recordType: 'thread', emails: ['a@acme.com', 'b@acme.co.uk', 'c@initech.io'] }));
    expect(r.accountId).toBeNull();
    expect(r.accountReasons).toContainEqual({ code: 'several_companies', params: { count: 2 } });
  });

  it('two domains of one customer only is that customer', () => {
    expect(matchPage(index, page({ emails: ['a@acme.com', 'b@acme.co.uk'] })).accountId).toBe('acme');
  });
});
