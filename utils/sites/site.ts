import type { Extractor, RecordType, SiteId } from './types';

/** A named selector the adapter cannot read without: when it matches nothing, that is what broke. */
export interface Landmark {
  /** What a person calls it ("highlights panel"). */
  name: string;
  selector: string;
}

export interface Site {
  id: SiteId;
  /** Is this the site (host)? URL only. */
  matches: (url: URL) => boolean;
  /** Could this URL show a record we read? URL only: false means no DOM work at all. */
  isRecord: (url: URL) => boolean;
  /** The record the URL names (URL only), or null. */
  record: (url: URL) => { recordType: RecordType; recordId: string } | null;
  /** The CRM id of the account a link points at, where the site's links say. */
  accountIdFromHref?: (href: string | null, base: URL) => string | null;
  /** The adapter's landmarks in the order it needs them (utils/sites/layers.ts names the first one missing). */
  landmarks: readonly Landmark[];
  /** False for pack site rules: they are ops' own reading of a self-hosted CRM, not to be second-guessed. */
  fallback?: boolean;
  extract: Extractor;
}

/** A site from its URL reader: `isRecord` is whether `record` names one. */
export function defineSite(site: Omit<Site, 'isRecord'>): Site {
  return { ...site, isRecord: (u) => site.record(u) !== null };
}
