/** Content scripts start at document_start: a page still without a body is "not rendered yet", never an error. */
import { describe, expect, it } from 'vitest';
import { readRecord } from '../../../utils/sites/layers';
import { SITES } from '../../../utils/sites/registry';
import { SITE_CATALOG } from '../../../utils/sites/catalog';
import { parse } from './helpers';

const RECORD_URLS: Record<string, string> = {
  salesforce: 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000NwOpp1AAB/view',
  hubspot: 'https://app.hubspot.com/contacts/4411223/record/0-2/9876543210',
  dynamics: 'https://acme.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=5a1c7e2e-1d2c-4f57-9f3e-8d1b2c3d4e5f',
  pipedrive: 'https://acme.pipedrive.com/deal/42',
  zoho: 'https://crm.zoho.com/crm/org123/tab/Accounts/4876876000000123456',
  gmail: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdXyzThreadAcme01',
  outlook: 'https://outlook.office.com/mail/inbox/id/AAQkAGI2TG93AAA%3D',
};

describe('reading before the page has a body (document_start)', () => {
  for (const info of SITE_CATALOG) {
    it(`${info.id}: null, without throwing`, () => {
      const site = SITES.find((s) => s.id === info.id)!;
      const url = new URL(RECORD_URLS[info.id]);
      expect(site.isRecord(url), `${url} should be a record URL`).toBe(true);
      const doc = parse('<!doctype html><html><head><title>loading</title></head></html>');
      // linkedom makes a body on first access; a browser at document_start has none.
      Object.defineProperty(doc, 'body', { get: () => null });
      expect(doc.body).toBeNull();
      expect(readRecord(site, doc, url)).toBeNull();
    });
  }
});
