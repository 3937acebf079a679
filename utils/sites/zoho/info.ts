import { defineInfo } from '../info';

export const info = defineInfo({
  id: 'zoho',
  kind: 'crm',
  label: 'Zoho CRM',
  hosts: [
    'https://crm.zoho.com/*',
    'https://crm.zoho.eu/*',
    'https://crm.zoho.in/*',
    'https://crm.zoho.com.au/*',
    'https://crm.zoho.jp/*',
    'https://crm.zoho.com.cn/*',
    'https://crm.zoho.sa/*',
    'https://crm.zoho.uk/*',
    'https://crm.zohocloud.ca/*',
  ],
  notARecord: (u) => `${u.pathname} is not a record page (a record is /crm/<org>/tab/<Accounts|Potentials|Deals|Contacts|Leads>/<id>; list views, kanban and edit forms are not read)`,
  notRendered: 'the detail view has no record name',
});
