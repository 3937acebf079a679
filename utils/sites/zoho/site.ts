import { defineSite, recordRef } from '../site';
import { extract } from './extract';
import { info } from './info';
import { HEADER, RECORD_NAME } from './selectors';
import { accountIdFromHref, matchesZoho, parseRecordUrl } from './urls';

export const zoho = defineSite(info, {
  matches: matchesZoho,
  record: (u) => recordRef(parseRecordUrl(u)),
  accountIdFromHref,
  landmarks: [
    { name: 'detail page header', selector: HEADER },
    { name: 'record name', selector: RECORD_NAME.join(', ') },
  ],
  extract,
});
