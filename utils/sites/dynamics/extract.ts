/**
 * Dynamics 365 adapter: account, opportunity (business process flow stage), contact, lead
 * and case forms in Unified Interface. Pure. Field values live in form controls
 * (inputs, option sets, lookup tags), so values are read control by control rather than
 * from the page's text.
 */
import { makeContext } from '../context';
import { all, first, firstText, splitList, squash, textOf, valueOf, visibleText } from '../dom';
import type { PageContext } from '../types';
import * as S from './selectors';
import { parseRecordUrl } from './urls';

/** The displayed value of one field container, whatever its control. */
function containerValue(container: Element): string | null {
  const tag = first(container, S.LOOKUP_TAG_ANY);
  if (tag) return textOf(tag) ?? squash(tag.getAttribute('aria-label')) ?? null;
  const select = first(container, 'select[data-id*=".fieldControl"]');
  if (select) {
    const opt = first(select, 'option[selected]') ?? first(select, 'option[data-selected="true"]');
    return textOf(opt);
  }
  const combo = first(container, 'button[data-id*="option-set-select"], [role="combobox"][data-id*=".fieldControl"]');
  if (combo) return textOf(combo) ?? (squash(combo.getAttribute('title') || combo.getAttribute('aria-label')) || null);
  const control = first(container, 'input[data-id*=".fieldControl"], textarea[data-id*=".fieldControl"]');
  if (control) return valueOf(control) ?? (squash(control.getAttribute('title')) || null);
  return squash(visibleText(container, { exclude: S.TEXT_EXCLUDE })) || null;
}

function fieldValue(root: ParentNode, names: readonly string[]): { value: string | null; container: Element | null } {
  for (const name of names) {
    for (const container of all(root as Element, S.fieldContainer(name))) {
      const value = containerValue(container);
      if (value) return { value, container };
    }
  }
  return { value: null, container: null };
}

/** "Qualify, Active" / "Develop stage: Active" → "Qualify" / "Develop": the stage's name from its accessible name. */
function stageFromLabel(li: Element): string | null {
  const label = li.getAttribute('aria-label') ?? '';
  const name = squash(label.replace(S.BPF_ACTIVE_LABEL, '').replace(/\bstage\b\s*[:：]?/i, '').replace(/[,;:：，\s]+$/, '').replace(/^[,;:：，\s]+/, ''));
  return name || squash(li.getAttribute('title')) || null;
}

/** The business process flow's active stage and process name. */
function processStage(root: ParentNode): { stage: string | null; process: string | null } {
  const stages = all(root as Element, S.BPF_STAGE);
  const active =
    stages.find((li) => first(li, S.BPF_ACTIVE_MARK)) ??
    stages.find((li) => li.getAttribute('aria-selected') === 'true') ??
    // The accessible markers of the current step: WAI-ARIA's aria-current, or "Active" in the stage's accessible name.
    stages.find((li) => li.getAttribute('aria-current') === 'step' || first(li, '[aria-current="step"]')) ??
    stages.find((li) => S.BPF_ACTIVE_LABEL.test(li.getAttribute('aria-label') ?? '') || !!all(li, '[aria-label]').find((el) => S.BPF_ACTIVE_LABEL.test(el.getAttribute('aria-label') ?? '')));
  const name = active ? firstText(active, S.BPF_STAGE_NAME) ?? stageFromLabel(active) : null;
  return {
    stage: name,
    process: firstText(root as Element, S.BPF_PROCESS_NAME),
  };
}

function competitorsFrom(root: ParentNode): { names: string[]; skip: Element[] } {
  const names: string[] = [];
  const skip: Element[] = [];
  for (const grid of S.COMPETITOR_SUBGRID.flatMap((n) => all(root as Element, S.SUBGRID(n)))) {
    skip.push(grid);
    for (const row of all(grid, '[role="row"]')) {
      const cell = all(row, S.GRID_CELL).map((c) => textOf(c)).find((t) => !!t);
      if (cell) names.push(cell);
    }
  }
  for (const container of all(root as Element, S.ANY_FIELD)) {
    const name = (container.getAttribute('data-id') ?? '').replace(/^header_/, '').replace(/-FieldSectionItemContainer$/, '');
    if (S.COMPETITOR_COLUMN.test(name)) {
      skip.push(container);
      names.push(...splitList(containerValue(container)));
    }
  }
  return { names, skip };
}

export function extract(doc: Document, url: URL): PageContext | null {
  const ref = parseRecordUrl(url);
  if (!ref) return null;
  const form = first(doc, S.FORM) ?? null;
  const title = firstText(doc, S.TITLE);
  if (!form || !title) return null;

  const get = (names: readonly string[]) => fieldValue(doc, names).value;
  const { names: competitors, skip } = competitorsFrom(doc);
  const skipSet = new Set(skip);

  let accountName: string | null = null;
  let accountId: string | null = null;
  if (ref.recordType === 'account') {
    accountName = title;
    accountId = ref.id;
  } else if (ref.recordType === 'lead') {
    accountName = get(S.COLUMNS.company);
  } else {
    accountName = get(S.COLUMNS.account);
  }

  const isOpp = ref.recordType === 'opportunity';
  const bpf = isOpp ? processStage(doc) : { stage: null, process: null };

  const values: string[] = [title];
  for (const container of all(form, S.ANY_FIELD)) {
    if (skipSet.has(container)) continue;
    const v = containerValue(container);
    if (v) values.push(v);
  }
  const timeline = all(doc, S.TIMELINE).map((t) => visibleText(t, { exclude: S.TEXT_EXCLUDE }));

  return makeContext({
    site: 'dynamics',
    recordType: ref.recordType,
    recordId: ref.id,
    accountName,
    accountId,
    websites: [get(S.COLUMNS.website)],
    emails: [...S.COLUMNS.email.map((c) => get([c])), ...all(doc, 'a[href^="mailto:"]').map((a) => a.getAttribute('href'))],
    stage: isOpp ? bpf.stage ?? get(S.COLUMNS.stage) : null,
    opportunityType: isOpp ? get(S.COLUMNS.type) : null,
    pipeline: isOpp ? bpf.process : null,
    amount: isOpp ? get(S.COLUMNS.amount) : null,
    closeDate: isOpp ? get(S.COLUMNS.closeDate) : null,
    competitorsField: competitors,
    text: [...new Set(values), ...timeline],
  });
}
