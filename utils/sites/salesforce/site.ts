import { defineSite, recordRef } from '../site';
import { extract } from './extract';
import { info } from './info';
import { CLASSIC, PAGE_HOST, RECORD_NAME } from './selectors';
import { accountIdFromHref, matchesSalesforce, parseRecordUrl } from './urls';

export const salesforce = defineSite(info, {
  matches: matchesSalesforce,
  record: (u) => recordRef(parseRecordUrl(u)),
  accountIdFromHref,
  landmarks: [
    { name: 'page host', selector: `${PAGE_HOST}, ${CLASSIC.body.join(', ')}` },
    { name: 'record name', selector: [...RECORD_NAME, CLASSIC.recordName].join(', ') },
  ],
  extract,
});
