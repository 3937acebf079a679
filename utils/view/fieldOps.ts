/**
 * The field ops parts of the view (issue 19): who can help on this record, the rules
 * that apply to the account, and which products fit its scenario. Pure, from pack and
 * match data only: the "Ask for help" message holds the account, stage and competitors
 * as the pack names them and the record's checked link (./recordUrl.ts), never text
 * read from the page.
 */
import type { Account, KnowledgePack, Scenario, Text } from '../pack/schema';
import { contactKind, CARRIES_MESSAGE, withMessage } from '../pack/contactHref';
import { tr, type Lang } from '../i18n';
import { rankExperts } from '../match/experts';
import { rulesFor } from '../match/packRules';
import { productFit } from '../match/productFit';
import type { PageContext } from '../sites/types';
import { checkedRecordUrl } from './recordUrl';
import type { CardView, ExpertView, ProductFitView, RuleView, StageView } from './types';

export interface FieldOpsInput {
  pack: KnowledgePack;
  ctx: PageContext;
  account: Account | null;
  cards: CardView[];
  stage: StageView | null;
  /** The scenario whose talk track the view shows. */
  scenario: Scenario | null;
  lang: string;
  now: Date;
  t: (text: Text | undefined) => string;
}

const uiLang = (lang: string): Lang => (lang === 'zh-CN' ? 'zh-CN' : 'en');

export function fieldOpsView(input: FieldOpsInput): { experts: ExpertView[]; rules: RuleView[]; products: ProductFitView | null } {
  const products = productsView(input);
  return { experts: expertsView(input, products?.fits.map((f) => f.id) ?? []), rules: rulesView(input), products };
}

function productsView({ pack, account, scenario, t }: FieldOpsInput): ProductFitView | null {
  if (!scenario || !scenario.products?.length) return null;
  const fit = productFit(scenario, account);
  const product = (id: string) => (pack.products ?? []).find((p) => p.id === id);
  const name = (id: string) => {
    const p = product(id);
    return p ? t(p.name) : id;
  };
  return {
    scenarioId: scenario.id,
    fits: fit.fits.map((h) => {
      const f = scenario.products[h.index];
      const p = product(h.productId);
      return { id: h.productId, name: name(h.productId), summary: p?.summary ? t(p.summary) : null, advantage: t(f.advantage), value: t(f.value), references: (f.references ?? []).map(t), reasons: h.reasons };
    }),
    notFit: fit.notFit.map((h) => ({ id: h.productId, name: name(h.productId), reason: t(scenario.products[h.index].notFit), reasons: h.reasons })),
  };
}

function rulesView({ pack, account, now, t }: FieldOpsInput): RuleView[] {
  const rules = pack.rules ?? [];
  return rulesFor(rules, account, now).map((h) => {
    const r = rules.find((x) => x.id === h.ruleId)!;
    return { id: r.id, title: t(r.title), body: t(r.body), effective: r.effective.slice(0, 10), source: t(r.source), sourceUrl: r.sourceUrl ?? null, reviewBy: r.reviewBy.slice(0, 10), stale: h.stale, reasons: h.reasons };
  });
}

function expertsView(input: FieldOpsInput, productIds: string[]): ExpertView[] {
  const { pack, account, cards, lang, t } = input;
  // Absent from packs stored before issue 19.
  const experts = pack.experts ?? [];
  if (!experts.length) return [];
  const names = {
    competitor: (id: string) => pack.competitors.find((c) => c.id === id)?.name ?? id,
    product: (id: string) => {
      const p = (pack.products ?? []).find((x) => x.id === id);
      return p ? t(p.name) : id;
    },
  };
  const picks = rankExperts(experts, { account, competitorIds: cards.map((c) => c.id), productIds, lang }, names);
  const l = uiLang(lang);
  const url = checkedRecordUrl(input.ctx, (pack.sites ?? []).map((s) => s.host));
  const accountName = account?.name ?? tr(l, 'askNone');
  return picks.map((p) => {
    const e = experts.find((x) => x.id === p.expertId)!;
    const message = tr(l, 'askMessage', {
      name: e.name,
      account: accountName,
      stage: input.stage?.name ?? tr(l, 'askNone'),
      competitors: cards.map((c) => c.name).join(', ') || tr(l, 'askNone'),
      url: url ?? tr(l, 'askNoLink'),
    });
    const subject = tr(l, 'askSubject', { account: accountName });
    const contacts = e.contact.flatMap((href) => {
      const kind = contactKind(href);
      return kind ? [{ kind, href: withMessage(href, kind, subject, message), carriesMessage: CARRIES_MESSAGE.has(kind) }] : [];
    });
    return { id: e.id, name: e.name, role: t(e.role), languages: e.languages ?? [], reasons: p.reasons, contacts, message };
  });
}
