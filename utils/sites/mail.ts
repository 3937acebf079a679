/** The webmail content script's sites. */
import type { Site } from './site';
import { extract as gmail } from './gmail/extract';
import { matchesGmail, parseThreadId } from './gmail/urls';
import { extract as outlook } from './outlook/extract';
import { matchesOutlook, parseItemId } from './outlook/urls';

export const MAIL_SITES: Site[] = [
  { id: 'gmail', matches: matchesGmail, isRecord: (u) => parseThreadId(u) !== null, extract: gmail },
  { id: 'outlook', matches: matchesOutlook, isRecord: (u) => parseItemId(u) !== null, extract: outlook },
];
