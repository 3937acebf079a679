/** The CRM content script's adapters: only these go into its bundle. */
import { adaptersOf } from './site';
import { dynamics } from './dynamics/site';
import { hubspot } from './hubspot/site';
import { pipedrive } from './pipedrive/site';
import { salesforce } from './salesforce/site';
import { zoho } from './zoho/site';

export const CRM_ADAPTERS = adaptersOf('crm', { salesforce, hubspot, dynamics, pipedrive, zoho });
