import { SITE_CATALOG, GENERIC_SITE } from './catalog';
import type { SiteId } from './types';

/** Each site as people name it (explain, the ops console), from the catalog. */
export const SITE_LABEL: Readonly<Record<SiteId, string>> = Object.fromEntries([...SITE_CATALOG, GENERIC_SITE].map((s) => [s.id, s.label])) as Record<SiteId, string>;
