/**
 * Salesforce adapter: Lightning record pages (standard and console apps) and Classic
 * detail pages for Account, Opportunity, Contact, Lead and Case. Pure.
 *
 * Only the page on screen is read: Lightning keeps every visited page in the DOM, and a
 * console app keeps one per workspace tab, so everything is scoped to the active page host.
 * When no single host is active the adapter returns null rather than guess.
 */
import { makeContext } from '../context';
import { all, first, firstOf, firstText, isHidden, splitList, squash, textOf, uniqLines, visibleText } from '../dom';
import type { PageContext } from '../types';
import * as S from './selectors';
import { accountIdFromHref, parseRecordUrl, type SalesforceRecordRef } from './urls';

/** One field as rendered: where it came from, its API name when the page gives one, label and value element. */
interface Field {
  object: string | null;
  api: string | null;
  label: string;
  item: Element;
  value: Element;
}

const VALUE_EXCLUDE = 'button, .slds-assistive-text, lightning-helptext, .slds-hide';

const valueText = (f: Field): string => squash(visibleText(f.value, { exclude: VALUE_EXCLUDE }));
const sameLabel = (a: string, b: string): boolean => squash(a).toLowerCase() === b.toLowerCase();

/** The page host on screen, or null when there is none or no single one is active. */
export function focusedHost(doc: Document): Element | null {
  const hosts = all(doc, S.PAGE_HOST).filter(
    (h) => !isHidden(h) && !ancestors(h).some((a) => a.matches(S.CONSOLE_TAB) && !a.classList.contains(S.ACTIVE_CLASS)),
  );
  const active = hosts.filter((h) => h.classList.contains(S.ACTIVE_CLASS));
  if (active.length === 1) return active[0];
  if (active.length === 0 && hosts.length === 1) return hosts[0];
  return null;
}

function ancestors(el: Element): Element[] {
  const out: Element[] = [];
  for (let a = el.parentElement; a; a = a.parentElement) out.push(a);
  return out;
}

function parseApi(attr: string | null): { object: string | null; api: string | null } {
  if (!attr || !attr.startsWith(S.FIELD_API_PREFIX)) return { object: null, api: null };
  const [object, ...rest] = attr.slice(S.FIELD_API_PREFIX.length).split('.');
  return rest.length ? { object, api: rest.join('.') } : { object: null, api: object };
}

/** Every field the Lightning page host renders: header items, layout items, Dynamic Forms fields. */
function lightningFields(host: Element): Field[] {
  const fields: Field[] = [];
  for (const item of all(host, S.HIGHLIGHT_ITEM)) {
    const labelEl = first(item, S.HIGHLIGHT_LABEL);
    const value = first(item, S.HIGHLIGHT_VALUE);
    if (!value) continue;
    fields.push({ object: null, api: null, label: labelEl?.getAttribute('title') || textOf(labelEl) || '', item, value });
  }
  for (const item of all(host, S.LAYOUT_ITEM)) {
    const { object, api } = parseApi(item.getAttribute(S.FIELD_API_ATTR));
    const label = item.getAttribute('field-label') || firstText(item, S.LAYOUT_LABEL) || '';
    const value = first(item, S.LAYOUT_VALUE) ?? first(item, S.FLEXI_VALUE);
    if (value) fields.push({ object, api, label, item, value });
  }
  for (const item of all(host, S.FLEXI_FIELD)) {
    if (first(item, S.LAYOUT_ITEM)) continue;
    const m = (item.getAttribute('data-field-id') ?? '').match(/^Record(.+)Field$/);
    const api = m ? m[1].replace(/_c$/, '__c') : null;
    const value = first(item, S.FLEXI_VALUE);
    if (value) fields.push({ object: null, api, label: firstText(item, S.FLEXI_LABEL) ?? '', item, value });
  }
  return fields;
}

/** Classic: `td.labelCol` / `td.dataCol` pairs of the detail tables. */
function classicFields(root: Element): Field[] {
  const fields: Field[] = [];
  for (const table of all(root, S.CLASSIC.detail)) {
    for (const labelCell of all(table, S.CLASSIC.label)) {
      const value = labelCell.nextElementSibling;
      if (!value || !value.matches(S.CLASSIC.value)) continue;
      fields.push({ object: null, api: null, label: squash(textOf(labelCell)), item: value, value });
    }
  }
  return fields;
}

type Spec = { readonly api: readonly string[]; readonly labels: readonly string[] };

/** The field for a meaning: by API name on this object first, then by label (header items, Classic). */
function find(fields: Field[], spec: Spec, object: string, anyObject = false): Field | null {
  const byApi = fields.find((f) => f.api && spec.api.includes(f.api) && (anyObject || f.object === null || f.object === object));
  if (byApi) return byApi;
  return fields.find((f) => spec.labels.some((l) => sameLabel(f.label, l))) ?? null;
}

function competitorFields(fields: Field[], object: string): Field[] {
  return fields.filter((f) =>
    f.api ? S.COMPETITOR_FIELD_API.test(f.api) && (f.object === null || f.object === object) : S.COMPETITOR_FIELD_LABEL.test(f.label),
  );
}

