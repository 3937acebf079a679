/**
 * HubSpot adapter: company, deal, contact and ticket record pages. Pure.
 * The record identity comes from the URL; the page supplies the name, properties,
 * the associated company and the activity text. Association cards and app cards in the
 * right sidebar describe other records and are not read as this record's text.
 */
import { makeContext } from '../context';
import { all, first, firstOf, firstText, joinText, splitList, squash, textOf, uniqLines, valueOf, visibleText } from '../dom';
import type { PageContext } from '../types';
import * as S from './selectors';
import { companyIdFromHref, parseRecordUrl } from './urls';

interface Property {
  name: string | null;
  label: string | null;
  value: string | null;
  /** The row to leave out of the text when it is a competitor property. */
  row: Element;
}

const inAssociation = (el: Element): boolean => !!el.closest(S.ASSOCIATION_CARD);

/** Every property the record's own columns render, by name where the page gives one. */
function readProperties(roots: Element[]): Property[] {
  const props: Property[] = [];
  const seen = new Set<Element>();
  for (const root of roots) {
    for (const { attr, prefix } of S.PROPERTY_PREFIXES) {
      for (const el of all(root, `[${attr}^="${prefix}"]`)) {
        if (inAssociation(el)) continue;
        const name = (el.getAttribute(attr) ?? '').slice(prefix.length);
        if (!name || S.PLACEHOLDER_NAMES.has(name)) continue;
        const rowRoot = el.closest(S.PROPERTY_ROW);
        const row = rowRoot?.parentElement ?? rowRoot ?? el;
        if (rowRoot) seen.add(rowRoot);
        props.push({ name, label: rowRoot ? firstText(rowRoot, S.PROPERTY_LABEL) : null, value: valueOf(el), row });
      }
    }
    // Rows that render only a label (custom cards, "Contact profile"): label + the rest of the row's text.
    for (const rowRoot of all(root, S.PROPERTY_ROW)) {
      if (seen.has(rowRoot) || inAssociation(rowRoot)) continue;
      const label = firstText(rowRoot, S.PROPERTY_LABEL);
      const value = squash(visibleText(rowRoot, { exclude: 'label, button' })) || null;
      props.push({ name: null, label, value, row: rowRoot.parentElement ?? rowRoot });
    }
  }
  return props;
}

function byName(props: Property[], names: readonly string[]): string | null {
  for (const n of names) {
    const p = props.find((x) => x.name === n && x.value);
    if (p) return p.value;
  }
  return null;
}

function byLabel(props: Property[], labels: readonly string[]): string | null {
  const wanted = labels.map((l) => l.toLowerCase());
  return props.find((p) => p.label && p.value && wanted.includes(squash(p.label).toLowerCase()))?.value ?? null;
}

/** The company this record is associated with: chicklet or association-card link, with its id. */
function associatedCompany(doc: Document, url: URL): { name: string | null; id: string | null } {
  const scope = first(doc, S.RIGHT_SIDEBAR) ?? doc;
  const link = firstOf(scope, S.COMPANY_LINK) ?? firstOf(doc, S.COMPANY_LINK);
  if (!link) return { name: null, id: null };
  return { name: textOf(link), id: companyIdFromHref(link.getAttribute('href'), url) };
}

export function extract(doc: Document, url: URL): PageContext | null {
  const ref = parseRecordUrl(url);
  if (!ref) return null;

  const left = first(doc, S.LEFT_SIDEBAR);
  const middle = first(doc, S.MIDDLE_PANE);
  const highlight = first(left ?? doc, S.HIGHLIGHT_CARD);
  const title = firstText(highlight ?? left, S.TITLE);
  if (!title) return null; // not a rendered record page (yet)

  const roots = [left, middle].filter((r): r is Element => !!r);
  const props = readProperties(roots);
  const competitorProps = props.filter((p) => (p.name ? S.COMPETITOR_PROPERTY.test(p.name) : !!p.label && S.COMPETITOR_LABEL.test(p.label)));
  const skip = new Set(competitorProps.map((p) => p.row));

  // The record's own addresses, then those of its associated contacts (they belong to it too).
  const mailto = (root: Element) => all(root, 'a[href^="mailto:"]').map((a) => a.getAttribute('href'));
  const emails: (string | null)[] = [
    ...roots.flatMap((r) => all(r, 'a[href^="mailto:"]').filter((a) => !inAssociation(a)).map((a) => a.getAttribute('href'))),
    ...all(doc, S.CONTACT_ASSOCIATION).flatMap(mailto),
  ];

  let accountName: string | null = null;
  let accountId: string | null = null;
  const websites: (string | null)[] = [];
  let stage: string | null = null;
  let pipeline: string | null = null;

  switch (ref.recordType) {
    case 'company': {
      accountName = title;
      accountId = ref.id;
      websites.push(...S.PROPS.companyDomain.map((n) => byName(props, [n])));
      const details = first(highlight ?? doc, S.HIGHLIGHT_DETAILS);
      for (const a of all(details, 'a[href^="http"]')) websites.push(a.getAttribute('href'));
      break;
    }
    case 'contact': {
      const company = associatedCompany(doc, url);
      accountName = company.name ?? byName(props, S.PROPS.contactCompany);
      accountId = company.id;
      emails.push(...props.filter((p) => p.name && (S.PROPS.contactEmail as readonly string[]).includes(p.name)).flatMap((p) => splitList(p.value)));
      break;
    }
    case 'deal':
    case 'ticket': {
      const company = associatedCompany(doc, url);
      accountName = company.name;
      accountId = company.id;
      pipeline = byName(props, S.PROPS.pipeline) ?? byLabel(props, S.LABELS.pipeline) ?? firstText(doc, S.LEGACY_PIPELINE);
      stage = byName(props, S.PROPS.stage) ?? byLabel(props, S.LABELS.stage) ?? firstText(doc, S.LEGACY_STAGE);
      break;
    }
  }

  const isDeal = ref.recordType === 'deal';
  const textRoots = [...(left ? all(left, S.SIDEBAR_CARD).filter((c) => !c.parentElement?.closest(S.SIDEBAR_CARD)) : []), ...(middle ? [middle] : [])];
  const text = [uniqLines(joinText(textRoots.map((r) => visibleText(r, { exclude: S.TEXT_EXCLUDE, skip: (el) => skip.has(el) }))))];

  return makeContext({
    site: 'hubspot',
    recordType: ref.recordType,
    recordId: ref.id,
    accountName,
    accountId,
    websites,
    emails,
    stage: isDeal ? stage : null,
    opportunityType: isDeal ? byName(props, S.PROPS.dealType) : null,
    pipeline: isDeal ? pipeline : null,
    amount: isDeal ? byName(props, S.PROPS.amount) : null,
    closeDate: isDeal ? byName(props, S.PROPS.closeDate) : null,
    competitorsField: competitorProps.flatMap((p) => splitList(p.value)),
    text,
  });
}
