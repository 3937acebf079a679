import { defineInfo } from '../info';

export const info = defineInfo({
  id: 'dynamics',
  kind: 'crm',
  label: 'Dynamics 365',
  hosts: ['https://*.dynamics.com/*', 'https://*.dynamics.cn/*', 'https://*.microsoftdynamics.us/*'],
  notARecord: (u) =>
    `${u.pathname}${u.search} is not a record form (a record is /main.aspx?pagetype=entityrecord&etn=<account|opportunity|contact|lead|incident>&id=<guid>; views, dashboards and new-record forms are not read)`,
  notRendered: 'the form has no record header',
});
