import { defineSite, recordRef } from '../site';
import { extract } from './extract';
import { info } from './info';
import { TITLE } from './selectors';
import { matchesPipedrive, organizationIdFromHref, parseRecordUrl } from './urls';

export const pipedrive = defineSite(info, {
  matches: matchesPipedrive,
  record: (u) => recordRef(parseRecordUrl(u)),
  accountIdFromHref: organizationIdFromHref,
  landmarks: [{ name: 'record title', selector: TITLE.join(', ') }],
  extract,
});
