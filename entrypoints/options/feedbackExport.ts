/** The Feedback report's exports: one CSV row per flag, and the whole report as JSON. */
import type { Lang } from '@/utils/i18n';
import { toCsv } from '@/utils/export/csv';
import { NO_OWNER, type FeedbackReport, type FeedbackRow } from '@/utils/feedback/report';
import type { FeedbackTarget } from '@/utils/feedback/types';
import { lo, type LoopOptionsKey } from './loopStrings';

/** "Globex · Pricing", "Globex · objection “…”", "Discovery (stage)". */
export function itemLabel(l: Lang, r: { target: FeedbackTarget; item: string; card: string | null }): string {
  const t = r.target;
  if (t.kind === 'section') return lo(l, `section_${t.section}` as LoopOptionsKey);
  if (t.kind === 'objection') return `${lo(l, 'kindObjection')} “${r.item}”`;
  return `${r.item} (${lo(l, t.kind === 'stage' ? 'kindStage' : 'kindPlay')})`;
}

export const ownerLabel = (l: Lang, owner: string) => (owner === NO_OWNER ? lo(l, 'noOwner') : owner);

export function feedbackCsv(l: Lang, report: FeedbackReport): string {
  return toCsv(
    [lo(l, 'colAt'), lo(l, 'colOwner'), lo(l, 'colCard'), lo(l, 'colItem'), lo(l, 'colKey'), lo(l, 'colVerdict'), lo(l, 'colNote'), lo(l, 'colVersion'), lo(l, 'colOpenFlag')],
    report.all.map((f) => [f.at, ownerLabel(l, f.owner), f.card ?? '', itemLabel(l, f), f.key, f.verdict, f.note ?? '', f.packVersion, lo(l, f.open ? 'yes' : 'no')]),
  );
}

/** The JSON export: every row with its notes, and every flag as stored. */
export function feedbackJson(report: FeedbackReport): string {
  const rows = report.rows.map((r: FeedbackRow) => ({ ...r }));
  return `${JSON.stringify({ format: 'frontline-feedback/1', flags: report.flags, rows, all: report.all, searchMisses: report.searchMisses }, null, 2)}\n`;
}
