/**
 * The second reading layer: what any record page says in markup that survives a CRM
 * release — ARIA roles and states, field labels next to their values, link targets,
 * addresses written as text. It knows no site's classes or data-* hooks, so renamed
 * classes, dropped test ids, extra wrappers and custom elements turned into divs leave it
 * working. Pure, like every adapter: markup in, fields out, no layout.
 *
 * It runs only where the site's own selectors read nothing on a URL that names a record
 * (utils/sites/layers.ts), and says so in the context it helps make.
 */
import { all, domainFrom, emailFrom, emailsIn, isHidden, splitList, squash, textOf, uniq, visibleText } from './dom';

/** Field labels by meaning, as CRMs print them (en, zh-CN). Compared case-insensitively, trailing ":" and "*" ignored. */
export const LABELS = {
  account: ['account name', 'account', 'company', 'company name', 'organization', 'organisation', 'organization name', 'customer', 'customer name', 'potential account', '客户名', '客户名称', '客户', '公司', '公司名称', '组织', '组织名称'],
  website: ['website', 'account website', 'web site', 'company domain name', 'domain', 'company website', 'website url', '网站', '公司网站', '域名'],
  stage: ['stage', 'deal stage', 'sales stage', 'opportunity stage', 'pipeline stage', 'status reason', '阶段', '交易阶段', '销售阶段', '商机阶段'],
  competitor: ['competitor', 'competitors', 'main competitor', 'main competitor(s)', 'main competitors', 'primary competitor', '竞争对手', '竞品', '主要竞争对手'],
} as const;

export type Meaning = keyof typeof LABELS;

const MEANING_BY_LABEL = new Map<string, Meaning>(
  (Object.keys(LABELS) as Meaning[]).flatMap((m) => LABELS[m].map((l) => [l, m] as [string, Meaning])),
);

/**
 * Never the record: app chrome, menus, live regions, skeletons, buttons, our own
 * sidebar — and what the rep is writing (a reply region, an editor) or quoting, whose
 * addresses are not the thread's.
 */
export const CHROME = [
  'nav, [role="navigation"], [role="banner"], [role="search"], [role="status"], [role="alert"], [role="tooltip"], [role="menu"]',
  // A workspace tab not on screen (consoles keep every open record's tab in the DOM).
  '[role="tabpanel"][aria-expanded="false"], [role="tabpanel"][hidden]',
  // Inert markup (a browser never renders template content; an HTML parser for tests might).
  'template, script, style, noscript',
  '[aria-hidden="true"], [aria-busy="true"], button, [role="button"], frontline-sidebar',
  'blockquote, [contenteditable="true"], [contenteditable=""], [role="textbox"], [role="region"][aria-label^="Reply"], [role="region"][aria-label^="reply"], [role="dialog"][aria-label*="ompose"]',
].join(', ');

/** Less text than this in the record region is a page still loading (a spinner, a skeleton), not a record. */
export const MIN_RECORD_TEXT = 40;

const LABEL_MAX = 40;
const VALUE_MAX = 300;
/** Elements looked at for labels: a record page has a few thousand; an endless feed is cut, not read whole. */
const MAX_ELEMENTS = 20_000;

export interface SemanticReading {
  /** The record's title: the page's first-level heading. */
  heading: string | null;
  accountName: string | null;
  accountId: string | null;
  websites: string[];
  emails: string[];
  stage: string | null;
  competitors: string[];
  /** Readable text of the record region (chrome left out). */
  text: string;
  /** Which of the fields above were found, for the reason the sidebar gives. */
  found: Meaning[];
}

export interface SemanticOptions {
  /** The CRM's id of the account a link points at (its lookup links), when the site can tell. */
  accountIdFromHref?: (href: string | null, base: URL) => string | null;
}

const labelKey = (s: string): string =>
  squash(s)
    .toLowerCase()
    .replace(/[\s:：*]+$/u, '');

/** The record region: the page's main landmark when it has one on screen (not in a background tab), else the body. */
export function recordRegion(doc: Document): Element | null {
  const body = doc.body ?? null;
  for (const el of all(doc, 'main, [role="main"]')) if (!isHidden(el) && !(body && inChrome(el, body))) return el;
  return body;
}

