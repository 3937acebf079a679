/** The rules (regulation) that apply to this account (issue 19, 监管政策洞察): one paragraph each, with its date and source. */
import { reasonTexts, tr, type Lang } from '@/utils/i18n';
import { safeHref } from '@/utils/pack/href';
import type { RuleView } from '@/utils/view/types';

function Rule({ r, lang }: { r: RuleView; lang: Lang }) {
  const href = r.sourceUrl ? safeHref(r.sourceUrl) : null;
  return (
    <li class="fl-rule" data-rule={r.id}>
      <p class="fl-label">
        {r.title}
        {r.stale && (
          <span class="fl-badge fl-badge-warn" title={tr(lang, 'rulePastReviewTitle', { date: r.reviewBy })}>
            {tr(lang, 'rulePastReview')}
          </span>
        )}
      </p>
      <p>{r.body}</p>
      <p class="fl-muted fl-small">
        {tr(lang, 'ruleEffective', { date: r.effective })} · {tr(lang, 'ruleReviewBy', { date: r.reviewBy })} · {reasonTexts(r.reasons, lang).join(' · ')}
      </p>
      <p class="fl-muted fl-small">
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer">
            {tr(lang, 'ruleSource', { source: r.source })}
          </a>
        ) : (
          tr(lang, 'ruleSource', { source: r.source })
        )}
      </p>
    </li>
  );
}

export function RulesSection({ rules, lang }: { rules: RuleView[]; lang: Lang }) {
  return (
    <ul class="fl-rules">
      {rules.map((r) => (
        <Rule key={r.id} r={r} lang={lang} />
      ))}
    </ul>
  );
}
