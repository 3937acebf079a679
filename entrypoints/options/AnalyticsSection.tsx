/**
 * Local analytics: which cards and sections reps open, copy and insert, by week,
 * segment, region or card; checklist completion by playbook stage. From this
 * browser's own usage log — nothing leaves the machine. CSV export and clear.
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { ask } from '@/utils/ask';
import type { Lang } from '@/utils/i18n';
import { COUNTS, rollUp, type AnalyticsReport, type CountKey, type Dimension } from '@/utils/sync/analytics';
import { SITE_LABEL } from '@/utils/sites/labels';
import type { SiteId } from '@/utils/sites/types';
import { download, toCsv } from './csv';
import { ot, type OptionsKey } from './strings';

const COUNT_LABELS: Record<CountKey, OptionsKey> = {
  cardViews: 'colCardViews',
  sectionViews: 'colSectionViews',
  objectionViews: 'colObjectionViews',
  copies: 'colCopies',
  inserts: 'colInserts',
  ticks: 'colTicks',
};
const DIMENSIONS: Record<Dimension, OptionsKey> = { week: 'byWeek', segment: 'bySegment', region: 'byRegion', card: 'byCard' };

const pct = (x: number) => `${Math.round(x * 100)}%`;

type Row = ReturnType<typeof rollUp>[number];

export function AnalyticsSection({ lang: l, epoch }: { lang: Lang; epoch: number }) {
  const report = useSignal<AnalyticsReport | null>(null);
  const by = useSignal<Dimension>('week');
  const confirming = useSignal(false);
  const load = async () => {
    report.value = await ask('usage:report', { lang: l });
  };
  useEffect(() => {
    void load();
  }, [l, epoch]);

  const r = report.value;
  if (!r) return null;
  const rows = rollUp(r.cells, by.value);

  const exportUsage = () => download(`frontline-usage-by-${by.value}.csv`, usageCsv(l, by.value, rows));
  const exportChecklist = () => download('frontline-checklist-by-stage.csv', checklistCsv(l, r.checklist));
  // The first click asks for confirmation (the button says how many events go); the second clears.
  const clear = async () => {
    if (!confirming.value) {
      confirming.value = true;
      return;
    }
    confirming.value = false;
    await ask('usage:clear', {});
    await load();
  };

  return (
    <section aria-labelledby="usage-h" id="usage">
      <h2 id="usage-h">{ot(l, 'usageTitle')}</h2>
      <p>{ot(l, 'usageHelp')}</p>
      <p class="muted" data-testid="usage-summary">
        {r.events ? ot(l, 'usageSummary', { count: r.events, first: r.first!.slice(0, 10), last: r.last!.slice(0, 10) }) : ot(l, 'usageNone')}
      </p>
      <p class="actions">
        <label>
          {ot(l, 'groupBy')}{' '}
          <select value={by.value} onChange={(e) => (by.value = (e.currentTarget as HTMLSelectElement).value as Dimension)} data-testid="usage-group">
            {(Object.keys(DIMENSIONS) as Dimension[]).map((d) => (
              <option key={d} value={d}>
                {ot(l, DIMENSIONS[d])}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="button" onClick={exportUsage} disabled={!rows.length} data-testid="usage-export">
          {ot(l, 'exportCsv')}
        </button>{' '}
        <button type="button" onClick={clear} disabled={!r.events} data-testid="usage-clear" class={confirming.value ? 'danger' : ''}>
          {confirming.value ? ot(l, 'clearConfirm', { count: r.events }) : ot(l, 'clearUsage')}
        </button>
      </p>
      {rows.length > 0 && <UsageTable lang={l} by={by.value} rows={rows} />}

      <ReadingTable lang={l} rows={r.reading} />

      <h3>{ot(l, 'checklistTitle')}</h3>
      <ChecklistTable lang={l} rows={r.checklist} />
      <p class="actions">
        <button type="button" onClick={exportChecklist} data-testid="checklist-export">
          {ot(l, 'exportCsv')}
        </button>
      </p>
    </section>
  );
}

function usageCsv(l: Lang, by: Dimension, rows: Row[]): string {
  return toCsv(
    [ot(l, DIMENSIONS[by]), ...COUNTS.map((c) => ot(l, COUNT_LABELS[c]))],
    rows.map((row) => [row.key, ...COUNTS.map((c) => row[c])]),
  );
}

function checklistCsv(l: Lang, rows: AnalyticsReport['checklist']): string {
  return toCsv(
    [ot(l, 'colPlaybook'), ot(l, 'colStage'), ot(l, 'colItems'), ot(l, 'colAccounts'), ot(l, 'colComplete'), ot(l, 'colAverage'), ot(l, 'colTickEvents')],
    rows.map((c) => [c.playbook, c.stage, c.items, c.accounts, c.complete, pct(c.averageDone), c.tickEvents]),
  );
}

function UsageTable({ lang: l, by, rows }: { lang: Lang; by: Dimension; rows: Row[] }) {
  return (
    <table data-testid="usage-table">
      <thead>
        <tr>
          <th>{ot(l, DIMENSIONS[by])}</th>
          {COUNTS.map((c) => (
            <th key={c} class="num">
              {ot(l, COUNT_LABELS[c])}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <td>{row.key}</td>
            {COUNTS.map((c) => (
              <td key={c} class="num">
                {row[c]}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ChecklistTable({ lang: l, rows }: { lang: Lang; rows: AnalyticsReport['checklist'] }) {
  return (
    <table data-testid="checklist-table">
      <thead>
        <tr>
          <th>{ot(l, 'colPlaybook')}</th>
          <th>{ot(l, 'colStage')}</th>
          <th class="num">{ot(l, 'colItems')}</th>
          <th class="num">{ot(l, 'colAccounts')}</th>
          <th class="num">{ot(l, 'colComplete')}</th>
          <th class="num">{ot(l, 'colAverage')}</th>
          <th class="num">{ot(l, 'colTickEvents')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={`${c.playbookId}/${c.stageId}`}>
            <td>{c.playbook}</td>
            <td>{c.stage}</td>
            <td class="num">{c.items}</td>
            <td class="num">{c.accounts}</td>
            <td class="num">{c.complete}</td>
            <td class="num">{c.accounts ? pct(c.averageDone) : '—'}</td>
            <td class="num">{c.tickEvents}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "Salesforce: highlights panel not found on 14 record views in 2026-W48" — what a CRM release broke, for ops. */
function ReadingTable({ lang: l, rows }: { lang: Lang; rows: AnalyticsReport['reading'] }) {
  return (
    <>
      <h3>{ot(l, 'readingTitle')}</h3>
      <p class="hint">{ot(l, 'readingIntro')}</p>
      {rows.length === 0 ? (
        <p data-testid="reading-none">{ot(l, 'readingNone')}</p>
      ) : (
        <ul data-testid="reading-list">
          {rows.map((row) => (
            <li key={`${row.week}/${row.site}/${row.layer}/${row.missing}`}>
              {ot(l, 'readingRow', {
                site: SITE_LABEL[row.site as SiteId] ?? row.site,
                week: row.week,
                views: row.views,
                what: row.missing ? ot(l, 'readingMissing', { landmark: row.missing }) : ot(l, 'readingFields'),
              })}{' '}
              <span class="muted">({ot(l, row.layer === 'page-text' ? 'layerPageText' : 'layerSemantic')})</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
