import { describe, expect, it } from 'vitest';
import { mergeScorecard } from '../../../utils/score/scorecard';
import { suggestFor } from '../../../utils/score/suggest';
import { closedResult, scorecardTarget } from '../../../utils/score/closed';
import { localize } from '../../../utils/pack/text';
import type { Qualification, ScorecardElement } from '../../../utils/pack/schemaScore';
import type { ScorecardRecord } from '../../../utils/store/repRecords';
import type { MatchResult } from '../../../utils/match/types';
import { makePack, page } from '../match/packs';
import { validatePack } from '../../../utils/pack/validate';

const el = (id: string, extra: Partial<ScorecardElement> = {}): ScorecardElement => ({ id, name: { en: id.toUpperCase(), 'zh-CN': `${id}（中文）` }, help: `What ${id} means`, suggestFrom: [], contactRoles: [], ...extra });
const q = (...elements: ScorecardElement[]): Qualification => ({ id: 'meddpicc', name: 'MEDDPICC', elements });
const t = (text: Qualification['name']) => localize(text, 'en', 'en');
const record = (entries: ScorecardRecord['entries']): ScorecardRecord => ({ key: 'a|deal', accountId: 'a', dealKey: 'deal', entries, updatedAt: '2026-11-01T00:00:00Z' });
const entry = (state: 'noted' | 'validated', note = '', label = '') => ({ state, note, label, at: '2026-11-01T00:00:00Z' });

describe('mergeScorecard', () => {
  const base = { accountId: 'a', dealKey: 'deal', t, exit: null, suggest: () => null };

  it('keeps each element’s state and note by id across a pack update that renames, adds and removes elements', () => {
    const stored = record({ metrics: entry('validated', '+5% repeat purchase'), champion: entry('noted', 'Nancy', 'Champion') });
    const v2 = q(el('metrics', { name: 'Metrics (renamed)' }), el('economic-buyer'));
    const view = mergeScorecard({ ...base, qualification: v2, record: stored });
    expect(view.elements.map((e) => [e.id, e.name, e.state, e.note])).toEqual([
      ['metrics', 'Metrics (renamed)', 'validated', '+5% repeat purchase'],
      ['economic-buyer', 'ECONOMIC-BUYER', 'empty', ''],
    ]);
    expect(view.validated).toBe(1);
    // The element the pack dropped is listed by the name it had, not lost: a rollback shows it again.
    expect(view.removed).toEqual([{ id: 'champion', label: 'Champion' }]);
  });

  it('counts the elements the stage’s exit requires, validated or not', () => {
    const view = mergeScorecard({ ...base, qualification: q(el('m'), el('e'), el('i')), record: record({ m: entry('validated'), e: entry('noted', 'x') }), exit: { stage: 'Discovery', requires: ['m', 'e'] } });
    expect(view.exit).toEqual({ stage: 'Discovery', required: 2, validated: 1 });
    expect(view.elements.map((e) => e.required)).toEqual([true, true, false]);
  });

  it('shows what the page suggests only while the rep has written no note', () => {
    const suggest = () => ({ text: 'Nancy Davolio', source: { kind: 'contactRole' as const, role: 'Economic Buyer' } });
    const view = mergeScorecard({ ...base, suggest, qualification: q(el('eb'), el('champ')), record: record({ champ: entry('noted', 'Lena') }) });
    expect(view.elements[0].suggestion?.text).toBe('Nancy Davolio');
    expect(view.elements[1].suggestion).toBeNull();
  });

  it('reads in the UI language, and starts empty with no record', () => {
    const view = mergeScorecard({ ...base, t: (x) => localize(x, 'zh-CN', 'en'), qualification: q(el('m')), record: null });
    expect(view.elements[0]).toMatchObject({ name: 'm（中文）', state: 'empty', note: '' });
    expect(view.removed).toEqual([]);
  });
});

