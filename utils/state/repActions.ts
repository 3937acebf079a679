/**
 * The sidebar's actions on the rep's own read: a scorecard element's status and note,
 * the close's answer, the CS rep's sentiment. Each goes to the background by a typed
 * message; the view shows the change at once (scorecard) or reloads with the stored
 * answer (outcome, sentiment: the score may move). Pure, like utils/state/sidebar.ts.
 */
import type { Signal } from '@preact/signals';
import type { ask } from '../ask';
import type { ElementState } from '../store/repRecords';
import type { SidebarView } from '../view/types';

interface RepSignals {
  view: Signal<SidebarView | null>;
  status: Signal<'idle' | 'loading' | 'ready' | 'error'>;
  error: Signal<string | null>;
}

export interface OutcomeAnswer {
  reasonId: string | null;
  competitorId: string | null;
  note: string;
  skipped: boolean;
}

export function repActions(s: RepSignals, deps: { ask: typeof ask }, load: () => Promise<void>) {
  const failed = async (e: unknown) => {
    s.status.value = 'error';
    s.error.value = e instanceof Error ? e.message : String(e);
    await load();
  };
  return {
    async setElement(elementId: string, state: ElementState, note: string) {
      const view = s.view.peek();
      const sc = view?.scorecard;
      if (!view || !sc) return;
      const elements = sc.elements.map((e) => (e.id === elementId ? { ...e, state, note, suggestion: note ? null : e.suggestion } : e));
      const required = elements.filter((e) => e.required);
      const exit = sc.exit ? { ...sc.exit, validated: required.filter((e) => e.state === 'validated').length } : null;
      s.view.value = { ...view, scorecard: { ...sc, elements, exit, validated: elements.filter((e) => e.state === 'validated').length } };
      try {
        await deps.ask('scorecard:set', { accountId: sc.accountId, dealKey: sc.dealKey, elementId, state, note });
      } catch (e) {
        await failed(e);
      }
    },
    async recordOutcome(answer: OutcomeAnswer) {
      const o = s.view.peek()?.outcome;
      if (!o) return;
      try {
        await deps.ask('outcome:set', { recordKey: o.recordKey, accountId: o.accountId, result: o.result, stage: o.stage, ...answer });
        await load();
      } catch (e) {
        await failed(e);
      }
    },
    async saveSentiment(color: 'green' | 'yellow' | 'red', comment: string) {
      const sn = s.view.peek()?.sentiment;
      if (!sn) return;
      try {
        await deps.ask('sentiment:set', { accountId: sn.accountId, color, comment });
        await load();
      } catch (e) {
        await failed(e);
      }
    },
  };
}

export type RepActions = ReturnType<typeof repActions>;
