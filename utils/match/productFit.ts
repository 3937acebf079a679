/**
 * Which of our products fit this account's scenario (场景覆盖): a product fits when the
 * account's segment and known stack meet the scenario's conditions for it; when they do
 * not and the pack says why, it is "not a fit" with that reason. Pure.
 */
import type { Account, Scenario } from '../pack/schema';
import type { Reason } from './types';
import { findIn } from './fieldText';

export interface ProductHit {
  productId: string;
  /** Index into the scenario's `products`. */
  index: number;
  reasons: Reason[];
}

export interface ProductFitResult {
  fits: ProductHit[];
  notFit: ProductHit[];
}

export function productFit(scenario: Scenario, account: Account | null): ProductFitResult {
  const fits: ProductHit[] = [];
  const notFit: ProductHit[] = [];
  // Lists may be absent: a pack stored before these fields, or read as plain JSON, has no defaults filled in.
  (scenario.products ?? []).forEach((f, index) => {
    const reasons: Reason[] = [];
    const misses: Reason[] = [];
    if (account?.industry) reasons.push({ code: 'fit_industry', params: { industry: scenario.industry } });
    const segments = f.segments ?? [];
    const stack = f.stack ?? [];
    if (segments.length) {
      if (findIn(segments, account?.segment)) reasons.push({ code: 'fit_segment', params: { segment: account!.segment! } });
      else misses.push({ code: 'nofit_segment', params: { segment: account?.segment ?? '—', segments: segments.join(', ') } });
    }
    if (stack.length) {
      const tech = (account?.stack ?? []).find((t) => findIn(stack, t));
      if (tech) reasons.push({ code: 'fit_stack', params: { tech } });
      else misses.push({ code: 'nofit_stack', params: { stack: stack.join(', ') } });
    }
    if (!misses.length) fits.push({ productId: f.product, index, reasons });
    else if (f.notFit !== undefined && account) notFit.push({ productId: f.product, index, reasons: misses });
  });
  return { fits, notFit };
}
