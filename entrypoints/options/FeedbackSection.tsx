/**
 * Feedback: what reps flagged, per card, item and owner — counts per verdict, open flags
 * and the oldest, the pack versions, notes; a chosen owner's queue first; CSV and JSON
 * exports; and the palette searches that found nothing.
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { ask } from '@/utils/ask';
import type { Lang } from '@/utils/i18n';
import { ownerFirst, type FeedbackReport, type FeedbackRow } from '@/utils/feedback/report';
import { VERDICTS, type Verdict } from '@/utils/feedback/types';
import { download } from './csv';
import { feedbackCsv, feedbackJson, itemLabel, ownerLabel } from './feedbackExport';
import { lo, type LoopOptionsKey } from './loopStrings';
import { ot } from './strings';

const VERDICT_COL: Record<Verdict, LoopOptionsKey> = { helpful: 'colHelpful', outdated: 'colOutdated', wrong: 'colWrong', missing: 'colMissing' };

export function FeedbackSection({ lang: l, epoch }: { lang: Lang; epoch: number }) {
  const report = useSignal<FeedbackReport | null>(null);
  const owner = useSignal<string>('');
  useEffect(() => {
    void ask('feedback:report', { lang: l }).then((r) => (report.value = r));
  }, [l, epoch]);
  const r = report.value;
  if (!r) return null;
  const rows = ownerFirst(r.rows, owner.value || null);
  return (
    <section aria-labelledby="feedback-h" id="feedback">
      <h2 id="feedback-h">{lo(l, 'feedbackTitle')}</h2>
      <p>{lo(l, 'feedbackHelp')}</p>
      <p class="muted" data-testid="feedback-summary">
        {r.flags ? lo(l, 'feedbackSummary', { count: r.flags, items: r.rows.length }) : lo(l, 'feedbackNone')}
      </p>
      <p class="actions">
        <label>
          {lo(l, 'feedbackOwner')}{' '}
          <select value={owner.value} onChange={(e) => (owner.value = (e.currentTarget as HTMLSelectElement).value)} data-testid="feedback-owner">
            <option value="">{lo(l, 'feedbackAllOwners')}</option>
            {r.owners.map((o) => (
              <option key={o} value={o}>
                {ownerLabel(l, o)}
              </option>
            ))}
          </select>
        </label>
        {owner.value && <span class="muted">{lo(l, 'feedbackOwnerFirst')}</span>}
        <button type="button" disabled={!r.flags} onClick={() => download('frontline-feedback.csv', feedbackCsv(l, r))} data-testid="feedback-export-csv">
          {ot(l, 'exportCsv')}
        </button>
        <button type="button" disabled={!r.flags} onClick={() => download('frontline-feedback.json', feedbackJson(r), 'application/json')} data-testid="feedback-export-json">
          {lo(l, 'exportJson')}
        </button>
      </p>
      {rows.length > 0 && <FeedbackTable lang={l} rows={rows} />}
      <h3>{lo(l, 'missesTitle')}</h3>
      {r.searchMisses.length === 0 ? (
        <p data-testid="search-misses">{lo(l, 'missesNone')}</p>
      ) : (
        <ul data-testid="search-misses">
          {r.searchMisses.map((m) => (
            <li key={m.query}>{lo(l, 'missesRow', { query: m.query, count: m.count, last: m.last.slice(0, 10) })}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function FeedbackTable({ lang: l, rows }: { lang: Lang; rows: FeedbackRow[] }) {
  return (
    <table data-testid="feedback-table">
      <thead>
        <tr>
          <th>{lo(l, 'colOwner')}</th>
          <th>{lo(l, 'colCard')}</th>
          <th>{lo(l, 'colItem')}</th>
          {VERDICTS.map((v) => (
            <th key={v} class="num">
              {lo(l, VERDICT_COL[v])}
            </th>
          ))}
          <th class="num">{lo(l, 'colOpen')}</th>
          <th>{lo(l, 'colOldestOpen')}</th>
          <th>{lo(l, 'colVersions')}</th>
          <th>{lo(l, 'colNotes')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-feedback-row={r.key} data-owner={r.owner}>
            <td>{ownerLabel(l, r.owner)}</td>
            <td>{r.card ?? '—'}</td>
            <td>
              {itemLabel(l, r)}
              {r.gone && <span class="muted"> {lo(l, 'gone')}</span>}
            </td>
            {VERDICTS.map((v) => (
              <td key={v} class="num">
                {r.counts[v]}
              </td>
            ))}
            <td class="num">{r.open}</td>
            <td>{r.oldestOpen ? r.oldestOpen.slice(0, 10) : '—'}</td>
            <td>{r.packVersions.join(', ')}</td>
            <td>
              {r.notes.length > 0 && (
                <ul class="notes">
                  {r.notes.map((n) => (
                    <li key={n.at}>
                      “{n.note}” <span class="muted">({n.at.slice(0, 10)}, v{n.packVersion})</span>
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
