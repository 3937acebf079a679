import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../../../utils/sites/hubspot/extract';
import { companyIdFromHref, isHubSpotHost, matchesHubSpot, parseRecordUrl } from '../../../utils/sites/hubspot/urls';
import { FIXTURES, load, parse } from './helpers';

const u = (s: string) => new URL(s);

describe('HubSpot hosts', () => {
  it.each([
    ['app.hubspot.com', true],
    ['app-eu1.hubspot.com', true],
    ['app-na2.hubspot.com', true],
    ['app-ap1.hubspot.com', true],
    ['www.hubspot.com', false],
    ['api.hubapi.com', false],
    ['knowledge.hubspot.com', false],
    ['acme.hs-sites.com', false],
    ['app.hubspot.com.evil.example', false],
  ])('%s → %s', (host, ok) => expect(isHubSpotHost(host)).toBe(ok));

  it('needs https', () => expect(matchesHubSpot(u('http://app.hubspot.com/contacts/1/record/0-2/2'))).toBe(false));
});

describe('HubSpot record URLs', () => {
  const b = 'https://app.hubspot.com';
  it.each([
    ['/contacts/4411223/record/0-2/9876543210', 'company', '9876543210', '0-2'],
    ['/contacts/4411223/record/0-3/8801', 'deal', '8801', '0-3'],
    ['/contacts/4411223/record/0-1/501', 'contact', '501', '0-1'],
    ['/contacts/4411223/record/0-5/9001', 'ticket', '9001', '0-5'],
    ['/contacts/4411223/record/0-2/9876543210/', 'company', '9876543210', '0-2'],
    ['/contacts/4411223/record/0-1/501/view/1', 'contact', '501', '0-1'],
    ['/contacts/4411223/record/0-3/8801?interaction=note', 'deal', '8801', '0-3'],
    ['/contacts/4411223/record/0-2/9876543210#activity', 'company', '9876543210', '0-2'],
    // pre-2021 shapes
    ['/contacts/4411223/company/9876543210', 'company', '9876543210', '0-2'],
    ['/contacts/4411223/company/9876543210/', 'company', '9876543210', '0-2'],
    ['/contacts/4411223/deal/8801', 'deal', '8801', '0-3'],
    ['/contacts/4411223/contact/501', 'contact', '501', '0-1'],
    ['/contacts/4411223/ticket/9001', 'ticket', '9001', '0-5'],
    // Help Desk workspace
    ['/help-desk/4411223/view/123/ticket/9001', 'ticket', '9001', '0-5'],
    ['/help-desk/4411223/ticket/9001/thread/77', 'ticket', '9001', '0-5'],
  ])('%s → %s %s', (path, recordType, id, objectTypeId) => {
    expect(parseRecordUrl(u(b + path))).toEqual({ portalId: '4411223', recordType, id, objectTypeId });
  });

  it.each([
    '/contacts/4411223/objects/0-1/views/all/list',
    '/contacts/4411223/objects/0-3/views/all/board',
    '/contacts/4411223/objects/0-2/views/my/list?query=acme',
    '/contacts/4411223/companies',
    '/contacts/4411223/deals/board/view/all',
    '/contacts/4411223/record/2-1234567/55',
    '/contacts/4411223/record/0-7/55',
    '/contacts/4411223/record/0-2/',
    '/contacts/4411223/record/0-2/abc',
    '/settings/4411223/properties',
    '/reports-dashboard/4411223/view/1',
    '/live-messages/4411223/inbox/1',
    '/',
  ])('%s → not a record', (path) => expect(parseRecordUrl(u(b + path))).toBeNull());

  it('reads company ids from association links', () => {
    const base = u(`${b}/contacts/4411223/record/0-3/8801`);
    expect(companyIdFromHref('/contacts/4411223/record/0-2/7788990011', base)).toBe('7788990011');
    expect(companyIdFromHref('/contacts/4411223/company/7788990011', base)).toBe('7788990011');
    expect(companyIdFromHref('/contacts/4411223/record/0-1/501', base)).toBeNull();
    expect(companyIdFromHref(undefined, base)).toBeNull();
  });
});

describe('HubSpot page reading', () => {
  const dealUrl = u('https://app.hubspot.com/contacts/4411223/record/0-3/8801');
  const dealHtml = () => readFileSync(join(FIXTURES, 'hubspot/deal.html'), 'utf8');

  it("never takes an association card's name property for the record's own", () => {
    const ctx = extract(load(join(FIXTURES, 'hubspot/deal.html')), dealUrl)!;
    expect(ctx.text).not.toContain('litwareinc.com');
    expect(ctx.accountName).toBe('Litware, Inc.');
  });

  it('falls back to the labelled row when a property carries no name', () => {
    const html = dealHtml().replace('data-selenium-test="property-input-dealstage"', 'data-x="1"');
    expect(extract(parse(html), dealUrl)?.stage).toBe('Contract sent');
  });

  it('falls back to the highlight strip for the stage', () => {
    const html = dealHtml()
      .replace('data-selenium-test="property-input-dealstage"', 'data-x="1"')
      .replace('<span><span>Deal stage</span></span>', '<span><span>Phase</span></span>');
    expect(extract(parse(html), dealUrl)?.stage).toBe('Contract sent');
  });

  it('a record URL with no rendered title gives null', () => {
    expect(extract(parse('<html><body><div data-test-id="left-sidebar"></div></body></html>'), dealUrl)).toBeNull();
  });

  it('a contact without an associated company falls back to its company property', () => {
    const html = readFileSync(join(FIXTURES, 'hubspot/contact.html'), 'utf8').replace(/<div data-card-type="ASSOCIATION_V3"[\s\S]*?<\/div>\n?<\/div>/, '</div>');
    const ctx = extract(parse(html), u('https://app.hubspot.com/contacts/4411223/record/0-1/501'))!;
    expect(ctx.accountName).toBe('Litware');
    expect(ctx.accountId).toBeNull();
  });
});
