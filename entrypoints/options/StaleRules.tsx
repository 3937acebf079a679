/** Rules (regulation) past their review date, in the stale report (issue 19): reps see them marked "past review". */
import type { Lang } from '@/utils/i18n';
import type { StaleRule } from '@/utils/sync/reportHandlers';
import { ot } from './strings';

export function StaleRules({ lang: l, rules }: { lang: Lang; rules: StaleRule[] }) {
  if (!rules.length) return null;
  return (
    <div class="owner-group" data-testid="stale-rules">
      <h3>{ot(l, 'staleRulesTitle')}</h3>
      <table>
        <thead>
          <tr>
            <th>{ot(l, 'colPolicy')}</th>
            <th>{ot(l, 'colOwner')}</th>
            <th>{ot(l, 'colRegions')}</th>
            <th>{ot(l, 'colReviewBy')}</th>
            <th>{ot(l, 'colOverdue')}</th>
          </tr>
        </thead>
        <tbody>
          {rules.map((r) => (
            <tr key={r.id}>
              <td>
                {r.title} <code>{r.id}</code>
              </td>
              <td>{r.owner ?? '—'}</td>
              <td>{r.regions.join(', ') || '—'}</td>
              <td>{r.reviewBy}</td>
              <td class="num">{ot(l, 'days', { count: r.daysOverdue })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
