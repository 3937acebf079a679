/** The webmail content script's sites. */
import { defineSite, type Site } from './site';
import { extract as gmail } from './gmail/extract';
import * as GmailS from './gmail/selectors';
import { matchesGmail, parseThreadId } from './gmail/urls';
import { extract as outlook } from './outlook/extract';
import * as OutlookS from './outlook/selectors';
import { matchesOutlook, parseItemId } from './outlook/urls';

const thread = (id: string | null) => (id ? { recordType: 'thread' as const, recordId: id } : null);

export const MAIL_SITES: Site[] = [
  defineSite({
    id: 'gmail',
    matches: matchesGmail,
    record: (u) => thread(parseThreadId(u)),
    landmarks: [
      { name: 'main region', selector: GmailS.MAIN },
      { name: 'message', selector: GmailS.MESSAGE },
      { name: 'sender', selector: GmailS.SENDER.join(', ') },
    ],
    extract: gmail,
  }),
  defineSite({
    id: 'outlook',
    matches: matchesOutlook,
    record: (u) => thread(parseItemId(u)),
    landmarks: [
      { name: 'reading pane', selector: OutlookS.PANE.join(', ') },
      { name: 'message', selector: OutlookS.MESSAGE },
    ],
    extract: outlook,
  }),
];
