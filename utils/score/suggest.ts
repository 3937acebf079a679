/**
 * Scorecard suggestions: where the page already holds an element's answer (a contact in
 * the "Economic Buyer" role, the Next Step field, the close date, the competitor the
 * evidence found), the element shows it with its source. Pure; reads only what the site
 * adapters put in the page context, and never saves anything itself.
 */
import type { ScorecardElement } from '../pack/schemaScore';
import type { PageContext } from '../sites/types';
import type { SuggestionSource } from '../view/types';

export interface Suggestion {
  text: string;
  source: SuggestionSource;
}

const fold = (s: string) => s.trim().toLowerCase();

/**
 * The first of the element's sources, in its order, that the page fills. (`?? []`: packs
 * read as raw JSON by tools and tests lack the schema's defaults.)
 */
export function suggestFor(element: ScorecardElement, ctx: PageContext, competitorName: string | null): Suggestion | null {
  for (const from of element.suggestFrom ?? []) {
    const s = fromSource(from, element, ctx, competitorName);
    if (s) return s;
  }
  return null;
}

function fromSource(from: ScorecardElement['suggestFrom'][number], element: ScorecardElement, ctx: PageContext, competitorName: string | null): Suggestion | null {
  switch (from) {
    case 'contactRole': {
      const roles = new Set((element.contactRoles ?? []).map(fold));
      const hits = (ctx.contactRoles ?? []).filter((c) => roles.has(fold(c.role)));
      return hits.length ? { text: hits.map((c) => c.name).join(', '), source: { kind: 'contactRole', role: hits[0].role } } : null;
    }
    case 'nextStep':
      return ctx.nextStep ? { text: ctx.nextStep, source: { kind: 'nextStep' } } : null;
    case 'closeDate':
      return ctx.closeDate ? { text: ctx.closeDate, source: { kind: 'closeDate' } } : null;
    case 'amount':
      return ctx.amount ? { text: ctx.amount, source: { kind: 'amount' } } : null;
    case 'competitor':
      return competitorName ? { text: competitorName, source: { kind: 'competitor' } } : null;
  }
}
