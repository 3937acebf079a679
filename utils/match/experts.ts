/**
 * Who to pull in on this deal (大项目突破): the pack's experts ranked for the record in
 * view, each with the reasons as data. Pure.
 *
 * Weights say what a rep needs most on a hard deal: someone who knows the competitor in
 * play beats someone who knows the product, who beats someone who merely covers the
 * industry or region. Speaking the rep's language only breaks ties: an expert is never
 * suggested for their language alone.
 */
import type { Account, Expert } from '../pack/schema';
import type { Reason } from './types';
import { findIn } from './fieldText';

export interface ExpertQuery {
  account: Account | null;
  /** Competitors in play on this record, strongest first. */
  competitorIds: readonly string[];
  /** Products that fit the account's scenario. */
  productIds: readonly string[];
  /** The rep's UI language. */
  lang: string;
}

export interface ExpertPick {
  expertId: string;
  score: number;
  reasons: Reason[];
}

export interface Names {
  competitor(id: string): string;
  product(id: string): string;
}

export const WEIGHTS = { competitor: 4, product: 3, industry: 2, region: 2, segment: 1, deal: 1, language: 0.5 } as const;

/** At most this many experts per record: two or three names get asked; ten get ignored. */
export const MAX_EXPERTS = 3;

function reasonsFor(expert: Expert, q: ExpertQuery, names: Names): { score: number; reasons: Reason[] } {
  // Lists may be absent in a pack read as plain JSON (no defaults filled in).
  const c = expert.covers ?? {};
  const e = { languages: expert.languages ?? [], covers: { competitors: c.competitors ?? [], products: c.products ?? [], industries: c.industries ?? [], regions: c.regions ?? [], segments: c.segments ?? [], dealSize: c.dealSize } };
  const reasons: Reason[] = [];
  let score = 0;
  const add = (w: number, r: Reason) => {
    score += w;
    reasons.push(r);
  };
  for (const id of q.competitorIds) if (e.covers.competitors.includes(id)) add(WEIGHTS.competitor, { code: 'expert_competitor', params: { competitor: names.competitor(id) } });
  for (const id of q.productIds) if (e.covers.products.includes(id)) add(WEIGHTS.product, { code: 'expert_product', params: { product: names.product(id) } });
  const a = q.account;
  const industry = findIn(e.covers.industries, a?.industry);
  if (industry) add(WEIGHTS.industry, { code: 'expert_industry', params: { industry: a!.industry! } });
  const region = findIn(e.covers.regions, a?.region);
  if (region) add(WEIGHTS.region, { code: 'expert_region', params: { region: a!.region! } });
  const segment = findIn(e.covers.segments, a?.segment);
  if (segment) add(WEIGHTS.segment, { code: 'expert_segment', params: { segment: a!.segment! } });
  const deal = e.covers.dealSize;
  if (deal && a?.arr !== undefined && a.currency === deal.currency && a.arr >= deal.min) add(WEIGHTS.deal, { code: 'expert_deal', params: { amount: deal.min, currency: deal.currency } });
  if (!reasons.length) return { score: 0, reasons };
  const language = e.languages.find((l) => l.toLowerCase() === q.lang.toLowerCase() || l.toLowerCase().split('-')[0] === q.lang.toLowerCase().split('-')[0]);
  if (language) add(WEIGHTS.language, { code: 'expert_language', params: { language } });
  return { score, reasons };
}

/** The best experts for the record, strongest first (ties: the pack's order). */
export function rankExperts(experts: readonly Expert[], q: ExpertQuery, names: Names, max = MAX_EXPERTS): ExpertPick[] {
  return experts
    .map((e, i) => ({ i, expertId: e.id, ...reasonsFor(e, q, names) }))
    .filter((p) => p.score > 0)
    .sort((x, y) => y.score - x.score || x.i - y.i)
    .slice(0, max)
    .map(({ i: _i, ...p }) => p);
}