describe('suggestFor', () => {
  const ctx = page({
    site: 'salesforce',
    recordType: 'opportunity',
    closeDate: '6/30/2026',
    nextStep: 'Pricing review with the CFO on 5/14',
    contactRoles: [
      { name: 'Lena Novak', role: 'Evaluator' },
      { name: 'Nancy Davolio', role: 'economic buyer' },
    ],
  });

  it('names the contact in a listed role (case-insensitive), with the role as its source', () => {
    expect(suggestFor(el('eb', { suggestFrom: ['contactRole'], contactRoles: ['Economic Buyer'] }), ctx, null)).toEqual({ text: 'Nancy Davolio', source: { kind: 'contactRole', role: 'economic buyer' } });
  });

  it('takes the first source in the element’s order that the page fills', () => {
    expect(suggestFor(el('dp', { suggestFrom: ['amount', 'nextStep', 'closeDate'] }), ctx, null)).toEqual({ text: 'Pricing review with the CFO on 5/14', source: { kind: 'nextStep' } });
    expect(suggestFor(el('pp', { suggestFrom: ['closeDate'] }), ctx, null)?.source).toEqual({ kind: 'closeDate' });
    expect(suggestFor(el('c', { suggestFrom: ['competitor'] }), ctx, 'Globex')).toEqual({ text: 'Globex', source: { kind: 'competitor' } });
  });

  it('suggests nothing the page does not hold', () => {
    expect(suggestFor(el('champ', { suggestFrom: ['contactRole'], contactRoles: ['Champion'] }), ctx, null)).toBeNull();
    expect(suggestFor(el('c', { suggestFrom: ['competitor', 'amount'] }), ctx, null)).toBeNull();
    expect(suggestFor(el('m'), ctx, 'Globex')).toBeNull();
  });
});

describe('closed deals and where the scorecard shows', () => {
  const base = makePack();
  const raw = structuredClone(base) as any;
  raw.playbooks[0].stages[2].crmStages.salesforce.push('Closed Won', 'Closed Lost');
  raw.playbooks[0].stages[2].outcome = { won: ['Closed Won'], lost: ['closed lost'] };
  raw.qualification = { id: 'q', name: 'MEDDPICC', elements: [el('m')] };
  const r = validatePack(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const pack = r.pack;
  const match = (source: 'crm' | 'remembered', stageId = 'nb-close'): MatchResult =>
    ({ accountId: 'a', stage: { playbookId: 'nb', stageId, source, reasons: [] }, competitors: [] }) as unknown as MatchResult;
  const opp = (stage: string) => page({ site: 'salesforce', recordType: 'opportunity', recordId: '006X', stage });

  it('is won or lost only when the CRM stage on the page is a closing label of the matched stage', () => {
    expect(closedResult(pack, opp('Closed Lost'), match('crm'))).toBe('lost');
    expect(closedResult(pack, opp('closed won'), match('crm'))).toBe('won');
    expect(closedResult(pack, opp('Negotiation/Review'), match('crm'))).toBeNull();
    expect(closedResult(pack, opp('Closed Lost'), match('remembered'))).toBeNull();
    expect(closedResult(pack, { ...opp('Closed Lost'), recordType: 'thread' }, match('crm'))).toBeNull();
  });

  it('a deal record has its own scorecard; a thread shows the account’s latest while its stage is open', () => {
    expect(scorecardTarget(pack, opp('Qualification'), match('crm', 'nb-discover'))).toEqual({ dealKey: 'salesforce:opportunity:006X' });
    const thread = page({ site: 'gmail', recordType: 'thread', recordId: 'T1' });
    expect(scorecardTarget(pack, thread, match('remembered', 'nb-discover'))).toBe('latest');
    expect(scorecardTarget(pack, thread, match('remembered', 'nb-close'))).toBeNull();
    expect(scorecardTarget(base, opp('Qualification'), match('crm', 'nb-discover'))).toBeNull();
  });

  it('refuses closing labels the stage does not map, and required elements the scorecard lacks, naming the path', () => {
    const bad = structuredClone(raw);
    bad.playbooks[0].stages[1].outcome = { lost: ['Closed Lost'] };
    bad.playbooks[0].stages[0].requiresValidated = ['m', 'nope'];
    const res = validatePack(bad);
    expect(res.ok).toBe(false);
    const errors = res.ok ? [] : res.errors.map((e) => `${e.path}: ${e.message}`);
    expect(errors).toContain('playbooks[0].stages[1].outcome.lost[0]: "Closed Lost" is not one of this stage\'s crmStages');
    expect(errors).toContain('playbooks[0].stages[0].requiresValidated[1]: unknown scorecard element "nope"');
  });
});
