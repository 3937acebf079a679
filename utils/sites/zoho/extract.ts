/**
 * Zoho CRM adapter: account, deal (stage), contact and lead detail pages. Pure.
 */
import { makeContext } from '../context';
import { all, first, firstText, joinText, splitList, squash, uniqLines, visibleText } from '../dom';
import type { PageContext } from '../types';
import * as S from './selectors';
import { accountIdFromHref, parseRecordUrl } from './urls';

interface Field {
  column: string | null;
  label: string;
  row: Element;
  value: Element;
}

function readFields(doc: Document): Field[] {
  const fields: Field[] = [];
  for (const labelEl of all(doc, S.FIELD_LABEL)) {
    const value = labelEl.nextElementSibling?.matches(S.FIELD_VALUE) ? labelEl.nextElementSibling : labelEl.parentElement?.querySelector(S.FIELD_VALUE) ?? null;
    if (!value) continue;
    const column = (labelEl.getAttribute('data-zcqa') ?? '').match(S.LABEL_COLUMN)?.[1] ?? null;
    fields.push({ column, label: squash(labelEl.textContent).replace(/:$/, ''), row: labelEl.parentElement ?? labelEl, value });
  }
  return fields;
}

const valueText = (f: Field): string | null => squash(visibleText(f.value, { exclude: S.TEXT_EXCLUDE })) || null;

function find(fields: Field[], spec: { readonly columns: readonly string[]; readonly labels: readonly string[] }): Field | null {
  return (
    fields.find((f) => f.column && spec.columns.includes(f.column) && valueText(f)) ??
    fields.find((f) => spec.labels.some((l) => l.toLowerCase() === f.label.toLowerCase()) && valueText(f)) ??
    null
  );
}

export function extract(doc: Document, url: URL): PageContext | null {
  const ref = parseRecordUrl(url);
  if (!ref) return null;
  const header = first(doc, S.HEADER);
  const name = firstText(header ?? doc, S.RECORD_NAME);
  if (!name) return null;

  const fields = readFields(doc);
  const value = (spec: Parameters<typeof find>[1]) => {
    const f = find(fields, spec);
    return f ? valueText(f) : null;
  };
  const competitorFields = fields.filter((f) => S.COMPETITOR.test(f.column ?? '') || S.COMPETITOR.test(f.label));
  const skip = new Set(competitorFields.map((f) => f.row));

  let accountName: string | null = null;
  let accountId: string | null = null;
  if (ref.recordType === 'account') {
    accountName = name;
    accountId = ref.id;
  } else if (ref.recordType === 'lead') {
    accountName = value(S.FIELDS.company);
  } else {
    const f = find(fields, S.FIELDS.account);
    accountName = f ? valueText(f) : null;
    accountId = f ? all(f.value, 'a[href]').map((a) => accountIdFromHref(a.getAttribute('href'), url)).find(Boolean) ?? null : null;
  }

  const isDeal = ref.recordType === 'deal';
  const emailFields = fields.filter((f) => (f.column && (S.FIELDS.email.columns as readonly string[]).includes(f.column)) || (S.FIELDS.email.labels as readonly string[]).includes(f.label));
  const textRoots = [header, ...all(doc, S.SECTION).filter((s) => !s.parentElement?.closest(S.SECTION)), ...all(doc, S.RELATED_LIST)];

  return makeContext({
    site: 'zoho',
    recordType: ref.recordType,
    recordId: ref.id,
    accountName,
    accountId,
    websites: [value(S.FIELDS.website)],
    emails: [...emailFields.map(valueText), ...all(doc, 'a[href^="mailto:"]').map((a) => a.getAttribute('href'))],
    stage: isDeal ? value(S.FIELDS.stage) : null,
    opportunityType: isDeal ? value(S.FIELDS.type) : null,
    amount: isDeal ? value(S.FIELDS.amount) : null,
    closeDate: isDeal ? value(S.FIELDS.closeDate) : null,
    competitorsField: competitorFields.flatMap((f) => splitList(valueText(f))),
    text: [uniqLines(joinText(textRoots.map((r) => (r ? visibleText(r, { exclude: S.TEXT_EXCLUDE, skip: (el) => skip.has(el) }) : null))))],
  });
}
