/**
 * Dynamics 365 (model-driven apps, Unified Interface) URL predicates and record parsing.
 * Pure; the table of shapes is in tests/unit/sites/dynamics.test.ts.
 */
import type { RecordType } from '../types';

/**
 * Org hosts: `contoso.crm.dynamics.com` (North America) and the regional `crm2`…`crm21`
 * (`contoso.crm4.dynamics.com` EMEA, `crm5` APAC, `crm11` UK, `crm.dynamics.cn` China),
 * plus US Government `*.crm9.dynamics.com` / `*.crm.microsoftdynamics.us`.
 */
export function isDynamicsHost(host: string): boolean {
  return /^[a-z0-9-]+\.crm\d*\.(?:dynamics\.com|dynamics\.cn|microsoftdynamics\.(?:us|de))$/i.test(host);
}

export const matchesDynamics = (url: URL): boolean => url.protocol === 'https:' && isDynamicsHost(url.hostname);

/** Entity logical names we read. */
export const ENTITY_RECORD_TYPE: Readonly<Record<string, RecordType>> = {
  account: 'account',
  opportunity: 'opportunity',
  contact: 'contact',
  lead: 'lead',
  incident: 'case',
};

/** Object type codes used by the legacy web client (`etc=`). */
const TYPE_CODES: Readonly<Record<string, string>> = { '1': 'account', '2': 'contact', '3': 'opportunity', '4': 'lead', '112': 'incident' };

const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

export interface DynamicsRecordRef {
  entity: string;
  id: string;
  recordType: RecordType;
}

/**
 * The record a Dynamics URL shows, or null.
 *
 * - `/main.aspx?appid=<guid>&pagetype=entityrecord&etn=opportunity&id=<guid>` — Unified
 *   Interface record form (parameters in any order; `id` may be wrapped in `{}` / `%7B…%7D`).
 * - `/main.aspx?etn=account&pagetype=entityrecord&id=%7B<guid>%7D&forceUCI=1`.
 * - `/main.aspx?etc=3&id=%7b<guid>%7d&pagetype=entityrecord` — legacy web client, entity by type code.
 * - Not a record: `pagetype=entitylist` (views), `pagetype=dashboard`, `pagetype=search`,
 *   a new-record form without `id`, `/main.aspx?settingsonly=true`, entities we do not read.
 */
export function parseRecordUrl(url: URL): DynamicsRecordRef | null {
  if (!/\/main\.aspx$/i.test(url.pathname)) return null;
  const p = url.searchParams;
  if ((p.get('pagetype') ?? '').toLowerCase() !== 'entityrecord') return null;
  const entity = (p.get('etn') ?? TYPE_CODES[p.get('etc') ?? ''] ?? '').toLowerCase();
  const recordType = ENTITY_RECORD_TYPE[entity];
  const m = (p.get('id') ?? '').match(GUID);
  if (!recordType || !m) return null;
  return { entity, id: m[1].toLowerCase(), recordType };
}
