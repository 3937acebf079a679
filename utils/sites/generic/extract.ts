/**
 * Generic adapter for self-hosted and unlisted CRMs, driven by the pack's `sites` rules:
 * a host pattern, optional routes (hash-routed apps: one rule, a record type per
 * screen), and one reader per field (utils/sites/generic/fields.ts). Pure. A page where
 * no reader finds an account name, an account id, a website or an e-mail gives null.
 */
import type { SiteRule } from '../../pack/schema';
import { RECORD_TYPES } from '../catalog';
import { makeContext } from '../context';
import { emailsIn, splitList } from '../dom';
import type { PageContext, RecordType } from '../types';
import { FIELD_READS, readField, routeFor, type FieldName } from './fields';
import { ruleFor } from './rules';

export function extractGeneric(doc: Document, url: URL, rules: readonly SiteRule[]): PageContext | null {
  const rule = ruleFor(url, rules);
  if (!rule) return null;
  const at = routeFor(rule, url);
  if (!at) return null; // a screen of the app that shows no record (a list, a board, settings)
  const specs = { ...(rule.selectors ?? {}), ...(at.route?.selectors ?? {}) };
  const read = (name: FieldName) => readField(doc, url, specs[name], FIELD_READS[name]).values;

  const accountName = read('accountName')[0] ?? null;
  const accountId = read('accountId')[0] ?? null;
  // A website's link target first; values that are no host are dropped when the context is made.
  const websites = read('website');
  const emails = read('emails').flatMap((v) => [v, ...emailsIn(v)]);
  if (!accountName && !accountId && !websites.length && !emails.length) return null;

  const stage = read('stage')[0] ?? null;
  const competitors = read('competitor').flatMap(splitList);
  const text = specs.text ? read('text') : [accountName, stage, ...websites];
  const typeName = (at.route?.recordType ?? rule.recordType ?? '').toLowerCase();
  const recordType = RECORD_TYPES.find((t) => t === typeName) ?? 'record';
  // A stable key for the record (a pick is remembered by it): never scraped text.
  const recordId = read('recordId')[0] ?? at.params.id ?? `${url.pathname}${url.search}${url.hash}`;

  return makeContext({
    site: 'generic',
    recordType,
    recordId: recordId.slice(0, 200),
    accountName,
    accountId,
    websites,
    emails,
    stage,
    competitorsField: competitors,
    text,
  });
}
