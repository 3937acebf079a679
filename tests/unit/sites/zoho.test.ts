import { describe, expect, it } from 'vitest';
import { accountIdFromHref, isZohoHost, parseRecordUrl } from '../../../utils/sites/zoho/urls';

const ID = '4876876000000331001';

describe('Zoho CRM hosts', () => {
  it.each([
    ['crm.zoho.com', true], ['crm.zoho.eu', true], ['crm.zoho.in', true], ['crm.zoho.com.au', true], ['crm.zoho.jp', true],
    ['crm.zoho.com.cn', true], ['crm.zohocloud.ca', true], ['crm.zoho.sa', true],
    ['bigin.zoho.com', false], ['desk.zoho.com', false], ['creator.zoho.com', false], ['www.zoho.com', false], ['crm.zoho.com.evil.example', false],
  ])('%s → %s', (host, ok) => expect(isZohoHost(host)).toBe(ok));
});

describe('Zoho CRM record URLs', () => {
  const b = 'https://crm.zoho.com';
  it.each([
    [`/crm/org20071234567/tab/Accounts/${ID}`, 'Accounts', 'account'],
    [`/crm/org20071234567/tab/Potentials/${ID}`, 'Potentials', 'deal'],
    [`/crm/org20071234567/tab/Deals/${ID}`, 'Deals', 'deal'],
    [`/crm/tab/Contacts/${ID}`, 'Contacts', 'contact'],
    [`/crm/tab/Leads/${ID}/`, 'Leads', 'lead'],
    [`/crm/EntityInfo.do?module=Potentials&id=${ID}`, 'Potentials', 'deal'],
    [`/crm/org20071234567/EntityInfo.do?module=Accounts&id=${ID}`, 'Accounts', 'account'],
  ])('%s → %s', (path, module, recordType) => expect(parseRecordUrl(new URL(b + path))).toEqual({ module, id: ID, recordType }));

  it.each([
    '/crm/org20071234567/tab/Accounts/custom-view/4876876000000087501/list',
    '/crm/org20071234567/tab/Potentials/custom-view/4876876000000087501/kanban',
    `/crm/org20071234567/tab/Accounts/${ID}/edit`,
    '/crm/org20071234567/tab/Home/begin',
    `/crm/org20071234567/tab/CustomModule1/${ID}`,
    '/crm/org20071234567/settings/modules',
    '/crm/EntityInfo.do?module=Accounts',
  ])('%s → not a record', (path) => expect(parseRecordUrl(new URL(b + path))).toBeNull());

  it('reads account ids from lookup links', () => {
    const base = new URL(`${b}/crm/org20071234567/tab/Potentials/${ID}`);
    expect(accountIdFromHref(`/crm/org20071234567/tab/Accounts/${ID}`, base)).toBe(ID);
    expect(accountIdFromHref(`/crm/org20071234567/tab/Contacts/${ID}`, base)).toBeNull();
  });
});
