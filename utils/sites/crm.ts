/** The CRM content script's sites: only these adapters go into its bundle. */
import { defineSite, type Site } from './site';
import type { RecordType } from './types';
import { extract as dynamics } from './dynamics/extract';
import * as DynamicsS from './dynamics/selectors';
import { matchesDynamics, parseRecordUrl as dynamicsRecord } from './dynamics/urls';
import { extract as hubspot } from './hubspot/extract';
import * as HubSpotS from './hubspot/selectors';
import { companyIdFromHref, matchesHubSpot, parseRecordUrl as hubspotRecord } from './hubspot/urls';
import { extract as pipedrive } from './pipedrive/extract';
import * as PipedriveS from './pipedrive/selectors';
import { matchesPipedrive, organizationIdFromHref, parseRecordUrl as pipedriveRecord } from './pipedrive/urls';
import { extract as salesforce } from './salesforce/extract';
import * as SalesforceS from './salesforce/selectors';
import { accountIdFromHref as salesforceAccountId, matchesSalesforce, parseRecordUrl as salesforceRecord } from './salesforce/urls';
import { extract as zoho } from './zoho/extract';
import * as ZohoS from './zoho/selectors';
import { accountIdFromHref as zohoAccountId, matchesZoho, parseRecordUrl as zohoRecord } from './zoho/urls';

const ref = (r: { recordType: RecordType | null; id: string } | null) => (r && r.recordType ? { recordType: r.recordType, recordId: r.id } : null);

function dynamicsAccountId(href: string | null, base: URL): string | null {
  if (!href) return null;
  try {
    const r = dynamicsRecord(new URL(href, base));
    return r && r.recordType === 'account' ? r.id : null;
  } catch {
    return null;
  }
}

export const CRM_SITES: Site[] = [
  defineSite({
    id: 'salesforce',
    matches: matchesSalesforce,
    record: (u) => ref(salesforceRecord(u)),
    accountIdFromHref: salesforceAccountId,
    landmarks: [
      { name: 'page host', selector: `${SalesforceS.PAGE_HOST}, ${SalesforceS.CLASSIC.body.join(', ')}` },
      { name: 'record name', selector: [...SalesforceS.RECORD_NAME, SalesforceS.CLASSIC.recordName].join(', ') },
    ],
    extract: salesforce,
  }),
  defineSite({
    id: 'hubspot',
    matches: matchesHubSpot,
    record: (u) => ref(hubspotRecord(u)),
    accountIdFromHref: companyIdFromHref,
    landmarks: [
      { name: 'left sidebar', selector: HubSpotS.LEFT_SIDEBAR },
      { name: 'record title', selector: HubSpotS.TITLE.join(', ') },
    ],
    extract: hubspot,
  }),
  defineSite({
    id: 'dynamics',
    matches: matchesDynamics,
    record: (u) => ref(dynamicsRecord(u)),
    accountIdFromHref: dynamicsAccountId,
    landmarks: [
      { name: 'record form', selector: DynamicsS.FORM },
      { name: 'form header title', selector: DynamicsS.TITLE.join(', ') },
    ],
    extract: dynamics,
  }),
  defineSite({
    id: 'pipedrive',
    matches: matchesPipedrive,
    record: (u) => ref(pipedriveRecord(u)),
    accountIdFromHref: organizationIdFromHref,
    landmarks: [{ name: 'record title', selector: PipedriveS.TITLE.join(', ') }],
    extract: pipedrive,
  }),
  defineSite({
    id: 'zoho',
    matches: matchesZoho,
    record: (u) => ref(zohoRecord(u)),
    accountIdFromHref: zohoAccountId,
    landmarks: [
      { name: 'detail page header', selector: ZohoS.HEADER },
      { name: 'record name', selector: ZohoS.RECORD_NAME.join(', ') },
    ],
    extract: zoho,
  }),
];
