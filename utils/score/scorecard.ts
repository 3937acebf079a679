/**
 * The scorecard as the sidebar shows it: the pack's elements merged with the rep's
 * stored entries (by element id, so a pack update keeps what the rep wrote), the
 * suggestions the page offers, and the current stage's exit requirement. Pure.
 */
import type { Qualification } from '../pack/schemaScore';
import type { ScorecardRecord } from '../store/repRecords';
import type { ScorecardElementView, ScorecardView } from '../view/types';
import type { Suggestion } from './suggest';

export interface MergeInput {
  qualification: Qualification;
  record: ScorecardRecord | null;
  accountId: string;
  dealKey: string;
  t: (text: Qualification['name']) => string;
  /** The current stage's name and the element ids its exit requires validated. */
  exit: { stage: string; requires: readonly string[] } | null;
  suggest: (elementId: string) => Suggestion | null;
}

export function mergeScorecard({ qualification, record, accountId, dealKey, t, exit, suggest }: MergeInput): ScorecardView {
  const entries = record?.entries ?? {};
  const required = new Set(exit?.requires ?? []);
  const elements: ScorecardElementView[] = qualification.elements.map((e) => {
    const entry = entries[e.id];
    const note = entry?.note ?? '';
    return {
      id: e.id,
      name: t(e.name),
      help: t(e.help),
      state: entry?.state ?? 'empty',
      note,
      required: required.has(e.id),
      // A note the rep wrote is the answer; a suggestion only fills the silence.
      suggestion: note ? null : suggest(e.id),
    };
  });
  const ids = new Set(qualification.elements.map((e) => e.id));
  const validated = elements.filter((e) => e.state === 'validated').length;
  return {
    accountId,
    dealKey,
    name: t(qualification.name),
    elements,
    validated,
    exit: exit && required.size ? { stage: exit.stage, required: elements.filter((e) => e.required).length, validated: elements.filter((e) => e.required && e.state === 'validated').length } : null,
    removed: Object.entries(entries)
      .filter(([id]) => !ids.has(id))
      .map(([id, en]) => ({ id, label: en.label || id })),
  };
}
