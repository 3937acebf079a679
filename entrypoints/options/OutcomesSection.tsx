/** Win / loss: every outcome reps recorded at the close, newest first, and its CSV export. */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { ask } from '@/utils/ask';
import type { Lang } from '@/utils/i18n';
import type { OutcomeRecord } from '@/utils/store/repRecords';
import { download, toCsv } from './csv';
import { oo, type OutcomesKey } from './strings.outcomes';

const COLUMNS: OutcomesKey[] = ['colDate', 'colAccount', 'colRecord', 'colResult', 'colStage', 'colReason', 'colCompetitor', 'colNote', 'colPack'];

function cells(l: Lang, r: OutcomeRecord): string[] {
  return [r.at.slice(0, 10), r.accountName, r.recordKey, oo(l, r.result), r.stage, r.skipped ? oo(l, 'skipped') : (r.reasonLabel ?? ''), r.competitorName ?? '', r.note, r.packVersion];
}

export function outcomesCsv(l: Lang, rows: readonly OutcomeRecord[]): string {
  return toCsv(COLUMNS.map((c) => oo(l, c)), rows.map((r) => cells(l, r)));
}

export function OutcomesSection({ lang: l, epoch }: { lang: Lang; epoch: number }) {
  const rows = useSignal<OutcomeRecord[] | null>(null);
  useEffect(() => {
    void ask('outcomes:report', {}).then((r) => (rows.value = r));
  }, [epoch]);
  const r = rows.value;
  if (!r) return null;
  return (
    <section aria-labelledby="outcomes-h" id="outcomes">
      <h2 id="outcomes-h">{oo(l, 'outcomesTitle')}</h2>
      <p>{oo(l, 'outcomesHelp')}</p>
      {r.length ? (
        <>
          <table data-testid="outcomes">
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th key={c} scope="col">
                    {oo(l, c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {r.map((row) => (
                <tr key={row.recordKey}>
                  {cells(l, row).map((c, i) => (
                    <td key={i}>{c}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p class="actions">
            <button type="button" onClick={() => download('frontline-win-loss.csv', outcomesCsv(l, r))} data-testid="outcomes-export">
              {oo(l, 'exportOutcomes')}
            </button>
          </p>
        </>
      ) : (
        <p class="muted" data-testid="outcomes-none">
          {oo(l, 'outcomesNone')}
        </p>
      )}
    </section>
  );
}
