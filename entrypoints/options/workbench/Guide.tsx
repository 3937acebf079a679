/**
 * The first-run guide for ops, shown while the built-in sample pack is active: from the
 * sample to their own pack with only a browser (download the sample folder, open it in
 * the workbench, change a card, preview, activate), and what granting a self-hosted
 * CRM's host looks like — including which button the browser's prompt focuses.
 */
import type { Lang } from '@/utils/i18n';
import { ot } from '../strings';
import { SAMPLE_ZIP } from './sample';

const STEPS = [
  ['guideStep1', 'guideStep1Help'],
  ['guideStep2', 'guideStep2Help'],
  ['guideStep3', 'guideStep3Help'],
  ['guideStep4', 'guideStep4Help'],
  ['guideStep5', 'guideStep5Help'],
] as const;

export function Guide({ lang: l }: { lang: Lang }) {
  return (
    <section aria-labelledby="guide-h" id="guide" data-testid="guide">
      <h2 id="guide-h">{ot(l, 'guideTitle')}</h2>
      <p>{ot(l, 'guideIntro')}</p>
      <ol>
        {STEPS.map(([step, help], i) => (
          <li key={step}>
            {i === 0 ? (
              <a href={SAMPLE_ZIP} download="frontline-sample-pack.zip" data-testid="guide-download-sample">
                <strong>{ot(l, step)}</strong>
              </a>
            ) : (
              <strong>{ot(l, step)}</strong>
            )}{' '}
            {ot(l, help)}
          </li>
        ))}
      </ol>
      <p>
        <a href="#workbench">{ot(l, 'guideOpenWorkbench')}</a>
      </p>
      <h3>{ot(l, 'guideCrmTitle')}</h3>
      <ol>
        <li>{ot(l, 'guideCrm1')}</li>
        <li>
          <a href="#sites">{ot(l, 'guideCrm2')}</a>
        </li>
        <li data-testid="guide-prompt">{ot(l, 'guideCrm3')}</li>
        <li>{ot(l, 'guideCrm4')}</li>
      </ol>
    </section>
  );
}
