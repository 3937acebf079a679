/** Stale battlecards grouped by owner, and the pack's site rules with their host permissions. */
import { useSignal } from '@preact/signals';
import { Fragment } from 'preact';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Lang } from '@/utils/i18n';
import type { OpsReport } from '@/utils/sync/handlers';
import { ruleOrigin } from '@/utils/sites/generic/rules';
import { download, staleCsv } from './csv';
import { TrialRow, TryRuleButton, useRuleTrials } from './RuleTrial';
import { ot } from './strings';
import { StaleRules } from './StaleRules';
import { OldClaims, Reminders } from './StaleLoopParts';

export function StaleSection({ lang: l, report }: { lang: Lang; report: OpsReport | null }) {
  if (!report) return null;
  return (
    <section aria-labelledby="stale-h" id="stale">
      <h2 id="stale-h">{ot(l, 'staleTitle')}</h2>
      <p>{ot(l, 'staleHelp')}</p>
      {report.stale.length > 0 && (
        <p class="actions">
          <button type="button" onClick={() => download('frontline-stale-cards.csv', staleCsv(l, report))} data-testid="stale-export">
            {ot(l, 'exportCsv')}
          </button>
        </p>
      )}
      {report.stale.length === 0 ? (
        <p data-testid="stale">{ot(l, 'staleNone')}</p>
      ) : (
        <div data-testid="stale">
          {report.stale.map((g) => (
            <div key={g.owner} class="owner-group">
              <h3>{ot(l, 'staleOwner', { owner: g.owner, count: g.cards.length })}</h3>
              <table>
                <thead>
                  <tr>
                    <th>{ot(l, 'colCard')}</th>
                    <th>{ot(l, 'colReviewed')}</th>
                    <th>{ot(l, 'colDue')}</th>
                    <th>{ot(l, 'colOverdue')}</th>
                  </tr>
                </thead>
                <tbody>
                  {g.cards.map((c) => (
                    <tr key={c.id}>
                      <td>
                        {c.name} <code>{c.id}</code>
                        {c.variants && c.variants.length > 0 && <span class="muted"> · {ot(l, 'staleVariants', { list: c.variants.join(', ') })}</span>}
                      </td>
                      <td>{c.reviewedAt}</td>
                      <td>{c.dueOn}</td>
                      <td class="num">{ot(l, 'days', { count: c.daysOverdue })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </div>
      )}
      <StaleRules lang={l} rules={report.staleRules ?? []} />
      {report.dueSoon.length > 0 && (
        <p class="muted">
          {ot(l, 'dueSoon')} {report.dueSoon.map((c) => `${c.name} (${c.dueOn})`).join(', ')}
        </p>
      )}
      <OldClaims lang={l} report={report} />
      <Reminders lang={l} report={report} />
    </section>
  );
}


export function SitesSection({ lang: l, report }: { lang: Lang; report: OpsReport | null }) {
  const granted = useSignal<Record<string, boolean>>({});
  const trials = useRuleTrials();
  const sites = report?.sites ?? [];
  const refresh = async () => {
    const out: Record<string, boolean> = {};
    for (const s of sites) out[s.id] = await browser.permissions.contains({ origins: [ruleOrigin(s.host)] }).catch(() => false);
    granted.value = out;
  };
  useEffect(() => {
    void refresh();
    const on = () => void refresh();
    browser.permissions.onAdded?.addListener(on);
    browser.permissions.onRemoved?.addListener(on);
    return () => {
      browser.permissions.onAdded?.removeListener(on);
      browser.permissions.onRemoved?.removeListener(on);
    };
  }, [sites.map((s) => s.host).join(' ')]);
  if (!report) return null;

  // Straight from the click: a permission prompt needs the user's gesture.
  const grant = (host: string) => void browser.permissions.request({ origins: [ruleOrigin(host)] }).then(() => refresh());
  const revoke = (host: string) => void browser.permissions.remove({ origins: [ruleOrigin(host)] }).then(() => refresh());

  return (
    <section aria-labelledby="sites-h" id="sites">
      <h2 id="sites-h">{ot(l, 'sitesTitle')}</h2>
      <p>{ot(l, 'sitesHelp')}</p>
      {sites.length === 0 ? (
        <p data-testid="sites">{ot(l, 'sitesNone')}</p>
      ) : (
        <table data-testid="sites">
          <thead>
            <tr>
              <th>{ot(l, 'colRule')}</th>
              <th>{ot(l, 'colHost')}</th>
              <th>{ot(l, 'colAccess')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {sites.map((s) => (
              <Fragment key={s.id}>
                <tr>
                  <td>
                    <code>{s.id}</code>
                    {s.recordType ? ` (${s.recordType})` : ''}
                  </td>
                  <td>
                    <code>
                      {s.host}
                      {s.pathPrefix ?? ''}
                    </code>
                  </td>
                  <td data-testid={`site-access-${s.id}`}>{granted.value[s.id] ? ot(l, 'accessYes') : ot(l, 'accessNo')}</td>
                  <td>
                    {granted.value[s.id] ? (
                      <>
                        <TryRuleButton lang={l} ruleId={s.id} trials={trials} />{' '}
                        <button type="button" onClick={() => revoke(s.host)}>
                          {ot(l, 'revoke')}
                        </button>
                      </>
                    ) : (
                      <button type="button" onClick={() => grant(s.host)} data-testid={`site-grant-${s.id}`}>
                        {ot(l, 'grant')}
                      </button>
                    )}
                  </td>
                </tr>
                <TrialRow lang={l} ruleId={s.id} trials={trials} columns={4} />
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
