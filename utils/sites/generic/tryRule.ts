/**
 * "Try this rule on the current tab" (the ops console): what one site rule reads on the
 * page in front of it, field by field, so ops see which selector found nothing, which
 * matched elements but no value, and what the record comes to. Pure; runs in the
 * site-rule content script, and its answer goes to the ops console only.
 */
import type { SiteField, SiteRule } from '../../pack/schema';
import type { PageContext } from '../types';
import { extractGeneric } from './extract';
import { FIELD_READS, readField, routeFor, type FieldName } from './fields';
import { ruleFor } from './rules';

/** In the order ops think of them (and docs/sites.md lists them). */
const FIELDS: readonly FieldName[] = ['accountName', 'accountId', 'recordId', 'website', 'emails', 'stage', 'competitor', 'text'];

/** A value as shown to ops: long ones (the record text) cut. */
const VALUE_MAX = 200;
const VALUES_MAX = 10;

export interface FieldTrial {
  field: FieldName;
  /** The reader as written in the rule (a selector, or its object form as JSON). */
  spec: string;
  /** Elements the selector matched (0 for a field read from the URL). */
  matched: number;
  fromUrl: boolean;
  values: string[];
}

export interface RuleTrial {
  url: string;
  /** The rule's host and path prefix cover this URL. */
  covered: boolean;
  /** The route the URL is on; null when the rule has routes and none matches (not a record); absent without routes. */
  route?: string | null;
  /** The route's {captures} ({id} becomes the record id unless a recordId reader is set). */
  params: Record<string, string>;
  fields: FieldTrial[];
  /** What the adapter makes of the page (null: nothing to go on), exactly as the sidebar would get it. */
  ctx: PageContext | null;
}

const specText = (spec: SiteField) => (typeof spec === 'string' ? spec : JSON.stringify(spec));

export function tryRule(doc: Document, url: URL, rule: SiteRule): RuleTrial {
  const covered = ruleFor(url, [rule]) !== null;
  const at = covered ? routeFor(rule, url) : null;
  const trial: RuleTrial = { url: url.href.slice(0, 500), covered, params: at?.params ?? {}, fields: [], ctx: null };
  if (rule.routes?.length) trial.route = at?.route?.match ?? null;
  if (!at) return trial;
  const specs = { ...(rule.selectors ?? {}), ...(at.route?.selectors ?? {}) };
  for (const field of FIELDS) {
    const spec = specs[field];
    if (!spec) continue;
    const read = readField(doc, url, spec, FIELD_READS[field]);
    trial.fields.push({
      field,
      spec: specText(spec).slice(0, VALUE_MAX),
      matched: read.matched,
      fromUrl: typeof spec !== 'string' && spec.from === 'url',
      values: read.values.slice(0, VALUES_MAX).map((v) => v.slice(0, VALUE_MAX)),
    });
  }
  trial.ctx = extractGeneric(doc, url, [rule]);
  return trial;
}

/** Background → the site-rule content script of one tab: try this rule here. */
export interface TrialRequest {
  frontline: 'trial';
  rule: SiteRule;
}

export const isTrialRequest = (raw: unknown): raw is TrialRequest =>
  typeof raw === 'object' && raw !== null && (raw as { frontline?: unknown }).frontline === 'trial' && typeof (raw as { rule?: unknown }).rule === 'object';
