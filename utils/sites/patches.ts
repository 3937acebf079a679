/**
 * The pack's patches for built-in sites (`sitePatches`): selectors in the site-rule
 * language that replace what the adapter read, for when a CRM release breaks it before
 * a new extension ships. Pure; read with the same field readers as site rules.
 */
import type { SitePatch } from '../pack/schema';
import { emailsIn, splitList } from './dom';
import { readField, routeFor, type FieldName } from './generic/fields';
import { hostMatches } from './generic/rules';
import type { PageContext } from './types';

/** The first patch for this site, host and route, or null. */
export function patchFor(siteId: string, url: URL, patches: readonly SitePatch[]): SitePatch | null {
  for (const p of patches) {
    if (p.site !== siteId || (p.host && !hostMatches(p.host, url.hostname))) continue;
    if (routeFor({ id: p.id, host: url.hostname, routes: p.routes, selectors: p.selectors }, url)) return p;
  }
  return null;
}

export interface PatchReading {
  fields: Partial<Pick<PageContext, 'accountName' | 'accountId' | 'domains' | 'emails' | 'stage' | 'competitorsField'>> & { text?: string[] };
  /** The fields the patch named and read, for the context's `read.patched`. */
  names: string[];
}

/** What the patch reads on the page: only the fields it names and finds. */
export function readPatch(doc: Document, url: URL, patch: SitePatch): PatchReading {
  const at = routeFor({ id: patch.id, host: url.hostname, routes: patch.routes, selectors: patch.selectors }, url);
  const specs = { ...patch.selectors, ...(at?.route?.selectors ?? {}) };
  const read = (name: FieldName, opts?: { text?: boolean; links?: 'prefer' | 'both'; addresses?: boolean }) => readField(doc, url, specs[name], opts).values;
  const fields: PatchReading['fields'] = {};
  const names: string[] = [];
  const set = <K extends keyof PatchReading['fields']>(key: K, name: FieldName, value: PatchReading['fields'][K] | null | undefined) => {
    if (value === null || value === undefined || (Array.isArray(value) && !value.length)) return;
    fields[key] = value;
    names.push(name);
  };
  set('accountName', 'accountName', read('accountName')[0]);
  set('accountId', 'accountId', read('accountId')[0]);
  set('domains', 'website', read('website', { links: 'prefer' }));
  set('emails', 'emails', read('emails', { links: 'both', addresses: true }).flatMap((v) => [v, ...emailsIn(v)]));
  set('stage', 'stage', read('stage')[0]);
  set('competitorsField', 'competitor', read('competitor').flatMap(splitList));
  set('text', 'text', read('text', { text: true }));
  return { fields, names };
}
