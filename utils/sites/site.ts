import type { PanelPlacement, SiteInfo } from './info';
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
  /** Where the open panel goes unless the rep chose (SiteInfo.panel). */
  panel: PanelPlacement;
  /** False for pack site rules: they are ops' own reading of a self-hosted CRM, not to be second-guessed. */
  fallback?: boolean;
  extract: Extractor;
}

/** A built-in site's adapter, its id from the site's info; `isRecord` is whether `record` names one. */
export function defineSite(info: Pick<SiteInfo<SiteId>, 'id' | 'panel'>, site: Omit<Site, 'id' | 'isRecord' | 'panel'>): Site {
  return { id: info.id, panel: info.panel ?? 'beside', ...site, isRecord: (u) => site.record(u) !== null };
}

/** The URL reader's answer as a record reference: null unless it names a record type we read. */
export const recordRef = (r: { recordType: RecordType | null; id: string } | null) => (r && r.recordType ? { recordType: r.recordType, recordId: r.id } : null);

/** A mail site's thread id as the record reference. */
export const threadRef = (id: string | null) => (id ? { recordType: 'thread' as const, recordId: id } : null);
