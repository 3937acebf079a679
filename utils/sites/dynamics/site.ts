import { defineSite, recordRef } from '../site';
import { extract } from './extract';
import { info } from './info';
import { FORM, TITLE } from './selectors';
import { matchesDynamics, parseRecordUrl } from './urls';
import { idFromHref } from '../links';

/** Dynamics links name records by URL like the page's own: an account link is an account record's URL. */
const accountIdFromHref = (href: string | null | undefined, base: URL): string | null => idFromHref(href, base, parseRecordUrl, (r) => r.recordType === 'account');

export const dynamics = defineSite(info, {
  matches: matchesDynamics,
  record: (u) => recordRef(parseRecordUrl(u)),
  accountIdFromHref,
  landmarks: [
    { name: 'record form', selector: FORM },
    { name: 'form header title', selector: TITLE.join(', ') },
  ],
  extract,
});
