/** A claim's source and date, shown small under it; marked when older than the pack's claimMaxAgeDays. */
import type { Lang } from '@/utils/i18n';
import { lt } from '@/utils/i18n/loopStrings';
import { safeHref } from '@/utils/pack/href';
import type { ClaimMark } from '@/utils/pack/claims';

export function ClaimLine({ mark, lang, maxAgeDays }: { mark: ClaimMark | null | undefined; lang: Lang; maxAgeDays?: number }) {
  if (!mark) return null;
  // A source that is a web address is a link (http/https only); a document name is text.
  const href = mark.source && /^https?:/i.test(mark.source) ? safeHref(mark.source) : null;
  const days = maxAgeDays ?? mark.ageDays ?? 0;
  return (
    <span class={`fl-claim ${mark.old ? 'fl-claim-old' : ''}`} data-claim-old={mark.old ? 'true' : undefined}>
      {mark.source && (
        <>
          {lt(lang, 'claimSource', { source: '' })}
          {href ? (
            <a href={href} target="_blank" rel="noopener noreferrer">
              {mark.source}
            </a>
          ) : (
            mark.source
          )}
        </>
      )}
      {mark.source && mark.asOf && ' · '}
      {mark.asOf && lt(lang, 'claimAsOf', { date: mark.asOf })}
      {mark.old && mark.asOf && (
        <span class="fl-badge fl-badge-warn" title={lt(lang, 'claimOldTitle', { date: mark.asOf, days })}>
          {lt(lang, 'claimOld', { days })}
        </span>
      )}
    </span>
  );
}
