/**
 * The field ops sections (issue 19) after the existing four: `rules`, `experts`,
 * `products`, each shown only when the pack has something for this record. Kept apart
 * from Sidebar.tsx so the per-role layouts (utils/view/sections.ts) can place each id.
 */
import type { ComponentChildren, FunctionComponent } from 'preact';
import { tr, type Lang } from '@/utils/i18n';
import type { SidebarView } from '@/utils/view/types';
import { ExpertsSection, type ExpertActions } from './ExpertsSection';
import { RulesSection } from './RulesSection';
import { ProductsSection } from './ProductsSection';

type SectionShell = FunctionComponent<{ id: string; title: string; children: ComponentChildren }>;

export function FieldOpsSections({ view, lang, actions, Section }: { view: SidebarView; lang: Lang; actions: ExpertActions; Section: SectionShell }) {
  const products = view.products;
  return (
    <>
      {view.rules && view.rules.length > 0 && (
        <Section id="rules" title={tr(lang, 'sectionRules')}>
          <RulesSection rules={view.rules} lang={lang} />
        </Section>
      )}
      {view.experts && view.experts.length > 0 && (
        <Section id="experts" title={tr(lang, 'sectionExperts')}>
          <ExpertsSection experts={view.experts} lang={lang} actions={actions} />
        </Section>
      )}
      {products && (products.fits.length > 0 || products.notFit.length > 0) && (
        <Section id="products" title={tr(lang, 'sectionProducts')}>
          <ProductsSection products={products} lang={lang} />
        </Section>
      )}
    </>
  );
}
