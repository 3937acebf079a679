/** Scores the adapters against the markup changes in mutations.ts (pure; the CLI prints it). */
import { buildIndex } from '../../utils/match/index';
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

/**
 * Precision on pages of companies the pack does not know: each page read again with its
 * own account taken out of the pack. Any account picked then is a wrong card.
 */
export function scoreStrangers(corpus: Corpus, m: Mutation | null, now: Date): { pages: number; wrong: { page: string; got: string }[] } {
  const wrong: { page: string; got: string }[] = [];
  for (const { page, accountId } of corpus.pages) {
    const pack = { ...corpus.pack, accounts: corpus.pack.accounts.filter((a) => a.id !== accountId) };
    const ctx = read(page, m ? (d) => m.apply(d) : undefined);
    if (!ctx) continue;
    const r = matchPage(buildIndex(pack), ctx, { now });
    if (r.accountId) wrong.push({ page: page.id, got: r.accountId });
  }
  return { pages: corpus.pages.length, wrong };
}

export interface PagesReport {
  records: number;
  noAccount: string[];
  baseline: MutationScore;
  mutations: MutationScore[];
  /** Over every mutated page: the share read with the right account, and the wrong picks. */
  overall: { share: number; wrong: number; pages: number };
  /** Pages of a company the pack does not know, unchanged and after a full rewrite: accounts picked anyway. */
  strangers: { id: string; pages: number; wrong: { page: string; got: string }[] }[];
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
  const strangers = [null, ...MUTATIONS.filter((m) => m.id === 'release' || m.id === 'rewrite')].map((m) => ({ id: m?.id ?? 'none', ...scoreStrangers(corpus, m, now) }));
  return { records: corpus.pages.length, noAccount: corpus.noAccount, baseline, mutations, overall: { share: pages ? right / pages : 1, wrong, pages }, strangers, goal: GOAL };
}
