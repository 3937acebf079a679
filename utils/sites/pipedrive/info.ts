import { defineInfo } from '../info';

export const info = defineInfo({
  id: 'pipedrive',
  kind: 'crm',
  label: 'Pipedrive',
  hosts: ['https://*.pipedrive.com/*'],
  notARecord: (u) => `${u.pathname} is not a record page (a record is /deal/<id>, /organization/<id> or /person/<id>; the pipeline board and lists are not read)`,
  notRendered: 'the detail view has no record title',
});
