import type { Extractor, SiteId } from './types';

export interface Site {
  id: SiteId;
  /** Is this the site (host)? URL only. */
  matches: (url: URL) => boolean;
  /** Could this URL show a record we read? URL only: false means no DOM work at all. */
  isRecord: (url: URL) => boolean;
  extract: Extractor;
}
