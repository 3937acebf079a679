/**
 * "Try this rule on the current tab": what one site rule reads, field by field, on the
 * tab of its host the rep was last on, and the account the pack makes of it. The page's
 * values are shown here, in the ops console, and go nowhere else.
 */
import { useSignal } from '@preact/signals';
import { ask } from '@/utils/ask';
import { reasonTexts, type Lang } from '@/utils/i18n';
import type { SiteTrial } from '@/utils/background/ruleTrial';
import type { RuleTrial } from '@/utils/sites/generic/tryRule';
import { ot, type OptionsKey } from './strings';

const REFUSALS: Record<Exclude<SiteTrial, { ok: true }>['reason'], OptionsKey> = {
  'no-rule': 'trialNoRule',
  'not-granted': 'trialNotGranted',
  'no-tab': 'trialNoTab',
  'no-script': 'trialNoScript',
};

/** The site rules' trials on this page: one result per rule, the last one tried. */
export function useRuleTrials() {
  const results = useSignal<Record<string, SiteTrial>>({});
  const busy = useSignal<string | null>(null);
  return {
    busy,
    result: (ruleId: string) => results.value[ruleId] ?? null,
    async run(ruleId: string) {
      busy.value = ruleId;
      try {
        results.value = { ...results.value, [ruleId]: await ask('sites:try', { ruleId }) };
      } finally {
        busy.value = null;
      }
    },
  };
}

type Trials = ReturnType<typeof useRuleTrials>;

export function TryRuleButton({ lang: l, ruleId, trials }: { lang: Lang; ruleId: string; trials: Trials }) {
  return (
    <button type="button" onClick={() => void trials.run(ruleId)} disabled={trials.busy.value === ruleId} data-testid={`site-try-${ruleId}`}>
      {ot(l, 'tryRule')}
    </button>
  );
}

/** The result of a rule's last trial, as a row under the rule spanning the table. */
export function TrialRow({ lang: l, ruleId, trials, columns }: { lang: Lang; ruleId: string; trials: Trials; columns: number }) {
  const result = trials.result(ruleId);
  if (!result) return null;
  return (
    <tr>
      <td colSpan={columns}>
        <div class="trial" role="status" data-testid={`site-trial-${ruleId}`}>
          {result.ok ? <TrialResult lang={l} ruleId={ruleId} result={result} /> : <p>{ot(l, REFUSALS[result.reason], { host: result.host ?? '' })}</p>}
        </div>
      </td>
    </tr>
  );
}

function routeLine(l: Lang, t: RuleTrial): string {
  if (!t.covered) return ot(l, 'trialNotCovered');
  if (t.route === undefined) return ot(l, 'trialNoRoutes');
  if (t.route === null) return ot(l, 'trialNoRoute');
  const params = Object.entries(t.params).map(([k, v]) => `${k} = ${v}`).join(', ');
  return `${ot(l, 'trialRoute', { route: t.route })}${params ? ` (${params})` : ''}`;
}

function TrialResult({ lang: l, ruleId, result }: { lang: Lang; ruleId: string; result: Extract<SiteTrial, { ok: true }> }) {
  const t = result.trial;
  return (
    <>
      <h3>{ot(l, 'trialTitle', { rule: ruleId, title: result.tab.title || result.tab.url })}</h3>
      <p>
        <code>{t.url}</code>
      </p>
      <p>{routeLine(l, t)}</p>
      {t.fields.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{ot(l, 'colField')}</th>
              <th>{ot(l, 'colReader')}</th>
              <th>{ot(l, 'colMatched')}</th>
              <th>{ot(l, 'colRead')}</th>
            </tr>
          </thead>
          <tbody>
            {t.fields.map((f) => (
              <tr key={f.field} data-field={f.field}>
                <td>
                  <code>{f.field}</code>
                </td>
                <td>
                  <code>{f.spec}</code>
                </td>
                <td>{f.fromUrl ? ot(l, 'trialFromUrl') : f.matched}</td>
                <td>{f.values.length ? f.values.join(' · ') : <em>{ot(l, 'trialNothing')}</em>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AccountLine lang={l} result={result} />
    </>
  );
}

function AccountLine({ lang: l, result }: { lang: Lang; result: Extract<SiteTrial, { ok: true }> }) {
  if (!result.trial.ctx) return result.trial.covered && result.trial.route !== null ? <p>{ot(l, 'trialNoContext')}</p> : null;
  const why = reasonTexts(result.reasons, l).join('; ');
  return (
    <p data-testid="trial-account">
      <strong>{result.account ? ot(l, 'trialAccount', { name: result.account.name }) : ot(l, 'trialNoAccount')}</strong>
      {why ? ` — ${why}` : ''}
      {!result.account && result.candidates.length > 0 && ` ${ot(l, 'trialCandidates', { names: result.candidates.map((c) => c.name).join(', ') })}`}
    </p>
  );
}
