import { defineSite, recordRef } from '../site';
import { extract } from './extract';
import { info } from './info';
import { FORM, TITLE } from './selectors';
import { matchesDynamics, parseRecordUrl } from './urls';

/** Dynamics links name records by URL like the page's own: an account link is an account record's URL. */
function accountIdFromHref(href: string | null, base: URL): string | null {
  if (!href) return null;
  try {
    const r = parseRecordUrl(new URL(href, base));
    return r && r.recordType === 'account' ? r.id : null;
  } catch {
    return null;
  }
}

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
