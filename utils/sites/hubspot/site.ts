import { defineSite, recordRef } from '../site';
import { extract } from './extract';
import { info } from './info';
import { LEFT_SIDEBAR, TITLE } from './selectors';
import { companyIdFromHref, matchesHubSpot, parseRecordUrl } from './urls';

export const hubspot = defineSite(info, {
  matches: matchesHubSpot,
  record: (u) => recordRef(parseRecordUrl(u)),
  accountIdFromHref: companyIdFromHref,
  landmarks: [
    { name: 'left sidebar', selector: LEFT_SIDEBAR },
    { name: 'record title', selector: TITLE.join(', ') },
  ],
  extract,
});
