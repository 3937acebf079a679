import { defineInfo } from '../info';

export const info = defineInfo({
  id: 'outlook',
  kind: 'mail',
  label: 'Outlook on the web',
  hosts: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*'],
  notARecord: (u) => `no message is open (${u.pathname} is a folder or another view; an item is /mail/inbox/id/<item id> or /mail/deeplink/read/<item id>)`,
  notRendered: 'the reading pane holds no conversation (still loading?)',
});
