import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { repActions } from '../../../utils/state/repActions';
import type { SidebarView } from '../../../utils/view/types';

const view = {
  scorecard: {
    accountId: 'northwind', dealKey: 'salesforce:opportunity:006', name: 'MEDDPICC', validated: 0, removed: [],
    exit: { stage: 'Proposal', required: 1, validated: 0 },
    elements: [
      { id: 'metrics', name: 'Metrics', help: '', state: 'empty', note: '', required: true, suggestion: null },
      { id: 'economic-buyer', name: 'Economic buyer', help: '', state: 'empty', note: '', required: false, suggestion: { text: 'Nancy', source: { kind: 'nextStep' } } },
    ],
  },
  outcome: { recordKey: 'k', accountId: 'northwind', result: 'lost', stage: 'Closed Lost', reasons: [], competitors: [], suggestedCompetitorId: null, recorded: null },
} as unknown as SidebarView;

function setup(fail = false) {
  const sent: [string, unknown][] = [];
  let loads = 0;
  const s = { view: signal<SidebarView | null>(view), status: signal<'idle' | 'loading' | 'ready' | 'error'>('ready'), error: signal<string | null>(null) };
  const ask = (async (type: string, payload: unknown) => {
    sent.push([type, payload]);
    if (fail) throw new Error('refused');
    return {};
  }) as never;
  const a = repActions(s, { ask }, async () => void loads++);
  return { s, a, sent, loads: () => loads };
}

describe('the sidebar’s actions on the rep’s read', () => {
  it('shows a validated element at once, counts it toward the exit, and sends it to the background', async () => {
    const { s, a, sent } = setup();
    await a.setElement('metrics', 'validated', '+5%');
    expect(s.view.value!.scorecard).toMatchObject({ validated: 1, exit: { validated: 1 } });
    expect(sent).toEqual([['scorecard:set', { accountId: 'northwind', dealKey: 'salesforce:opportunity:006', elementId: 'metrics', state: 'validated', note: '+5%' }]]);
  });

  it('hides the suggestion once the rep wrote a note', async () => {
    const { s, a } = setup();
    await a.setElement('economic-buyer', 'noted', 'Nancy');
    expect(s.view.value!.scorecard!.elements[1].suggestion).toBeNull();
  });

  it('reloads the view after the outcome is recorded, and shows a refusal as an error', async () => {
    const ok = setup();
    await ok.a.recordOutcome({ reasonId: 'price', competitorId: null, note: '', skipped: false });
    expect(ok.sent[0]).toEqual(['outcome:set', { recordKey: 'k', accountId: 'northwind', result: 'lost', stage: 'Closed Lost', reasonId: 'price', competitorId: null, note: '', skipped: false }]);
    expect(ok.loads()).toBe(1);
    const bad = setup(true);
    await bad.a.setElement('metrics', 'validated', '');
    expect(bad.s.status.value).toBe('error');
    expect(bad.s.error.value).toBe('refused');
  });
});
