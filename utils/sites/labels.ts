import type { SiteId } from './types';

/** Each site as people name it (explain, the ops console). */
export const SITE_LABEL: Readonly<Record<SiteId, string>> = {
  salesforce: 'Salesforce',
  hubspot: 'HubSpot',
  dynamics: 'Dynamics 365',
  pipedrive: 'Pipedrive',
  zoho: 'Zoho CRM',
  gmail: 'Gmail',
  outlook: 'Outlook on the web',
  generic: 'a self-hosted CRM (pack rule)',
};
