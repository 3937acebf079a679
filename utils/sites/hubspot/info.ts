import { defineInfo } from '../info';

export const info = defineInfo({
  id: 'hubspot',
  kind: 'crm',
  label: 'HubSpot',
  hosts: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*', 'https://app-na2.hubspot.com/*', 'https://app-ap1.hubspot.com/*'],
  notARecord: (u) =>
    `${u.pathname} is not a record page (a record is /contacts/<portal>/record/<0-1 contact|0-2 company|0-3 deal|0-5 ticket>/<id>; index views, boards, settings and custom objects are not read)`,
  notRendered: 'the left sidebar has no record title (still a loading skeleton?)',
});
