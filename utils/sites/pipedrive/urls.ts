/**
 * Pipedrive URL predicates and record parsing. Pure; the table of shapes is in
 * tests/unit/sites/pipedrive.test.ts.
 */
import type { RecordType } from '../types';
import { idFromHref } from '../links';

/** Company subdomains (`acme.pipedrive.com`) and the shared `app.pipedrive.com`; not the API, web forms or the marketing site. */
export function isPipedriveHost(host: string): boolean {
  const h = host.toLowerCase();
  return /^[a-z0-9-]+\.pipedrive\.com$/.test(h) && !/^(?:www|api|webforms|developers|support|status|marketplace)\./.test(h);
}

export const matchesPipedrive = (url: URL): boolean => url.protocol === 'https:' && isPipedriveHost(url.hostname);

const TYPES: Readonly<Record<string, RecordType>> = { deal: 'deal', organization: 'organization', person: 'person' };

export interface PipedriveRecordRef {
  kind: 'deal' | 'organization' | 'person';
  id: string;
  recordType: RecordType;
}

/**
 * The record a Pipedrive URL shows, or null.
 *
 * - `/deal/1234`, `/organization/567`, `/person/89` (optionally followed by a tab such as
 *   `/deal/1234/email`, a query or a hash).
 * - Not a record: `/pipeline/1/user/everyone` (board), `/deals/list/…`, `/organizations/list/…`,
 *   `/persons/list/…`, `/leads/inbox/<uuid>` (leads are not deals), `/activities/list`, `/settings/…`.
 */
export function parseRecordUrl(url: URL): PipedriveRecordRef | null {
  const m = url.pathname.match(/^\/(deal|organization|person)\/(\d+)(?:\/|$)/);
  if (!m) return null;
  const kind = m[1] as PipedriveRecordRef['kind'];
  return { kind, id: m[2], recordType: TYPES[kind] };
}

/** The organization id a link points at (`/organization/<id>`), or null. */
export const organizationIdFromHref = (href: string | null | undefined, base: URL): string | null => idFromHref(href, base, parseRecordUrl, (r) => r.kind === 'organization');