function inChrome(el: Element, stop: Element): boolean {
  for (let cur: Element | null = el; cur && cur !== stop; cur = cur.parentElement) {
    try {
      if (cur.matches(CHROME)) return true;
    } catch {
      return false;
    }
  }
  return false;
}

/** The element holding a label's value: the next sibling of the label or of its nearest ancestor that has one. */
function valueElement(label: Element, region: Element): Element | null {
  const doc = label.ownerDocument;
  if (label.localName === 'label') {
    const id = label.getAttribute('for');
    if (id) return doc.getElementById(id);
  }
  if (label.localName === 'dt') return label.nextElementSibling?.localName === 'dd' ? label.nextElementSibling : null;
  if (label.localName === 'th') return label.nextElementSibling;
  let cur: Element = label;
  for (let depth = 0; depth < 4 && cur !== region; depth++) {
    if (cur.nextElementSibling) return cur.nextElementSibling;
    if (!cur.parentElement || cur.parentElement.children.length > 2) break;
    cur = cur.parentElement;
  }
  return null;
}

/** Elements other elements name as their label (`aria-labelledby`): label id → the labelled element. */
function labelledBy(region: Element): Map<string, Element> {
  const out = new Map<string, Element>();
  for (const el of all(region, '[aria-labelledby]')) {
    for (const id of (el.getAttribute('aria-labelledby') ?? '').split(/\s+/)) if (id && !out.has(id)) out.set(id, el);
  }
  return out;
}

interface LabelledValue {
  meaning: Meaning;
  value: Element;
  text: string;
}

/**
 * Every "label → value" pair whose label has a known meaning, in page order. Labels are
 * found from the text nodes (one pass), never by asking every element for its text,
 * which would be quadratic on deep markup.
 */
export function labelledValues(region: Element): LabelledValue[] {
  const out: LabelledValue[] = [];
  const doc = region.ownerDocument;
  const byLabelId = labelledBy(region);
  const walker = doc.createTreeWalker(region, 4 /* NodeFilter.SHOW_TEXT */);
  let seen = 0;
  for (let n = walker.nextNode(); n && ++seen < MAX_ELEMENTS; n = walker.nextNode()) {
    const raw = n.nodeValue ?? '';
    if (raw.length > LABEL_MAX + 20) continue;
    const own = squash(raw);
    if (!own) continue;
    const meaning = MEANING_BY_LABEL.get(labelKey(own));
    if (!meaning) continue;
    // The label element: the text's parent, widened to ancestors that hold nothing else.
    let el = n.parentElement;
    if (!el || el === region) continue;
    while (el.parentElement && el.parentElement !== region && el.parentElement.children.length === 1 && squash(el.parentElement.textContent) === own) el = el.parentElement;
    if (isHidden(el, region) || inChrome(el, region)) continue;
    const id = el.getAttribute('id');
    const value = (id && byLabelId.get(id)) || valueElement(el, region);
    if (!value || value.contains(el) || el.contains(value)) continue;
    const text = squash(visibleText(value, { exclude: CHROME }));
    if (!text || text.length > VALUE_MAX || MEANING_BY_LABEL.has(labelKey(text))) continue;
    out.push({ meaning, value, text });
  }
  return out;
}

/** The page's record title: its first visible first-level heading outside the chrome. */
function heading(region: Element, doc: Document): string | null {
  for (const root of [region, doc.body]) {
    for (const el of all(root, 'h1, [role="heading"][aria-level="1"]')) {
      if (isHidden(el) || inChrome(el, root ?? el)) continue;
      const t = squash(visibleText(el, { exclude: CHROME }));
      if (t) return t;
    }
  }
  return null;
}

/**
 * The current step of a path or process flow: `aria-current="step"` (WAI-ARIA for the
 * current step), or a step whose accessible name says it is the active one ("Active",
 * "Current stage") — Dynamics' business process flow, Salesforce's path.
 */
