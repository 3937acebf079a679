import { defineInfo } from '../info';

export const info = defineInfo({
  id: 'gmail',
  kind: 'mail',
  label: 'Gmail',
  hosts: ['https://mail.google.com/*'],
  notARecord: (u) =>
    `this page shows no open thread (the URL says ${u.hash || 'no view'}, a list; a thread is #inbox/<thread id>, #label/<name>/<thread id>, #search/<query>/<thread id>…)`,
  notRendered: 'the main region holds no conversation (a thread list, or still loading)',
});
