/** The visible "regional" mark on a card section or talk track a region's variant replaced (issue 19). */
import { tr, type Lang } from '@/utils/i18n';

export function RegionalMark({ region, lang }: { region: string; lang: Lang }) {
  return (
    <span class="fl-badge fl-badge-regional" data-regional={region} title={tr(lang, 'regionalTitle', { region })}>
      {tr(lang, 'regional', { region })}
    </span>
  );
}
