import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract, focusedHost } from '../../../utils/sites/salesforce/extract';
import { accountIdFromHref, isSalesforceHost, matchesSalesforce, parseRecordUrl } from '../../../utils/sites/salesforce/urls';
import { FIXTURES, load, parse } from './helpers';

const u = (s: string) => new URL(s);

describe('Salesforce hosts', () => {
  it.each([
    ['acme.lightning.force.com', true],
    ['acme--uat.sandbox.lightning.force.com', true],
    ['acme-dev-ed.develop.lightning.force.com', true],
    ['acme.my.salesforce.com', true],
    ['acme--uat.sandbox.my.salesforce.com', true],
    ['na85.salesforce.com', true],
    ['cs42.salesforce.com', true],
    ['acme--c.vf.force.com', false],
    ['acme--c.visualforce.com', false],
    ['acme--c.na85.visual.force.com', false],
    ['acme.my.site.com', false],
    ['www.salesforce.com', false],
    ['login.salesforce.com', false],
    ['trailhead.salesforce.com', false],
    ['lightning.force.com.evil.example', false],
  ])('%s → %s', (host, ok) => expect(isSalesforceHost(host)).toBe(ok));

  it('needs https', () => {
    expect(matchesSalesforce(u('http://acme.lightning.force.com/lightning/page/home'))).toBe(false);
    expect(matchesSalesforce(u('https://acme.lightning.force.com/lightning/page/home'))).toBe(true);
  });
});

describe('Salesforce record URLs', () => {
  const base = 'https://acme.lightning.force.com';
  it.each([
    ['/lightning/r/Opportunity/0068c00000CtsOpAAB/view', 'Opportunity', '0068c00000CtsOpAAB', 'opportunity', 'lightning'],
    ['/lightning/r/Account/0018c00000FbrkmAAB/view', 'Account', '0018c00000FbrkmAAB', 'account', 'lightning'],
    ['/lightning/r/Contact/0038c00000FbHwbAAB/view', 'Contact', '0038c00000FbHwbAAB', 'contact', 'lightning'],
    ['/lightning/r/Lead/00Q8c00000TsTyKAAB/view', 'Lead', '00Q8c00000TsTyKAAB', 'lead', 'lightning'],
    ['/lightning/r/Case/5008c00000NwCs1AAB/view', 'Case', '5008c00000NwCs1AAB', 'case', 'lightning'],
    // 15-character ids, trailing slash, edit modal, console ws= parameter, c__ parameters
    ['/lightning/r/Account/0018c00000Fbrkm/view', 'Account', '0018c00000Fbrkm', 'account', 'lightning'],
    ['/lightning/r/Account/0018c00000FbrkmAAB/view/', 'Account', '0018c00000FbrkmAAB', 'account', 'lightning'],
    ['/lightning/r/Opportunity/0068c00000CtsOpAAB/edit', 'Opportunity', '0068c00000CtsOpAAB', 'opportunity', 'lightning'],
    ['/lightning/r/Contact/0038c00000FbHwbAAB/view?ws=%2Flightning%2Fr%2FAccount%2F0018c00000FbrkmAAB%2Fview', 'Contact', '0038c00000FbHwbAAB', 'contact', 'lightning'],
    ['/lightning/r/Case/5008c00000NwCs1AAB/view?c__source=email#details', 'Case', '5008c00000NwCs1AAB', 'case', 'lightning'],
    // object left out: taken from the key prefix
    ['/lightning/r/0068c00000CtsOpAAB/view', 'Opportunity', '0068c00000CtsOpAAB', 'opportunity', 'lightning'],
    ['/lightning/r/00Q8c00000TsTyKAAB/view', 'Lead', '00Q8c00000TsTyKAAB', 'lead', 'lightning'],
    // the demo org's opportunity id has 19 characters
    ['/lightning/r/Opportunity/0065g00000NwOpp1AAB/view', 'Opportunity', '0065g00000NwOpp1AAB', 'opportunity', 'lightning'],
    // pre-2018 hash routes
    ['/one/one.app#/sObject/0018c00000FbrkmAAB/view', 'Account', '0018c00000FbrkmAAB', 'account', 'lightning'],
    // Classic detail pages
    ['/0068c00000WdgOpAAB', 'Opportunity', '0068c00000WdgOpAAB', 'opportunity', 'classic'],
    ['/0018c00000WdgBk?srPos=0&srKp=001', 'Account', '0018c00000WdgBk', 'account', 'classic'],
    ['/5008c00000NwCs1', 'Case', '5008c00000NwCs1', 'case', 'classic'],
  ])('%s → %s %s', (path, object, id, recordType, ui) => {
    expect(parseRecordUrl(u(base + path))).toEqual({ object, id, recordType, ui });
  });

  it('custom objects and objects we do not read parse with no record type', () => {
    expect(parseRecordUrl(u(`${base}/lightning/r/Invoice__c/a0X8c000001AbCdEAZ/view`))).toMatchObject({ object: 'Invoice__c', recordType: null });
    expect(parseRecordUrl(u(`${base}/lightning/r/Task/00T8c00000CtsT1AAB/view`))).toMatchObject({ object: 'Task', recordType: null });
  });

  it.each([
    '/lightning/page/home',
    '/lightning/o/Opportunity/list?filterName=Recent',
    '/lightning/o/Account/home',
    '/lightning/o/Account/new',
    '/lightning/r/Account/0018c00000FbrkmAAB/related/Contacts/view',
    '/lightning/setup/SetupOneHome/home',
    '/lightning/n/Sales_Insights',
    '/lightning/r/Account/not-an-id/view',
    '/lightning/r/Account/0018c00000Fbrkm12345678/view',
    '/one/one.app',
    '/one/one.app#/sObject/Account/home',
    '/006/o',
    '/006?fcf=00B8c00000AbCdE',
    '/0068c00000WdgOpAAB/e',
    '/home/home.jsp',
    '/0Xa9z00000Unkwn', // unknown key prefix
  ])('%s → not a record', (path) => {
    const r = parseRecordUrl(u(base + path));
    expect(r === null || r.recordType === null).toBe(true);
  });

  it('reads account ids from lookup links of every shape', () => {
    const b = u(`${base}/lightning/r/Opportunity/0068c00000CtsOpAAB/view`);
    expect(accountIdFromHref('/lightning/r/Account/0018c00000CtsPhAAB/view', b)).toBe('0018c00000CtsPhAAB');
    expect(accountIdFromHref('/lightning/r/0018c00000CtsPhAAB/view', b)).toBe('0018c00000CtsPhAAB');
    expect(accountIdFromHref(`${base}/lightning/r/Account/0018c00000CtsPhAAB/view`, b)).toBe('0018c00000CtsPhAAB');
    expect(accountIdFromHref('/0018c00000CtsPhAAB', b)).toBe('0018c00000CtsPhAAB');
    expect(accountIdFromHref('/lightning/r/User/0058c00000JrdSmAAB/view', b)).toBeNull();
    expect(accountIdFromHref('/lightning/r/Contact/0038c00000FbHwbAAB/view', b)).toBeNull();
    expect(accountIdFromHref(null, b)).toBeNull();
  });
});

