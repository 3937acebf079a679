/** The CRM content script's sites: only these adapters go into its bundle. */
import type { Site } from './site';
import { extract as dynamics } from './dynamics/extract';
import { matchesDynamics, parseRecordUrl as dynamicsRecord } from './dynamics/urls';
import { extract as hubspot } from './hubspot/extract';
import { matchesHubSpot, parseRecordUrl as hubspotRecord } from './hubspot/urls';
import { extract as pipedrive } from './pipedrive/extract';
import { matchesPipedrive, parseRecordUrl as pipedriveRecord } from './pipedrive/urls';
import { extract as salesforce } from './salesforce/extract';
import { matchesSalesforce, parseRecordUrl as salesforceRecord } from './salesforce/urls';
import { extract as zoho } from './zoho/extract';
import { matchesZoho, parseRecordUrl as zohoRecord } from './zoho/urls';

export const CRM_SITES: Site[] = [
  { id: 'salesforce', matches: matchesSalesforce, isRecord: (u) => salesforceRecord(u) !== null, extract: salesforce },
  { id: 'hubspot', matches: matchesHubSpot, isRecord: (u) => hubspotRecord(u) !== null, extract: hubspot },
  { id: 'dynamics', matches: matchesDynamics, isRecord: (u) => dynamicsRecord(u) !== null, extract: dynamics },
  { id: 'pipedrive', matches: matchesPipedrive, isRecord: (u) => pipedriveRecord(u) !== null, extract: pipedrive },
  { id: 'zoho', matches: matchesZoho, isRecord: (u) => zohoRecord(u) !== null, extract: zoho },
];
