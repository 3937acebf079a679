/**
 * explain's answer to "why these experts, rules, products and regional texts?" (issue 19):
 * the same pure functions the view builder uses, phrased as the sidebar phrases them.
 */
import { formatReason, type Lang } from '../../utils/i18n';
import { textIn } from '../../utils/match/index';
import { rankExperts } from '../../utils/match/experts';
import { rulesFor } from '../../utils/match/packRules';
import { productFit } from '../../utils/match/productFit';
import { pickRegional } from '../../utils/match/fieldText';
import type { MatchResult } from '../../utils/match/types';
import type { KnowledgePack } from '../../utils/pack/schema';

export interface ExplainedFieldOps {
  experts: { id: string; name: string; score: number; reasons: string[] }[];
  rules: { id: string; title: string; stale: boolean; reasons: string[] }[];
  products: { scenarioId: string; fits: { id: string; reasons: string[] }[]; notFit: { id: string; reasons: string[] }[] } | null;
  /** Competitor id → the region whose variant the card shows. */
  regional: { competitorId: string; region: string; sections: string[] }[];
}

export function explainFieldOps(pack: KnowledgePack, m: MatchResult, lang: Lang, now: Date): ExplainedFieldOps {
  const loc = pack.meta.defaultLocale;
  const account = m.accountId ? (pack.accounts.find((a) => a.id === m.accountId) ?? null) : null;
  const say = (rs: Parameters<typeof formatReason>[0][]) => rs.map((r) => formatReason(r, lang));
  const industry = account?.industry?.toLowerCase();
  const scenario = industry ? pack.scenarios.find((s) => s.industry.toLowerCase() === industry) : undefined;
  const fit = scenario ? productFit(scenario, account) : null;
  const productName = (id: string) => {
    const p = (pack.products ?? []).find((x) => x.id === id);
    return p ? textIn(p.name, loc) : id;
  };
  const names = { competitor: (id: string) => pack.competitors.find((c) => c.id === id)?.name ?? id, product: productName };
  const experts = rankExperts(pack.experts ?? [], { account, competitorIds: m.competitors.map((c) => c.competitorId), productIds: fit?.fits.map((f) => f.productId) ?? [], lang }, names);
  return {
    experts: experts.map((p) => ({ id: p.expertId, name: pack.experts.find((e) => e.id === p.expertId)!.name, score: p.score, reasons: say(p.reasons) })),
    rules: rulesFor(pack.rules ?? [], account, now).map((h) => ({ id: h.ruleId, title: textIn(pack.rules.find((r) => r.id === h.ruleId)!.title, loc), stale: h.stale, reasons: say(h.reasons) })),
    products: scenario && fit ? { scenarioId: scenario.id, fits: fit.fits.map((f) => ({ id: f.productId, reasons: say(f.reasons) })), notFit: fit.notFit.map((f) => ({ id: f.productId, reasons: say(f.reasons) })) } : null,
    regional: m.competitors.flatMap((c) => {
      const hit = pickRegional(pack.competitors.find((x) => x.id === c.competitorId)?.battlecard.regional, account?.region);
      return hit ? [{ competitorId: c.competitorId, region: hit.region, sections: Object.keys(hit.variant as object) }] : [];
    }),
  };
}

/** The lines `npm run explain` prints for it. */
export function formatFieldOps(f: ExplainedFieldOps, row: (label: string, value: string) => string, more: (s: string) => string): string[] {
  const lines: string[] = [];
  lines.push(row('Experts', f.experts.length ? '' : '—'));
  for (const e of f.experts) lines.push(more(`${e.name} [${e.id}] (${e.score}): ${e.reasons.join('; ')}`));
  lines.push(row('Rules', f.rules.length ? '' : '—'));
  for (const r of f.rules) lines.push(more(`${r.title} [${r.id}]${r.stale ? ' (past review)' : ''}: ${r.reasons.join('; ')}`));
  if (f.products) {
    lines.push(row('Products', `scenario ${f.products.scenarioId}`));
    for (const p of f.products.fits) lines.push(more(`fits ${p.id}: ${p.reasons.join('; ')}`));
    for (const p of f.products.notFit) lines.push(more(`not a fit ${p.id}: ${p.reasons.join('; ')}`));
  }
  for (const r of f.regional) lines.push(row('Regional', `${r.competitorId}: the ${r.region} variant of ${r.sections.join(', ')}`));
  return lines;
}
