/**
 * The field ops sections (issue 19): `rules`, `experts`, `products`, each shown only
 * when the pack has something for this record; the role's layout (utils/view/sections.ts)
 * places each id.
 */
import type { ComponentChildren } from 'preact';
import { tr, type Lang } from '@/utils/i18n';
import type { SidebarView } from '@/utils/view/types';
import { ExpertsSection, type ExpertActions } from './ExpertsSection';
import { RulesSection } from './RulesSection';
import { ProductsSection } from './ProductsSection';

type Body = { title: string; body: ComponentChildren };

/** The bodies of `rules`, `experts` and `products`, each only when the pack has something for this record. */
export function fieldOpsBodies(view: SidebarView, lang: Lang, actions: ExpertActions): Partial<Record<'rules' | 'experts' | 'products', Body>> {
  const out: Partial<Record<'rules' | 'experts' | 'products', Body>> = {};
  if (view.rules?.length) out.rules = { title: tr(lang, 'sectionRules'), body: <RulesSection rules={view.rules} lang={lang} /> };
  if (view.experts?.length) out.experts = { title: tr(lang, 'sectionExperts'), body: <ExpertsSection experts={view.experts} lang={lang} actions={actions} /> };
  const products = view.products;
  if (products && (products.fits.length > 0 || products.notFit.length > 0)) out.products = { title: tr(lang, 'sectionProducts'), body: <ProductsSection products={products} lang={lang} /> };
  return out;
}
