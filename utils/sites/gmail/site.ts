import { defineSite, threadRef } from '../site';
import { extract } from './extract';
import { info } from './info';
import { MAIN, MESSAGE, SENDER } from './selectors';
import { matchesGmail, parseThreadId } from './urls';

export const gmail = defineSite(info, {
  matches: matchesGmail,
  record: (u) => threadRef(parseThreadId(u)),
  landmarks: [
    { name: 'main region', selector: MAIN },
    { name: 'message', selector: MESSAGE },
    { name: 'sender', selector: SENDER.join(', ') },
  ],
  extract,
});
