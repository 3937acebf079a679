import { describe, expect, it } from 'vitest';
import { extractPage, siteFor, SITES } from '../../../utils/sites/registry';
import { parse } from './helpers';

describe('registry', () => {
  it.each([
    ['https://acme.lightning.force.com/lightning/r/Account/0018c00000FbrkmAAB/view', 'salesforce'],
    ['https://acme.my.salesforce.com/0018c00000FbrkmAAB', 'salesforce'],
    ['https://app.hubspot.com/contacts/1/record/0-2/2', 'hubspot'],
    ['https://app-eu1.hubspot.com/contacts/1/record/0-3/2', 'hubspot'],
    ['https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdXyzThreadAcme01', 'gmail'],
    ['https://www.google.com/search?q=acme', null],
    ['https://example.com/crm/account/1', null],
  ])('%s → %s', (url, id) => expect(siteFor(new URL(url))?.id ?? null).toBe(id));

  it('site ids are unique and every URL matches at most one site', () => {
    expect(new Set(SITES.map((s) => s.id)).size).toBe(SITES.length);
    const url = new URL('https://app.hubspot.com/contacts/1/record/0-2/2');
    expect(SITES.filter((s) => s.matches(url))).toHaveLength(1);
  });

  it('extractPage gives null for sites we do not cover', () => {
    expect(extractPage(parse('<html><body><h1>Acme</h1></body></html>'), new URL('https://example.com/'))).toBeNull();
  });
});
