/**
 * The pack's rules for reading CRMs: `sites` (a self-hosted or unlisted CRM) and
 * `sitePatches` (a built-in site's selectors overridden without a release). Part of the
 * pack format (utils/pack/schema.ts); the readers are utils/sites/generic/.
 */
import * as v from 'valibot';
import { BUILT_IN_SITE_IDS } from '../sites/catalog';
import { captures, parseTemplate } from '../sites/generic/template';
import { Id, nonEmpty } from './primitives';

/** Rules for a self-hosted or unlisted CRM: CSS selectors per field. */
/** A pattern of literal text, `*` and `{name}` captures (utils/sites/generic/template.ts): no regular expressions in packs. */
const Template = (needs?: string) =>
  v.pipe(
    v.string('expected a pattern such as "#/deals/{id}/show"'),
    v.check((s) => !('error' in parseTemplate(s)), (issue) => {
      const r = parseTemplate(String(issue.input));
      return 'error' in r ? r.error : 'expected a pattern';
    }),
    v.check((s) => {
      const t = parseTemplate(s);
      return !needs || ('parts' in t && captures(t).includes(needs));
    }, `expected the pattern to capture {${needs ?? 'value'}}`),
  );

const CssSelector = v.pipe(nonEmpty('a CSS selector'), v.maxLength(500, 'a selector may be at most 500 characters'));

/**
 * What one field reads: a CSS selector (the matching element's text), or where exactly
 * to look — an attribute instead of the text, a pattern whose `{value}` is the part
 * wanted ("* at {value}" on "CFO at Acme"), or the page's URL instead of an element.
 */
const FieldSpec = v.union(
  [
    CssSelector,
    v.pipe(
      v.strictObject({
        selector: v.optional(CssSelector),
        from: v.optional(v.picklist(['page', 'url'], 'expected "page" or "url"'), 'page'),
        attr: v.optional(v.pipe(v.string('expected an attribute name'), v.regex(/^[A-Za-z][A-Za-z0-9_:-]{0,40}$/, 'expected an attribute name such as "href" or "title"'))),
        pattern: v.optional(Template('value')),
      }),
      v.check((f) => f.from === 'url' || !!f.selector, 'expected a selector (or from: url)'),
    ),
  ],
  'expected a CSS selector, or { selector, attr, pattern, from }',
);

const FieldSpecs = v.strictObject({
  accountName: v.optional(FieldSpec),
  /** The account's id in this CRM (the URL of an account page, a link to it): looked up in `crmIds.generic`. */
  accountId: v.optional(FieldSpec),
  /** The record's own id, for remembering a pick; defaults to the route's {id}, else the URL's path and hash. */
  recordId: v.optional(FieldSpec),
  website: v.optional(FieldSpec),
  stage: v.optional(FieldSpec),
  emails: v.optional(FieldSpec),
  competitor: v.optional(FieldSpec),
  text: v.optional(FieldSpec),
});

/** One screen of a hash-routed (or any) app: which URLs, what record they show, and field readers that differ there. */
const SiteRoute = v.strictObject({
  /** Matched against the URL's hash when it starts with "#", else against its path, query and hash. */
  match: Template(),
  recordType: v.optional(nonEmpty('a record type')),
  selectors: v.optional(FieldSpecs, {}),
});

export const SiteRule = v.strictObject({
  id: Id,
  /** Host pattern such as `crm.example.com` or `*.crm.example.com`. */
  host: v.pipe(v.string('expected a host pattern'), v.regex(/^(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/, 'expected a host pattern such as "*.crm.example.com"')),
  pathPrefix: v.optional(v.string('expected a path')),
  recordType: v.optional(nonEmpty('a record type')),
  selectors: v.optional(FieldSpecs, {}),
  /** Per-route record types and readers; with routes, a URL no route matches is not a record (a list, a board). */
  routes: v.optional(v.pipe(v.array(SiteRoute, 'expected a list of routes'), v.maxLength(50, 'at most 50 routes per rule'))),
});

/**
 * Selectors for a built-in site, in the language of site rules, for when a CRM release
 * breaks the adapter before a new extension version ships: the fields it names replace
 * what the adapter read (or read nothing), on every host of the site or on one org's.
 */
export const SitePatch = v.strictObject({
  id: Id,
  // Every built-in site may be patched (utils/sites/catalog.ts).
  site: v.picklist(BUILT_IN_SITE_IDS, `expected a built-in site: ${BUILT_IN_SITE_IDS.join(', ')}`),
  /** Only this org's host (`acme.lightning.force.com`, `*.crm4.dynamics.com`); every host of the site when left out. */
  host: v.optional(v.pipe(v.string('expected a host pattern'), v.regex(/^(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/, 'expected a host pattern such as "acme.lightning.force.com"'))),
  /** Only URLs a route matches (same patterns as site rules); a route's recordType is ignored: the site's URL says it. */
  routes: v.optional(v.pipe(v.array(SiteRoute, 'expected a list of routes'), v.maxLength(50, 'at most 50 routes per patch'))),
  selectors: FieldSpecs,
});

export type SiteRule = v.InferOutput<typeof SiteRule>;
export type SitePatch = v.InferOutput<typeof SitePatch>;
export type SiteField = v.InferOutput<typeof FieldSpec>;
export type SiteRoute = v.InferOutput<typeof SiteRoute>;