describe('Salesforce: only the page on screen is read', () => {
  const oppUrl = u('https://contoso.lightning.force.com/lightning/r/Opportunity/0068c00000CtsOpAAB/view');

  it('picks the active workspace tab in a console app, not the first page host', () => {
    const doc = load(join(FIXTURES, 'salesforce/console-case.html'));
    const host = focusedHost(doc)!;
    expect(host.textContent).toContain('00001043');
    expect(host.textContent).not.toContain('Contoso Pharmaceuticals');
  });

  it('ignores a cached page host hidden with display:none', () => {
    const html = readFileSync(join(FIXTURES, 'salesforce/opportunity.html'), 'utf8').replace(
      '<div class="windowViewMode-normal oneContent active lafPageHost"',
      '<div class="oneContent lafPageHost" style="display: none"><records-highlights2><h1><slot name="primaryField"><lightning-formatted-text>Old page</lightning-formatted-text></slot></h1></records-highlights2></div>\n<div class="windowViewMode-normal oneContent active lafPageHost"',
    );
    expect(extract(parse(html), oppUrl)?.text).not.toContain('Old page');
  });

  it('returns null when two page hosts claim to be active (no guessing)', () => {
    const one = '<div class="windowViewMode-normal oneContent active lafPageHost"><records-highlights2><h1><slot name="primaryField"><lightning-formatted-text>A</lightning-formatted-text></slot></h1></records-highlights2></div>';
    const doc = parse(`<html><body>${one}${one.replace('>A<', '>B<')}</body></html>`);
    expect(focusedHost(doc)).toBeNull();
    expect(extract(doc, oppUrl)).toBeNull();
  });

  it('returns null on a record URL when the DOM is a list view (the record has not rendered)', () => {
    expect(extract(load(join(FIXTURES, 'salesforce/list-view.html')), oppUrl)).toBeNull();
  });

  it('returns null without any Lightning page host', () => {
    expect(extract(parse('<html><body><h1>Northwind</h1></body></html>'), oppUrl)).toBeNull();
  });

  it('falls back to the Sales Path for the stage when the Stage field is not on the layout', () => {
    const html = readFileSync(join(FIXTURES, 'salesforce/opportunity.html'), 'utf8')
      .replace(/<records-record-layout-item field-label="Stage"[\s\S]*?<\/records-record-layout-item>/, '');
    expect(extract(parse(html), oppUrl)?.stage).toBe('Negotiation/Review');
  });
});
