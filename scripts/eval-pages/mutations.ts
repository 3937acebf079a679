/**
 * What a CRM release does to markup, as pure functions over a parsed Document. Each
 * mutation is deterministic (no randomness: the same page gives the same result every
 * run) and keeps what a person sees — the text and the URL — so a page that is still a
 * record to a rep must still be read by us.
 */

export interface Mutation {
  id: string;
  /** What a CRM release did, in words. */
  title: string;
  apply(doc: Document): void;
}

/** A short stable hash, so renamed classes stay consistent across one page (styles would still apply). */
function hash(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

const elements = (doc: Document): Element[] => Array.from(doc.querySelectorAll('*'));

/** Only the document's body: the head, the URL and the title are left as they were. */
const bodyElements = (doc: Document): Element[] => (doc.body ? Array.from(doc.body.querySelectorAll('*')) : []);

export const renameClasses: Mutation = {
  id: 'classes',
  title: 'every class name renamed (a new CSS-module hash)',
  apply(doc) {
    for (const el of elements(doc)) {
      // linkedom answers '' for a missing class: only rename what is there.
      const cls = el.getAttribute('class');
      if (!cls) continue;
      el.setAttribute('class', cls.split(/\s+/).filter(Boolean).map((c) => `c${hash(c)}`).join(' '));
    }
  },
};

export const dropDataAttributes: Mutation = {
  id: 'data',
  title: 'every data-* attribute dropped',
  apply(doc) {
    for (const el of elements(doc)) {
      for (const name of el.getAttributeNames()) if (name.startsWith('data-')) el.removeAttribute(name);
    }
  },
};

export const renameIds: Mutation = {
  id: 'ids',
  title: 'element ids renamed',
  apply(doc) {
    for (const el of bodyElements(doc)) {
      const id = el.getAttribute('id');
      if (id) el.setAttribute('id', `i${hash(id)}`);
    }
  },
};

/** Custom elements (Salesforce's `records-…`, Dynamics' `…-control`) become plain divs, as a framework migration does. */
export const plainElements: Mutation = {
  id: 'custom-elements',
  title: 'custom elements replaced by plain <div>s (attributes kept)',
  apply(doc) {
    for (const el of bodyElements(doc).reverse()) {
      if (!el.tagName.includes('-')) continue;
      const div = doc.createElement('div');
      for (const name of el.getAttributeNames()) div.setAttribute(name, el.getAttribute(name)!);
      while (el.firstChild) div.appendChild(el.firstChild);
      el.replaceWith(div);
    }
  },
};

/** Every element child of a container gets a wrapper div: direct-child selectors stop matching. */
export const extraWrappers: Mutation = {
  id: 'wrappers',
  title: 'an extra wrapper <div> around every element',
  apply(doc) {
    for (const el of bodyElements(doc).reverse()) {
      if (['TR', 'TD', 'TH', 'TBODY', 'THEAD', 'LI', 'OPTION', 'DT', 'DD'].includes(el.tagName)) continue;
      const parent = el.parentElement;
      if (!parent || ['TABLE', 'TBODY', 'THEAD', 'TR', 'UL', 'OL', 'SELECT', 'DL'].includes(parent.tagName)) continue;
      const wrap = doc.createElement('div');
      parent.insertBefore(wrap, el);
      wrap.appendChild(el);
    }
  },
};

/**
 * Fields and sections come in another order: the element children of every container
 * with three or more of them are reversed (a label and its value, two siblings, keep
 * their order — only longer runs are shuffled).
 */
export const reorderSiblings: Mutation = {
  id: 'order',
  title: 'sections and fields in another order',
  apply(doc) {
    for (const el of bodyElements(doc)) {
      const kids = Array.from(el.children);
      if (kids.length < 3 || ['TR', 'SELECT', 'HEAD'].includes(el.tagName)) continue;
      for (const k of kids.reverse()) el.appendChild(k);
    }
  },
};

/**
 * Field labels in another UI language (German): a rep's CRM is not always English.
 * Values, names and addresses stay as they are.
 */
const LABELS: Readonly<Record<string, string>> = {
  'Account Name': 'Accountname',
  Account: 'Account (Konto)',
  'Opportunity Name': 'Name der Opportunity',
  Website: 'Webseite',
  'Account Website': 'Webseite des Accounts',
  Stage: 'Phase',
  'Deal stage': 'Deal-Phase',
  'Deal Stage': 'Deal-Phase',
  Amount: 'Betrag',
  'Close Date': 'Abschlussdatum',
  'Close date': 'Abschlussdatum',
  Type: 'Typ',
  Company: 'Firma',
  'Company name': 'Firmenname',
  'Company Name': 'Firmenname',
  'Company domain name': 'Domain der Firma',
  Domain: 'Domäne',
  Email: 'E-Mail',
  Competitor: 'Wettbewerber',
  Competitors: 'Wettbewerber',
  'Main Competitor(s)': 'Hauptwettbewerber',
  Organization: 'Organisation',
  'Account Name:': 'Accountname:',
  'Deal Name': 'Deal-Name',
  'Potential Name': 'Name der Chance',
  Pipeline: 'Pipeline',
  From: 'Von',
  To: 'An',
  Cc: 'Cc',
};

export const translateLabels: Mutation = {
  id: 'labels',
  title: 'field labels in another language (German)',
  apply(doc) {
    const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, 4 /* NodeFilter.SHOW_TEXT */);
    const texts: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
    for (const t of texts) {
      const raw = t.data;
      const key = raw.trim();
      const to = LABELS[key];
      if (to) t.data = raw.replace(key, to);
    }
    for (const el of bodyElements(doc)) {
      for (const attr of ['aria-label', 'title', 'field-label']) {
        const val = el.getAttribute(attr);
        if (val && LABELS[val.trim()]) el.setAttribute(attr, LABELS[val.trim()]);
      }
    }
  },
};

const combine = (id: string, title: string, parts: Mutation[]): Mutation => ({
  id,
  title,
  apply(doc) {
    for (const p of parts) p.apply(doc);
  },
});

/** The release the product was measured against: class names and data-* hooks both gone. */
export const release = combine('release', 'classes renamed and data-* dropped together', [renameClasses, dropDataAttributes]);

/** Everything at once: what a full front-end rewrite looks like to an adapter. */
export const rewrite = combine('rewrite', 'all of the above at once', [
  renameClasses,
  dropDataAttributes,
  renameIds,
  plainElements,
  extraWrappers,
  reorderSiblings,
  translateLabels,
]);

export const MUTATIONS: readonly Mutation[] = [
  renameClasses,
  dropDataAttributes,
  renameIds,
  plainElements,
  extraWrappers,
  reorderSiblings,
  translateLabels,
  release,
  rewrite,
];
