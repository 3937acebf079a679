/**
 * Runs the labelled cases against the matcher and scores them. Shared by
 * `tests/eval/eval.test.ts` (every case must pass) and `npm run eval` (precision and
 * recall for accounts and competitors).
 */
import { buildIndex, type PackIndex } from '../../utils/match/index';
import { matchPage, type MatchOptions } from '../../utils/match/match';
import type { MatchResult } from '../../utils/match/types';
import type { PageContext } from '../../utils/sites/types';
import { evalPack } from './pack';

export interface EvalCase {
  id: string;
  /** The trap this case sets. */
  note: string;
  ctx: Partial<PageContext>;
  opts?: MatchOptions;
  expect: {
    /** The account that must be chosen; null when none may be. */
    account: string | null;
    /** Accounts that must be among the candidates (others may be too). */
    candidates?: string[];
    /** When set: no candidates at all. */
    noCandidates?: boolean;
    /** Competitors, exactly this set; in this order when `ordered`. */
    competitors?: string[];
    ordered?: boolean;
    /** Mention count per competitor. */
    mentions?: Record<string, number>;
    playbook?: string;
    stage?: { stageId: string; source: 'crm' | 'remembered' | 'pack' } | null;
    /** Reason codes that must appear in accountReasons. */
    reasons?: string[];
  };
}

export interface CaseOutcome {
  case: EvalCase;
  result: MatchResult;
  failures: string[];
}

const BASE: PageContext = {
  site: 'generic',
  recordType: 'record',
  recordId: null,
  accountName: null,
  domains: [],
  emails: [],
  stage: null,
  competitorsField: [],
  text: '',
};

export const EVAL_NOW = new Date('2026-03-10T12:00:00Z');

let cached: PackIndex | null = null;
export function evalIndex(): PackIndex {
  return (cached ??= buildIndex(evalPack()));
}

export function runCase(c: EvalCase, index = evalIndex()): CaseOutcome {
  const ctx: PageContext = { ...BASE, ...c.ctx } as PageContext;
  const result = matchPage(index, ctx, { now: EVAL_NOW, ...c.opts });
  const f: string[] = [];
  const e = c.expect;
  if (result.accountId !== e.account) f.push(`account: expected ${e.account}, got ${result.accountId}`);
  const cands = result.candidates.map((x) => x.accountId);
  for (const id of e.candidates ?? []) if (!cands.includes(id)) f.push(`candidates: expected ${id} among [${cands.join(', ')}]`);
  if (e.noCandidates && cands.length) f.push(`candidates: expected none, got [${cands.join(', ')}]`);
  if (e.competitors) {
    const got = result.competitors.map((x) => x.competitorId);
    const ok = e.ordered ? got.join() === e.competitors.join() : [...got].sort().join() === [...e.competitors].sort().join();
    if (!ok) f.push(`competitors: expected [${e.competitors.join(', ')}], got [${got.join(', ')}]`);
  }
  for (const [id, n] of Object.entries(e.mentions ?? {})) {
    const got = result.competitors.find((x) => x.competitorId === id)?.mentionCount ?? 0;
    if (got !== n) f.push(`mentions of ${id}: expected ${n}, got ${got}`);
  }
  if (e.playbook !== undefined && result.playbookId !== e.playbook) f.push(`playbook: expected ${e.playbook}, got ${result.playbookId}`);
  if (e.stage !== undefined) {
    const got = result.stage ? `${result.stage.stageId}/${result.stage.source}` : 'null';
    const want = e.stage ? `${e.stage.stageId}/${e.stage.source}` : 'null';
    if (got !== want) f.push(`stage: expected ${want}, got ${got}`);
  }
  for (const code of e.reasons ?? []) if (!result.accountReasons.some((r) => r.code === code)) f.push(`reasons: expected ${code}`);
  return { case: c, result, failures: f };
}

export interface Scores {
  cases: number;
  passed: number;
  accounts: { tp: number; fp: number; fn: number; precision: number; recall: number };
  competitors: { tp: number; fp: number; fn: number; precision: number; recall: number };
  /** Cases where the matcher admitted doubt (null + candidates) and the label agreed. */
  ambiguousHandled: number;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function score(outcomes: CaseOutcome[]): Scores {
  const acc = { tp: 0, fp: 0, fn: 0 };
  const comp = { tp: 0, fp: 0, fn: 0 };
  let ambiguousHandled = 0;
  for (const o of outcomes) {
    const want = o.case.expect.account;
    const got = o.result.accountId;
    if (got !== null && got === want) acc.tp++;
    if (got !== null && got !== want) acc.fp++;
    if (want !== null && got !== want) acc.fn++;
    if (want === null && got === null && o.case.expect.candidates?.length && o.result.candidates.length) ambiguousHandled++;
    if (o.case.expect.competitors) {
      const w = new Set(o.case.expect.competitors);
      const g = new Set(o.result.competitors.map((x) => x.competitorId));
      for (const id of g) (w.has(id) ? comp.tp++ : comp.fp++);
      for (const id of w) if (!g.has(id)) comp.fn++;
    }
  }
  return {
    cases: outcomes.length,
    passed: outcomes.filter((o) => !o.failures.length).length,
    accounts: { ...acc, precision: ratio(acc.tp, acc.tp + acc.fp), recall: ratio(acc.tp, acc.tp + acc.fn) },
    competitors: { ...comp, precision: ratio(comp.tp, comp.tp + comp.fp), recall: ratio(comp.tp, comp.tp + comp.fn) },
    ambiguousHandled,
  };
}
