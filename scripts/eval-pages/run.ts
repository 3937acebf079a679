/** Scores the adapters against the markup changes in mutations.ts (pure; the CLI prints it). */
import { matchPage } from '../../utils/match/match';
import { buildCorpus, read, type Corpus } from './corpus';
import { MUTATIONS, type Mutation } from './mutations';
import type { KnowledgePack } from '../../utils/pack/schema';

/** right: the page's account picked; candidates: not picked but offered; wrong: another account picked; missed: read, nothing found; unread: no record read at all. */
export type Outcome = 'right' | 'candidates' | 'wrong' | 'missed' | 'unread';

export interface MutationScore {
  id: string;
  title: string;
  records: number;
  counts: Record<Outcome, number>;
  /** Share of records still read with the right account. */
  share: number;
  failures: { page: string; outcome: Outcome; got?: string }[];
}

export function scoreMutation(corpus: Corpus, m: Mutation | null, now: Date): MutationScore {
  const counts: Record<Outcome, number> = { right: 0, candidates: 0, wrong: 0, missed: 0, unread: 0 };
  const failures: MutationScore['failures'] = [];
  for (const { page, accountId } of corpus.pages) {
    const ctx = read(page, m ? (d) => m.apply(d) : undefined);
    let outcome: Outcome;
    let got: string | undefined;
    if (!ctx) outcome = 'unread';
    else {
      const r = matchPage(corpus.index, ctx, { now });
      if (r.accountId === accountId) outcome = 'right';
      else if (r.accountId) {
        outcome = 'wrong';
        got = r.accountId;
      } else if (r.candidates.some((c) => c.accountId === accountId)) outcome = 'candidates';
      else outcome = 'missed';
    }
    counts[outcome]++;
    if (outcome !== 'right') failures.push({ page: page.id, outcome, ...(got ? { got } : {}) });
  }
  const records = corpus.pages.length;
  return { id: m?.id ?? 'none', title: m?.title ?? 'the page as committed', records, counts, share: records ? counts.right / records : 1, failures };
}

export interface PagesReport {
  records: number;
  noAccount: string[];
  baseline: MutationScore;
  mutations: MutationScore[];
  /** Over every mutated page: the share read with the right account, and the wrong picks. */
  overall: { share: number; wrong: number; pages: number };
  goal: number;
}

export const GOAL = 0.95;

export function evaluatePages(sample: KnowledgePack, now = new Date('2026-06-01T00:00:00Z')): PagesReport {
  const corpus = buildCorpus(sample, now);
  const baseline = scoreMutation(corpus, null, now);
  const mutations = MUTATIONS.map((m) => scoreMutation(corpus, m, now));
  const pages = mutations.reduce((n, s) => n + s.records, 0);
  const right = mutations.reduce((n, s) => n + s.counts.right, 0);
  const wrong = mutations.reduce((n, s) => n + s.counts.wrong, 0);
  return { records: corpus.pages.length, noAccount: corpus.noAccount, baseline, mutations, overall: { share: pages ? right / pages : 1, wrong, pages }, goal: GOAL };
}