function currentStep(region: Element): string | null {
  const named = (el: Element): string | null => {
    const t = el.getAttribute('title') || squash(visibleText(el, { exclude: CHROME }));
    return squash(t.replace(/\b(?:active|current)(?: stage| step)?\b[:,]?|当前阶段|当前|已激活/gi, '')) || null;
  };
  for (const el of all(region, '[aria-current="step"]')) if (!isHidden(el)) return named(el);
  for (const el of all(region, '[aria-label]')) {
    const label = el.getAttribute('aria-label') ?? '';
    if (/\b(?:active|current)\b|当前/i.test(label) && /\bstage\b|\bstep\b|阶段/i.test(label) && !isHidden(el)) {
      const m = label.match(/(?:stage|step|阶段)\s*[:：]?\s*(.+)$/i);
      const fromLabel = m ? squash(m[1].replace(/[,，]?\s*(?:active|current|当前)\b.*$/i, '')) : null;
      return fromLabel || named(el);
    }
  }
  return null;
}

/** Addresses people can see: mailto links, hovercards' `email` attributes, and `<name@domain>` written as text. */
function addresses(region: Element, text: string): string[] {
  const out: (string | null)[] = [];
  for (const a of all(region, 'a[href^="mailto:" i]')) if (!inChrome(a, region)) out.push(emailFrom(a.getAttribute('href')));
  for (const el of all(region, '[email]')) if (!inChrome(el, region)) out.push(emailFrom(el.getAttribute('email')));
  out.push(...emailsIn(text));
  return uniq(out.filter((e): e is string => !!e));
}

/** A link whose visible text is its own host ("www.acme.com", "https://acme.com") is a website value wherever it sits. */
function websiteLinks(region: Element, pageHost: string): string[] {
  const out: string[] = [];
  for (const a of all(region, 'a[href^="http" i]')) {
    const href = a.getAttribute('href');
    const host = domainFrom(href);
    if (!host || host === pageHost || pageHost.endsWith(`.${host}`) || isHidden(a, region) || inChrome(a, region)) continue;
    if (domainFrom(textOf(a)) === host) out.push(host);
  }
  return uniq(out);
}

export function readSemantic(doc: Document, url: URL, opts: SemanticOptions = {}): SemanticReading | null {
  const region = recordRegion(doc);
  if (!region) return null;
  const text = visibleText(region, { exclude: CHROME });
  if (text.replace(/\s+/g, '').length < MIN_RECORD_TEXT) return null; // still loading

  const values = labelledValues(region);
  /**
   * The one value a meaning has on the page. Two different values (a console with two
   * records open, a related record's card) say nothing: precision before recall.
   */
  const firstOf = (m: Meaning) => {
    const vs = values.filter((v) => v.meaning === m);
    return vs.length && vs.every((v) => v.text === vs[0].text) ? vs[0] : null;
  };
  const found = new Set<Meaning>();

  const acc = firstOf('account');
  let accountId: string | null = null;
  if (opts.accountIdFromHref) {
    // The account's lookup link: in the labelled account field, else the one account every account link on the page names.
    const scope = acc ? all(acc.value, 'a[href]') : [];
    const ids = (scope.length ? scope : all(region, 'a[href]')).map((a) => opts.accountIdFromHref!(a.getAttribute('href'), url)).filter((x): x is string => !!x);
    if (uniq(ids).length === 1) accountId = ids[0];
  }
  if (acc) found.add('account');

  const websiteValues = values.filter((v) => v.meaning === 'website').flatMap((v) => {
    const link = all(v.value, 'a[href^="http" i]')[0];
    return [link?.getAttribute('href') ?? v.text];
  });
  const websites = uniq([...websiteValues.map(domainFrom).filter((d): d is string => !!d), ...websiteLinks(region, url.hostname.toLowerCase())]);
  if (websites.length) found.add('website');

  const stage = firstOf('stage')?.text ?? currentStep(region);
  if (stage) found.add('stage');
  const competitors = values.filter((v) => v.meaning === 'competitor').flatMap((v) => splitList(v.text));
  if (competitors.length) found.add('competitor');

  return {
    heading: heading(region, doc),
    accountName: acc?.text ?? null,
    accountId,
    websites,
    emails: addresses(region, text),
    stage,
    competitors,
    text,
    found: [...found],
  };
}
