/**
 * Generic adapter for self-hosted and unlisted CRMs, driven by the pack's `sites` rules
 * (host pattern + one CSS selector per field). Pure. A selector the page does not parse
 * yields nothing rather than an error; a page where no rule reads an account name, a
 * website or an e-mail address gives null.
 */
import type { SiteRule } from '../../pack/schema';
import { makeContext } from '../context';
import { all, emailsIn, emailsInElement, firstText, splitList, squash, textOf, visibleText } from '../dom';
import type { PageContext, RecordType } from '../types';
import { ruleFor } from './rules';

const RECORD_TYPES: readonly RecordType[] = ['account', 'opportunity', 'contact', 'lead', 'case', 'company', 'deal', 'ticket', 'organization', 'person', 'thread', 'record'];

/** Chrome never taken as text even inside a rule's text selector. */
const TEXT_EXCLUDE = 'button, nav, [role="navigation"], [role="toolbar"], [contenteditable="true"]';

const valueOfLinkOrText = (el: Element): string | null =>
  (el.localName === 'a' ? el.getAttribute('href') : null) ?? el.querySelector('a[href]')?.getAttribute('href') ?? textOf(el);

export function extractGeneric(doc: Document, url: URL, rules: readonly SiteRule[]): PageContext | null {
  const rule = ruleFor(url, rules);
  if (!rule) return null;
  const s = rule.selectors;

  const accountName = s.accountName ? firstText(doc, s.accountName) : null;
  const websites = s.website ? all(doc, s.website).map(valueOfLinkOrText) : [];
  const emails = s.emails
    ? all(doc, s.emails).flatMap((el) => [el.getAttribute('href'), ...emailsIn(el.getAttribute('href') ?? ''), ...emailsInElement(el)])
    : [];
  if (!accountName && !websites.some(Boolean) && !emails.some(Boolean)) return null;

  const stage = s.stage ? firstText(doc, s.stage) : null;
  const competitors = s.competitor ? all(doc, s.competitor).flatMap((el) => splitList(textOf(el))) : [];
  const text = s.text
    ? all(doc, s.text).map((el) => visibleText(el, { exclude: TEXT_EXCLUDE }))
    : [accountName, stage, ...websites.map((w) => squash(w))];
  const recordType = RECORD_TYPES.find((t) => t === (rule.recordType ?? '').toLowerCase()) ?? 'record';

  return makeContext({
    site: 'generic',
    recordType,
    recordId: null,
    accountName,
    websites,
    emails,
    stage,
    competitorsField: competitors,
    text,
  });
}
