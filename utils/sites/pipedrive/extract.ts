/**
 * Pipedrive adapter: deal (stage), organization and person detail pages. Pure.
 */
import { makeContext } from '../context';
import { all, first, firstOf, splitList, squash, textOf, visibleText } from '../dom';
import type { PageContext } from '../types';
import * as S from './selectors';
import { organizationIdFromHref, parseRecordUrl } from './urls';

interface Pair {
  label: string;
  value: Element;
}

/** Label/value pairs: a label-like element and its next sibling. */
function pairs(root: Element): Pair[] {
  const out: Pair[] = [];
  for (const el of all(root, S.LABEL_CANDIDATES)) {
    const value = el.nextElementSibling;
    const label = squash(el.textContent).replace(/:$/, '');
    if (value && label && label.length < 60) out.push({ label, value });
  }
  return out;
}

function byLabel(ps: Pair[], labels: readonly string[]): Pair | null {
  const wanted = labels.map((l) => l.toLowerCase());
  return ps.find((p) => wanted.includes(p.label.toLowerCase()) && textOf(p.value)) ?? null;
}

export function extract(doc: Document, url: URL): PageContext | null {
  const ref = parseRecordUrl(url);
  if (!ref) return null;
  const titleEl = firstOf(doc, S.TITLE);
  const title = textOf(titleEl) ?? (titleEl ? squash(titleEl.querySelector('textarea')?.textContent) || null : null);
  if (!title) return null;
  const root = firstOf(doc, S.CONTENT) ?? doc.body;
  if (!root) return null;

  const ps = pairs(root);
  const val = (labels: readonly string[]) => {
    const p = byLabel(ps, labels);
    return p ? squash(visibleText(p.value, { exclude: 'button' })) || null : null;
  };
  const competitorPairs = ps.filter((p) => S.COMPETITOR_LABEL.test(p.label));
  const skip = new Set(competitorPairs.flatMap((p) => [p.value, p.value.previousElementSibling].filter((e): e is Element => !!e)));

  let accountName: string | null = null;
  let accountId: string | null = null;
  const websites: (string | null)[] = [];
  if (ref.kind === 'organization') {
    accountName = title;
    accountId = ref.id;
    const w = byLabel(ps, S.LABELS.website);
    websites.push(w ? first(w.value, S.URL_LINK)?.getAttribute('href') ?? textOf(w.value) : null);
  } else {
    const orgPair = byLabel(ps, S.LABELS.organization);
    const link = (orgPair && first(orgPair.value, S.ORGANIZATION_LINK)) ?? all(root, S.ORGANIZATION_LINK).find((a) => !a.closest(S.NAV)) ?? null;
    accountName = link ? textOf(link) : orgPair ? textOf(orgPair.value) : null;
    accountId = link ? organizationIdFromHref(link.getAttribute('href'), url) : null;
  }

  const isDeal = ref.kind === 'deal';
  return makeContext({
    site: 'pipedrive',
    recordType: ref.recordType,
    recordId: ref.id,
    accountName,
    accountId,
    websites,
    emails: all(root, S.EMAIL_LINK).map((a) => a.getAttribute('href')),
    stage: isDeal ? val(S.LABELS.stage) : null,
    pipeline: isDeal ? val(S.LABELS.pipeline) : null,
    amount: isDeal ? val(S.LABELS.value) : null,
    closeDate: isDeal ? val(S.LABELS.closeDate) : null,
    competitorsField: competitorPairs.flatMap((p) => splitList(textOf(p.value))),
    text: [titleEl && root.contains(titleEl) ? null : title, visibleText(root, { exclude: S.TEXT_EXCLUDE, skip: (el) => skip.has(el) })],
  });
}
