import { defineInfo } from '../info';

export const info = defineInfo({
  id: 'salesforce',
  kind: 'crm',
  label: 'Salesforce',
  hosts: ['https://*.lightning.force.com/*', 'https://*.salesforce.com/*'],
  notARecord: (u) =>
    `${u.pathname} is not one record's page (a record is /lightning/r/<Account|Opportunity|Contact|Lead|Case>/<id>/view, Classic /<id>; list views, home, setup and related lists are not read)`,
  notRendered: 'the page host on screen has neither a record name nor any field (still loading?)',
});
