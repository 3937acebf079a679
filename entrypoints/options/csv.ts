/** CSV exports of what the options page shows, generated and downloaded locally. */
import type { Lang } from '@/utils/i18n';
import type { OpsReport } from '@/utils/sync/handlers';
import { toCsv } from '@/utils/export/csv';
import { ot } from './strings';

export { toCsv };

/** The stale-card report, one row per overdue card, most overdue first within each owner. */
export function staleCsv(lang: Lang, report: OpsReport): string {
  return toCsv(
    [ot(lang, 'colOwner'), ot(lang, 'colCard'), ot(lang, 'colId'), ot(lang, 'colReviewed'), ot(lang, 'colDue'), ot(lang, 'colOverdue')],
    report.stale.flatMap((g) => g.cards.map((c) => [g.owner, c.name, c.id, c.reviewedAt, c.dueOn, c.daysOverdue])),
  );
}

export function download(name: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
