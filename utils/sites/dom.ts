/**
 * Small DOM helpers shared by the site adapters. Pure: they read the nodes they are
 * given and nothing else (no layout, no `window`), so the same code runs in the content
 * script and in Node on linkedom. Visibility is judged from markup only (`hidden`,
 * inline `display:none` / `visibility:hidden`), never from computed styles, so a
 * fixture and the live page give the same answer.
 */

type Root = ParentNode & { querySelector: Document['querySelector']; querySelectorAll: Document['querySelectorAll'] };

/** Whitespace collapsed to single spaces, trimmed. */
export function squash(s: string | null | undefined): string {
  return (s ?? '').replace(/[\s\u00a0\u200b\u200c\u200d\ufeff]+/g, ' ').trim();
}

/** Trimmed text content of an element, or null when it has none. */
export function textOf(el: Element | null | undefined): string | null {
  if (!el) return null;
  return squash(el.textContent) || null;
}

/** All matches of a selector as an array (an invalid selector yields none rather than throwing). */
export function all(root: Root | null | undefined, selector: string): Element[] {
  if (!root) return [];
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

/** First match of a selector, or null (an invalid selector yields null rather than throwing). */
export function first(root: Root | null | undefined, selector: string): Element | null {
  if (!root) return null;
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

/** Trimmed text of the first element matching any of `selectors` (tried in order) that has text. */
export function firstText(root: Root | null | undefined, selectors: string | readonly string[]): string | null {
  for (const sel of typeof selectors === 'string' ? [selectors] : selectors) {
    for (const el of all(root, sel)) {
      const t = textOf(el);
      if (t) return t;
    }
  }
  return null;
}

/** First element matching any of `selectors`, tried in order. */
export function firstOf(root: Root | null | undefined, selectors: readonly string[]): Element | null {
  for (const sel of selectors) {
    const el = first(root, sel);
    if (el) return el;
  }
  return null;
}

/** Does the element itself say it is hidden (attribute or inline style)? */
export function hiddenByMarkup(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  if (style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important)?\s*(?:;|$)/i.test(style)) return true;
  return false;
}

/** Is the element or any ancestor up to (not including) `stop` hidden by markup? */
export function isHidden(el: Element, stop?: Element | null): boolean {
  for (let cur: Element | null = el; cur && cur !== stop; cur = cur.parentElement) {
    if (hiddenByMarkup(cur)) return true;
  }
  return false;
}

/** Safe `matches` (linkedom and browsers throw on selectors they cannot parse). */
export function matches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

/** Never text. Inputs hold what the user is typing; a textarea's content is kept (CRMs show long field values in read-only ones). */
const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'img', 'input', 'select', 'iframe', 'object', 'canvas']);
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav',
  'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul', 'br', 'option', 'textarea',
]);
const CELL_TAGS = new Set(['td', 'th']);

/** Upper bound on the text handed to the matcher; a long thread is still a few hundred KB at most. */
export const MAX_TEXT = 200_000;

export interface TextOptions {
  /** Elements (and their subtrees) left out: a selector, a predicate, or both. */
  exclude?: string;
  skip?: (el: Element) => boolean;
}

/**
 * Readable text of a subtree: hidden elements, scripts, form controls and anything
 * excluded are left out; block elements start new lines and table cells are separated,
 * so "<p>Globex</p><p>Beacon</p>" reads as two words, not "GlobexBeacon".
 */
export function visibleText(root: Element | null | undefined, opts: TextOptions = {}): string {
  if (!root) return '';
  const out: string[] = [];
  let size = 0;
  const walk = (node: Node): void => {
    if (size > MAX_TEXT) return;
    if (node.nodeType === 3) {
      const t = node.nodeValue ?? '';
      out.push(t);
      size += t.length;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.localName;
    if (SKIP_TAGS.has(tag) || hiddenByMarkup(el)) return;
    if (opts.exclude && matches(el, opts.exclude)) return;
    if (opts.skip && opts.skip(el)) return;
    const block = BLOCK_TAGS.has(tag);
    const cell = CELL_TAGS.has(tag);
    if (block) out.push('\n');
    for (let c = el.firstChild; c; c = c.nextSibling) walk(c);
    if (block) out.push('\n');
    else if (cell) out.push(' \t ');
  };
  walk(root);
  return tidy(out.join(''));
}

/** Collapse spaces within lines, drop empty lines, cap the length. */
export function tidy(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => squash(l))
    .filter(Boolean);
  const joined = lines.join('\n');
  return joined.length > MAX_TEXT ? joined.slice(0, MAX_TEXT) : joined;
}

/**
 * Drop repeated lines, keeping the first. CRM pages show the same value in the header and
 * in the details (the record name, the amount…); counted twice it would double a mention.
 */
export function uniqLines(text: string): string {
  return uniq(text.split('\n')).join('\n');
}

/** Join text parts (already tidied or not) into one text, one part per line, empty parts dropped. */
export function joinText(parts: ReadonlyArray<string | null | undefined>): string {
  return tidy(parts.filter((p): p is string => !!p && !!p.trim()).join('\n'));
}

