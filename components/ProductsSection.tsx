/** Which of our products fit this account's scenario (issue 19, 场景覆盖): scenario → advantage → value, the references, and "not a fit" where the pack says why. */
import { reasonTexts, tr, type Lang } from '@/utils/i18n';
import type { ProductFitView } from '@/utils/view/types';

export function ProductsSection({ products, lang }: { products: ProductFitView; lang: Lang }) {
  return (
    <div class="fl-products">
      {products.fits.length > 0 && (
        <>
          <h4>{tr(lang, 'productFits')}</h4>
          <ul class="fl-product-fits">
            {products.fits.map((p) => (
              <li key={p.id} class="fl-product" data-product={p.id}>
                <p class="fl-label">{p.name}</p>
                {p.summary && <p class="fl-muted">{p.summary}</p>}
                <ul class="fl-chips">
                  {reasonTexts(p.reasons, lang).map((text) => (
                    <li key={text} class="fl-chip">
                      {text}
                    </li>
                  ))}
                </ul>
                <dl class="fl-talk">
                  <dt>{tr(lang, 'advantage')}</dt>
                  <dd>{p.advantage}</dd>
                  <dt>{tr(lang, 'value')}</dt>
                  <dd>{p.value}</dd>
                  {p.references.length > 0 && (
                    <>
                      <dt>{tr(lang, 'references')}</dt>
                      <dd>{p.references.join(' · ')}</dd>
                    </>
                  )}
                </dl>
              </li>
            ))}
          </ul>
        </>
      )}
      {products.notFit.length > 0 && (
        <>
          <h4>{tr(lang, 'productNotFit')}</h4>
          <ul class="fl-product-nofit">
            {products.notFit.map((p) => (
              <li key={p.id} class="fl-product" data-product={p.id} data-fit="no">
                <p class="fl-label">{p.name}</p>
                <p>{p.reason}</p>
                <p class="fl-muted fl-small">{reasonTexts(p.reasons, lang).join(' · ')}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