/** Related lists titled "Competitors" (standard OpportunityCompetitor), Lightning or Classic. */
function competitorLists(root: Element): { el: Element; names: string[] }[] {
  const lists: { el: Element; names: string[] }[] = [];
  for (const article of all(root, S.RELATED_LIST)) {
    const title = article.querySelector(S.RELATED_LIST_TITLE);
    const name = title?.getAttribute('title') || textOf(title);
    if (name && S.COMPETITOR_LIST_TITLE.test(squash(name))) {
      lists.push({ el: article, names: all(article, S.RELATED_ROW_NAME).map((th) => textOf(th) ?? '').filter(Boolean) });
    }
  }
  for (const block of all(root, '.bRelatedList')) {
    const name = firstText(block, '.pbTitle h3');
    if (name && S.COMPETITOR_LIST_TITLE.test(name)) {
      lists.push({ el: block, names: all(block, 'tr.dataRow th').map((th) => textOf(th) ?? '').filter(Boolean) });
    }
  }
  return lists;
}

/** Rows of the "Contact Roles" related list (Lightning): who, in which role. */
function contactRoles(root: Element): { name: string; role: string }[] {
  const out: { name: string; role: string }[] = [];
  for (const article of all(root, S.RELATED_LIST)) {
    const title = article.querySelector(S.RELATED_LIST_TITLE);
    const name = title?.getAttribute('title') || textOf(title);
    if (!name || !S.CONTACT_ROLES_TITLE.test(squash(name))) continue;
    for (const row of all(article, S.RELATED_ROW)) {
      const who = textOf(row.querySelector('th'));
      const role = textOf(row.querySelector('td'));
      if (who && role) out.push({ name: who, role });
    }
  }
  return out;
}

/** The account a lookup field points at: its name and the id from the link. */
function lookup(f: Field | null, base: URL): { name: string | null; id: string | null } {
  if (!f) return { name: null, id: null };
  for (const a of all(f.value, S.LOOKUP_LINK)) {
    const id = accountIdFromHref(a.getAttribute('href'), base);
    if (id) return { name: squash(visibleText(a, { exclude: VALUE_EXCLUDE })) || valueText(f), id };
  }
  return { name: valueText(f) || null, id: null };
}

function read(ref: SalesforceRecordRef, root: Element, fields: Field[], name: string | null, url: URL): PageContext | null {
  const object = ref.object;
  const get = (spec: Spec, anyObject = false) => find(fields, spec, object, anyObject);
  const value = (spec: Spec) => {
    const f = get(spec);
    return f ? valueText(f) || null : null;
  };

  if (!name && fields.length === 0) return null; // not rendered yet

  const compFields = competitorFields(fields, object);
  const compLists = competitorLists(root);
  const skip = new Set<Element>([...compFields.map((f) => f.item), ...compLists.map((l) => l.el)]);

  const websites = fields
    .filter((f) => (f.api ? S.FIELDS.website.api.includes(f.api as 'Website') : S.FIELDS.website.labels.some((l) => sameLabel(f.label, l))))
    .map((f) => first(f.value, S.URL_VALUE)?.getAttribute('href') || valueText(f));

  const emails = all(root, S.EMAIL_LINK).map((a) => a.getAttribute('href'));

  let accountName: string | null = null;
  let accountId: string | null = null;
  if (ref.recordType === 'account') {
    accountName = name;
    accountId = ref.id;
  } else if (ref.recordType === 'lead') {
    accountName = value(S.FIELDS.company);
  } else {
    const acc = lookup(get(S.FIELDS.account), url);
    accountName = acc.name;
    accountId = acc.id;
  }

  const isOpp = ref.recordType === 'opportunity';
  let stage: string | null = null;
  if (isOpp) {
    stage = value(S.FIELDS.stage);
    if (!stage) {
      const cur = first(root, S.PATH_CURRENT);
      stage = (cur && (cur.querySelector('a[title]')?.getAttribute('title') || firstText(cur, S.PATH_TITLE))) || null;
    }
  }

  const text = ref.ui === 'lightning'
    ? visibleText(root, { exclude: S.TEXT_EXCLUDE, skip: (el) => skip.has(el) })
    : visibleText(root, { exclude: S.CLASSIC.exclude, skip: (el) => skip.has(el) || (el.matches('td.labelCol')) });

  return makeContext({
    site: 'salesforce',
    recordType: ref.recordType!,
    recordId: ref.id,
    accountName,
    accountId,
    websites,
    emails,
    stage,
    opportunityType: isOpp ? value(S.FIELDS.type) : null,
    amount: isOpp ? value(S.FIELDS.amount) : null,
    closeDate: isOpp ? value(S.FIELDS.closeDate) : null,
    ...(isOpp ? { nextStep: value(S.FIELDS.nextStep), contactRoles: contactRoles(root) } : {}),
    competitorsField: [...compFields.flatMap((f) => splitList(valueText(f))), ...compLists.flatMap((l) => l.names)],
    text: [uniqLines(text)],
  });
}

export function extract(doc: Document, url: URL): PageContext | null {
  const ref = parseRecordUrl(url);
  if (!ref || !ref.recordType) return null;

  if (ref.ui === 'classic') {
    const root = firstOf(doc, S.CLASSIC.body) ?? doc.body;
    if (!root) return null;
    const name = firstText(root, S.CLASSIC.recordName);
    if (!name) return null;
    return read(ref, root, classicFields(root), name, url);
  }

  const host = focusedHost(doc);
  if (!host) return null;
  const header = first(host, S.HIGHLIGHTS) ?? host;
  const name = firstText(header, S.RECORD_NAME);
  return read(ref, host, lightningFields(host), name, url);
}
