/**
 * Reading one field of a pack site rule (utils/pack/schema.ts `FieldSpec`): a CSS
 * selector's text, or an attribute, or the URL, each optionally narrowed by a template
 * whose `{value}` is the part wanted. Pure, and safe on any input: an invalid selector
 * reads nothing, a template runs in linear time on capped input.
 */
import type { SiteField, SiteRoute, SiteRule } from '../../pack/schema';
import { all, emailsInElement, squash, visibleText } from '../dom';
import { matchTemplate, parseTemplate, type Template } from './template';

/** Chrome never taken as text even inside a rule's selector. */
export const TEXT_EXCLUDE = 'button, nav, [role="navigation"], [role="toolbar"], [contenteditable="true"]';

export type FieldName = keyof NonNullable<SiteRule['selectors']>;

const templates = new Map<string, Template | null>();
/** Templates are checked at intake; here a bad one (an older pack) reads nothing. */
function template(src: string): Template | null {
  let t = templates.get(src);
  if (t === undefined) {
    const r = parseTemplate(src);
    t = 'parts' in r ? r : null;
    templates.set(src, t);
  }
  return t;
}

/** The part of the URL a pattern sees: the hash for "#…" patterns (hash-routed apps), else path, query and hash. */
export function urlInput(url: URL, pattern: string): string {
  return pattern.startsWith('#') ? url.hash : `${url.pathname}${url.search}${url.hash}`;
}

export type ReadOptions = { text?: boolean; links?: 'prefer' | 'both'; addresses?: boolean };

/**
 * How each field reads its elements, beyond the spec: a website's link target first (a
 * website shown as "acme"); addresses behind a link and in the text ("CEO" linking to
 * mailto:); the record text with its line breaks. Used by the adapter and by "Try this
 * rule", so both read a page the same way.
 */
export const FIELD_READS: Partial<Record<FieldName, ReadOptions>> = {
  website: { links: 'prefer' },
  emails: { links: 'both', addresses: true },
  text: { text: true },
};

export interface FieldRead {
  values: string[];
  /** Elements the selector matched (0 for URL fields), for explaining an empty read. */
  matched: number;
}

/** Every value the field reads on the page, in document order (a text selector gives one value per element). */
/**
 * `addresses`: e-mail addresses in the element (and its `mailto:` link), text node by text node.
 * `text`: keep line breaks (the record text). `links`: a field without `attr` reads a
 * link's target instead of its text (`prefer`: a website shown as "acme") or as well
 * (`both`: an address behind "CEO").
 */
export function readField(doc: Document, url: URL, spec: SiteField | undefined, opts: ReadOptions = {}): FieldRead {
  if (!spec) return { values: [], matched: 0 };
  const f = typeof spec === 'string' ? { selector: spec, from: 'page' as const, attr: undefined, pattern: undefined } : spec;
  const narrow = (raw: string | null): string | null => {
    if (raw === null) return null;
    if (!f.pattern) return (opts.text ? raw.trim() : squash(raw)) || null;
    const t = template(f.pattern);
    return t ? (matchTemplate(t, raw)?.value ?? null) : null;
  };
  if (f.from === 'url') {
    const v = narrow(urlInput(url, f.pattern ?? ''));
    return { values: v ? [v] : [], matched: 0 };
  }
  const els = all(doc, f.selector!);
  const values: string[] = [];
  for (const el of els) {
    // Addresses read one text node at a time, so adjacent markup is never glued on ("jane@acme.com" + "note").
    if (opts.addresses && !f.attr && !f.pattern) {
      const href = el.localName === 'a' ? el.getAttribute('href') : null;
      for (const v of [...(href ? [href] : []), ...emailsInElement(el)]) values.push(v);
      continue;
    }
    const text = opts.text ? visibleText(el, { exclude: TEXT_EXCLUDE }) : squash(visibleText(el, { exclude: TEXT_EXCLUDE }));
    const href = opts.links && !f.attr ? (el.localName === 'a' ? el.getAttribute('href') : el.querySelector('a[href]')?.getAttribute('href') ?? null) : null;
    for (const raw of f.attr ? [el.getAttribute(f.attr)] : href ? (opts.links === 'both' ? [href, text] : [href]) : [text]) {
      const v = narrow(raw);
      if (v) values.push(v);
    }
  }
  return { values, matched: els.length };
}

/** The route of a rule that a URL is on (with its captures), the rule itself when it has no routes, or null. */
export function routeFor(rule: SiteRule, url: URL): { route: SiteRoute | null; params: Record<string, string> } | null {
  if (!rule.routes?.length) return { route: null, params: {} };
  for (const route of rule.routes) {
    const t = template(route.match);
    const params = t && matchTemplate(t, urlInput(url, route.match));
    if (params) return { route, params };
  }
  return null;
}
