/** A battlecard list with each entry's "new" / "changed" mark (issue 16.3), and the parts' titles for the banner. */
import { tr, type Lang } from '@/utils/i18n';
import type { CardView } from '@/utils/view/types';
import { Mark } from './SeenMarks';

export function CardList({ items, part, card, lang, class: cls, action }: { items: string[]; part: string; card: CardView; lang: Lang; class?: string; action?: (text: string, i: number) => preact.ComponentChildren }) {
  if (!items.length) return null;
  return (
    <ul class={cls}>
      {items.map((x, i) => (
        <li key={i}>
          {x} <Mark marks={card.seen} at={`${part}:${i}`} lang={lang} />
          {action?.(x, i)}
        </li>
      ))}
    </ul>
  );
}

export const partTitles = (lang: Lang): Record<string, string> => ({
  summary: tr(lang, 'summary'),
  whyWeWin: tr(lang, 'whyWeWin'),
  whyWeLose: tr(lang, 'whyWeLose'),
  objections: tr(lang, 'objections'),
  landmines: tr(lang, 'landmines'),
  pricing: tr(lang, 'pricing'),
  proofPoints: tr(lang, 'proofPoints'),
  goal: tr(lang, 'goal'),
  exitCriteria: tr(lang, 'exitCriteria'),
  guidance: tr(lang, 'guidance'),
  checklist: tr(lang, 'sectionNextSteps'),
});