/** Value of a form control or, failing that, its text (HubSpot renders some properties as inputs). */
export function valueOf(el: Element | null | undefined): string | null {
  if (!el) return null;
  const tag = el.localName;
  if (tag === 'input' || tag === 'textarea' || tag === 'select') {
    const live = (el as HTMLInputElement).value;
    const v = typeof live === 'string' && live !== '' ? live : tag === 'textarea' ? el.textContent : el.getAttribute('value');
    return squash(v) || null;
  }
  return textOf(el);
}

/**
 * Bare domain from a website value as people type it: "https://www.Acme.com/about" →
 * "acme.com". Lower-case, no scheme, port, path or leading "www."; international names
 * in their ASCII (punycode) form, as the pack stores domains. Null when it is not a host.
 */
export function domainFrom(value: string | null | undefined): string | null {
  let v = squash(value).toLowerCase();
  if (!v || /\s/.test(v)) return null;
  if (v.startsWith('mailto:')) return null;
  v = v.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/^\/\//, '');
  v = v.split(/[/?#]/)[0];
  v = v.replace(/^[^@]*@/, '').replace(/:\d*$/, '').replace(/\.$/, '');
  if (!v || !v.includes('.')) return null;
  let host: string;
  try {
    host = new URL(`http://${v}`).hostname;
  } catch {
    return null;
  }
  host = host.replace(/^www\d*\./, '');
  if (host.length > 253) return null;
  if (!/^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z0-9-]*[a-z][a-z0-9-]*$/.test(host)) return null;
  if (/^\d+(\.\d+){3}$/.test(host)) return null;
  return host;
}

const EMAIL = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;
/** RFC 5321 limits: 64 characters before the "@", 254 in all (320 is the looser RFC 3696 figure). */
const MAX_LOCAL = 64;
const MAX_ADDRESS = 320;
const MAX_DOMAIN = 255;

/**
 * Page text is capped before any pattern runs on it, so no regex here sees more than a
 * field's worth; the scanners below are linear whatever they are given.
 */
export const MAX_FIELD = 2_000;

/** A lower-cased e-mail address, or null. Accepts "mailto:x@y.z?subject=…" too. */
export function emailFrom(value: string | null | undefined): string | null {
  let v = squash(value && value.length > MAX_FIELD ? value.slice(0, MAX_FIELD) : value);
  if (!v) return null;
  v = v.replace(/^mailto:/i, '').split('?')[0];
  try {
    v = decodeURIComponent(v);
  } catch {
    /* keep as is */
  }
  v = v.trim().replace(/^<|>$/g, '').toLowerCase();
  return v.length <= MAX_ADDRESS && EMAIL.test(v) ? v : null;
}

const isLocalChar = (c: string) => /[a-z0-9.!#$%&'*+/=?^_`{|}~-]/i.test(c);
const isDomainChar = (c: string) => /[a-z0-9.-]/i.test(c);

/**
 * Every e-mail address written in a piece of text, lower-cased, in order, once each.
 * A scan from each "@" outwards, bounded by the longest real local part and domain, so
 * 100 KB of base64 costs one pass (a backtracking regex tried every start in the run:
 * quadratic). A run of local-part characters longer than any address (a token, base64)
 * is not an address.
 */
export function emailsIn(text: string | null | undefined): string[] {
  const s = text ?? '';
  const found: string[] = [];
  for (let at = s.indexOf('@'); at >= 0; at = s.indexOf('@', at + 1)) {
    let a = at;
    while (a > 0 && at - a <= MAX_LOCAL && isLocalChar(s[a - 1])) a--;
    if (a === at || at - a > MAX_LOCAL) continue;
    let b = at + 1;
    while (b < s.length && b - at <= MAX_DOMAIN && isDomainChar(s[b])) b++;
    let domain = s.slice(at + 1, b);
    const dots = domain.indexOf('..');
    if (dots >= 0) domain = domain.slice(0, dots);
    const email = emailFrom(`${s.slice(a, at)}@${domain.replace(/\.+$/, '')}`);
    if (email) found.push(email);
  }
  return uniq(found);
}

/**
 * The addresses in an element's text, read one text node at a time: markup such as
 * `<a>jane@acme.com</a><span>note</span>` has textContent "jane@acme.comnote", which
 * would read as an address at acme.comnote.
 */
export function emailsInElement(el: Element): string[] {
  const pieces: string[] = [];
  let size = 0;
  const walk = (node: Node): void => {
    for (let c = node.firstChild; c && size < MAX_TEXT; c = c.nextSibling) {
      if (c.nodeType === 3) {
        pieces.push(c.nodeValue ?? '');
        size += (c.nodeValue ?? '').length;
      } else if (c.nodeType === 1) walk(c);
    }
  };
  walk(el);
  return emailsIn(pieces.join('\n'));
}

/** Unique values in first-seen order. */
export function uniq<T>(values: Iterable<T>): T[] {
  return Array.from(new Set(values));
}

/**
 * Split a competitor field into names: multi-select picklists show "A; B", free text
 * often "A, B" or "A、B". A piece that is only a legal suffix ("Inc.") is glued back
 * to the name before it.
 */
export function splitList(value: string | null | undefined): string[] {
  const parts = squash(value)
    .split(/\s*[;,、；，\n]\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
  const out: string[] = [];
  for (const p of parts) {
    if (out.length && /^(inc|ltd|llc|gmbh|co|corp|plc|s\.?a|ag|bv)\.?$/i.test(p)) out[out.length - 1] += `, ${p}`;
    else out.push(p);
  }
  return uniq(out);
}
