import { describe, expect, it } from 'vitest';
import { isPipedriveHost, organizationIdFromHref, parseRecordUrl } from '../../../utils/sites/pipedrive/urls';

describe('Pipedrive hosts', () => {
  it.each([
    ['adatum.pipedrive.com', true], ['app.pipedrive.com', true], ['my-company-2.pipedrive.com', true],
    ['www.pipedrive.com', false], ['api.pipedrive.com', false], ['webforms.pipedrive.com', false], ['pipedrive.com', false], ['adatum.pipedrive.com.evil.example', false],
  ])('%s → %s', (host, ok) => expect(isPipedriveHost(host)).toBe(ok));
});

describe('Pipedrive record URLs', () => {
  const b = 'https://adatum.pipedrive.com';
  it.each([
    ['/deal/5521', 'deal', '5521', 'deal'],
    ['/deal/5521/', 'deal', '5521', 'deal'],
    ['/deal/5521/email', 'deal', '5521', 'deal'],
    ['/deal/5521?tab=notes#x', 'deal', '5521', 'deal'],
    ['/organization/412', 'organization', '412', 'organization'],
    ['/person/733', 'person', '733', 'person'],
  ])('%s → %s %s', (path, kind, id, recordType) => expect(parseRecordUrl(new URL(b + path))).toEqual({ kind, id, recordType }));

  it.each([
    '/pipeline/1/user/everyone', '/deals/list/user/everyone', '/organizations/list/user/everyone', '/persons/list/user/everyone',
    '/leads/inbox/4b7c2a10-1111-4222-8333-944455566677', '/activities/list', '/settings/personal', '/deal/', '/deal/abc', '/',
  ])('%s → not a record', (path) => expect(parseRecordUrl(new URL(b + path))).toBeNull());

  it('reads organization ids from links', () => {
    const base = new URL(`${b}/deal/5521`);
    expect(organizationIdFromHref('/organization/412', base)).toBe('412');
    expect(organizationIdFromHref('/person/733', base)).toBeNull();
  });
});
