/** A battlecard list with each entry's "new" / "changed" mark (issue 16.3) and claim source (issue 17), and the parts' titles for the banner. */
import { tr, type Lang } from '@/utils/i18n';
import type { CardView } from '@/utils/view/types';
import { Mark } from './SeenMarks';
import { ClaimLine } from './ClaimLine';
import type { ClaimMark } from '@/utils/pack/claims';

/** `claims`: each entry's source and date by position (issue 17), shown small beneath. */
export function CardList({ items, part, card, lang, class: cls, action, claims }: { items: string[]; part: string; card: CardView; lang: Lang; class?: string; action?: (text: string, i: number) => preact.ComponentChildren; claims?: (ClaimMark | null)[] }) {
  if (!items.length) return null;
  return (
    <ul class={cls}>
      {items.map((x, i) => (
        <li key={i}>
          {x} <Mark marks={card.seen} at={`${part}:${i}`} lang={lang} />
          {claims?.[i] && (
            <>
              {' '}
              <ClaimLine mark={claims[i]!} lang={lang} maxAgeDays={card.claims?.maxAgeDays ?? undefined} />
            </>
          )}
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
