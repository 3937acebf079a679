import { describe, expect, it } from 'vitest';
import type { SiteRule } from '../../../utils/pack/schema';
import { extractGeneric } from '../../../utils/sites/generic/extract';
import { hostMatches, ruleFor } from '../../../utils/sites/generic/rules';
import { extractPage, handles } from '../../../utils/sites/registry';
import { parse } from './helpers';

const rule = (over: Partial<SiteRule> = {}): SiteRule => ({
  id: 'r', host: 'crm.acme.example', selectors: { accountName: 'h1.account', website: '.site', emails: '.mail', stage: '.stage', competitor: '.comp' }, ...over,
});

describe('site rules', () => {
  it.each([
    ['crm.acme.example', 'crm.acme.example', true],
    ['crm.acme.example', 'CRM.Acme.Example', true],
    ['crm.acme.example', 'eu.crm.acme.example', false],
    ['*.crm.acme.example', 'eu.crm.acme.example', true],
    ['*.crm.acme.example', 'a.b.crm.acme.example', true],
    ['*.crm.acme.example', 'crm.acme.example', false],
    ['*.crm.acme.example', 'evilcrm.acme.example', false],
  ])('%s vs %s → %s', (pattern, host, ok) => expect(hostMatches(pattern, host)).toBe(ok));

  it('path prefixes narrow a rule; the first matching rule wins', () => {
    const rules = [rule({ id: 'a', pathPrefix: '/accounts/' }), rule({ id: 'b' })];
    expect(ruleFor(new URL('https://crm.acme.example/accounts/1'), rules)?.id).toBe('a');
    expect(ruleFor(new URL('https://crm.acme.example/deals/1'), rules)?.id).toBe('b');
    expect(ruleFor(new URL('https://other.example/accounts/1'), rules)).toBeNull();
    expect(ruleFor(new URL('file:///crm.acme.example/x'), rules)).toBeNull();
  });

  it('built-in sites come first; rules only cover hosts no adapter knows', () => {
    const sfRule = rule({ host: 'acme.lightning.force.com' });
    expect(handles(new URL('https://crm.acme.example/x'), [rule()])).toBe(true);
    expect(handles(new URL('https://crm.acme.example/x'))).toBe(false);
    const doc = parse('<html><body><h1 class="account">Should not be read</h1></body></html>');
    expect(extractPage(doc, new URL('https://acme.lightning.force.com/lightning/page/home'), [sfRule])).toBeNull();
  });
});

describe('extractGeneric', () => {
  const url = new URL('https://crm.acme.example/account/42');
  it('reads every configured field', () => {
    const doc = parse(`<html><body><h1 class="account"> Acme GmbH </h1><span class="site"><a href="https://www.acme.de/">acme</a></span>
      <span class="mail">Sales: sales@acme.de</span><a class="mail" href="mailto:ceo@acme.de">CEO</a><span class="stage">Proposal</span><span class="comp">Globex; Hooli</span></body></html>`);
    expect(extractGeneric(doc, url, [rule({ recordType: 'Account' })])).toEqual({
      site: 'generic', recordType: 'account', recordId: '/account/42', accountName: 'Acme GmbH', accountId: null, domains: ['acme.de'],
      emails: ['sales@acme.de', 'ceo@acme.de'], stage: 'Proposal', competitorsField: ['Globex', 'Hooli'], text: 'Acme GmbH\nProposal\nhttps://www.acme.de/',
    });
  });
  it('an unknown record type becomes "record"; an invalid selector reads nothing instead of throwing', () => {
    const doc = parse('<html><body><h1 class="account">Acme</h1></body></html>');
    const ctx = extractGeneric(doc, url, [rule({ recordType: 'Firma', selectors: { accountName: 'h1.account', stage: '[[broken' } })]);
    expect(ctx?.recordType).toBe('record');
    expect(ctx?.stage).toBeNull();
  });
  it('nothing identifying on the page: null', () => {
    expect(extractGeneric(parse('<html><body><span class="stage">Proposal</span></body></html>'), url, [rule()])).toBeNull();
  });
});
