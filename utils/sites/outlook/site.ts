import { defineSite, threadRef } from '../site';
import { extract } from './extract';
import { info } from './info';
import { MESSAGE, PANE } from './selectors';
import { matchesOutlook, parseItemId } from './urls';

export const outlook = defineSite(info, {
  matches: matchesOutlook,
  record: (u) => threadRef(parseItemId(u)),
  landmarks: [
    { name: 'reading pane', selector: PANE.join(', ') },
    { name: 'message', selector: MESSAGE },
  ],
  extract,
});
