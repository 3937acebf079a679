import { defineInfo } from '../info';

export const info = defineInfo({
  id: 'gmail',
  kind: 'mail',
  label: 'Gmail',
  hosts: ['https://mail.google.com/*'],
  notARecord: (u) =>
    `this page shows no open thread (the URL says ${u.hash || 'no view'}, a list; a thread is #inbox/<thread id>, #label/<name>/<thread id>, #search/<query>/<thread id>…)`,
  notRendered: 'the main region holds no conversation (a thread list, or still loading)',
  // Gmail lays its panes out from the window's width in script and keeps its own side
  // panel (Calendar, Keep, add-ons) in that column: a narrower document was not verified
  // against live Gmail, so the panel floats over it unless the rep docks it.
  panel: 'over',
});
