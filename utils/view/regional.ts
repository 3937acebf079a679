/**
 * Regional variants (区域运营): the account's region picks a card's or a talk track's
 * variant; each field the variant sets replaces the global one, the rest stay global,
 * and the view names the region and the fields it replaced so the sidebar can mark them.
 */
import type { Competitor, Scenario, Text } from '../pack/schema';
import type { Rich } from '../pack/rich';
import { richPath } from '../pack/derived';
import { pickRegional } from '../match/fieldText';
import type { CardView, ScenarioView } from './types';
import { richToPlain } from './plainText';

interface Texts {
  t: (text: Text | undefined) => string;
  rich: (path: string) => Rich | null;
}

const LIST_FIELDS = ['whyWeWin', 'whyWeLose', 'landmines', 'proofPoints'] as const;

export function regionalCard(card: CardView, c: Competitor, ci: number, region: string | null | undefined, { t, rich }: Texts): CardView {
  const hit = pickRegional(c.battlecard.regional, region);
  if (!hit) return { ...card, region: null, regionalSections: [] };
  const v = hit.variant;
  const out: CardView = { ...card, region: hit.region, regionalSections: [] };
  const mark = (field: string) => out.regionalSections!.push(field);
  if (v.summary !== undefined) {
    out.summary = rich(richPath.regional(ci, hit.region, 'summary')) ?? card.summary;
    mark('summary');
  }
  for (const f of LIST_FIELDS) {
    const list = v[f];
    if (list === undefined) continue;
    out[f] = list.map(t);
    // The global list's claim sources are by position: they do not describe the variant's entries.
    if (out.claims && f !== 'whyWeLose') out.claims = { ...out.claims, [f]: [] };
    mark(f);
  }
  if (v.pricing !== undefined) {
    out.pricing = rich(richPath.regional(ci, hit.region, 'pricing')) ?? card.pricing;
    // Copy takes the text shown.
    out.pricingText = out.pricing ? richToPlain(out.pricing) : null;
    if (out.claims) out.claims = { ...out.claims, pricing: null };
    mark('pricing');
  }
  return out;
}

const SCENARIO_FIELDS = ['useCase', 'scenario', 'advantage', 'value'] as const;

export function regionalScenario(view: ScenarioView, s: Scenario, region: string | null | undefined, { t }: Pick<Texts, 't'>): ScenarioView {
  const hit = pickRegional(s.regional, region);
  if (!hit) return { ...view, region: null, regionalFields: [] };
  const out: ScenarioView = { ...view, region: hit.region, regionalFields: [] };
  for (const f of SCENARIO_FIELDS) {
    const text = hit.variant[f];
    if (text === undefined) continue;
    out[f] = t(text);
    out.regionalFields!.push(f);
  }
  return out;
}
