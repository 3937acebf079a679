/** Win / loss at the close: asked once per record (reason from the pack's picklist, the main competitor prefilled from the evidence, a note). */
import { useSignal } from '@preact/signals';
import { tr, type Lang } from '@/utils/i18n';
import type { OutcomeView } from '@/utils/view/types';
import type { OutcomeAnswer } from '@/utils/state/repActions';

function Recorded({ outcome, lang }: { outcome: OutcomeView; lang: Lang }) {
  const r = outcome.recorded!;
  const date = r.at.slice(0, 10);
  if (r.skipped) return <p class="fl-muted fl-outcome-done">{tr(lang, 'ocSkipped', { date })}</p>;
  const parts = [tr(lang, outcome.result === 'won' ? 'wonLabel' : 'lostLabel'), r.reason, r.competitor].filter(Boolean).join(' · ');
  return (
    <div class="fl-outcome-done">
      <p class="fl-muted">{tr(lang, 'ocRecorded', { date })}</p>
      <p class="fl-outcome-summary">{parts}</p>
      {r.note && <p>{r.note}</p>}
    </div>
  );
}

export function OutcomeSection({ outcome, lang, onAnswer }: { outcome: OutcomeView; lang: Lang; onAnswer(a: OutcomeAnswer): void }) {
  const reason = useSignal('');
  const competitor = useSignal(outcome.suggestedCompetitorId ?? '');
  const note = useSignal('');
  if (outcome.recorded) return <Recorded outcome={outcome} lang={lang} />;
  const save = () => onAnswer({ reasonId: reason.value || null, competitorId: competitor.value || null, note: note.value, skipped: false });
  // A group, not a <form>: nothing in the sidebar can submit anywhere (tests/e2e/xss.spec.ts forbids forms).
  return (
    <div class="fl-outcome" role="group" aria-labelledby="fl-oc-ask">
      <p id="fl-oc-ask" class="fl-oc-ask">
        {tr(lang, outcome.result === 'won' ? 'ocAskWon' : 'ocAskLost', { stage: outcome.stage })}
      </p>
      <label class="fl-field">
        <span>{tr(lang, 'ocReason')}</span>
        <select value={reason.value} onChange={(e) => (reason.value = (e.currentTarget as HTMLSelectElement).value)}>
          <option value="">{tr(lang, 'ocChoose')}</option>
          {outcome.reasons.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
      <label class="fl-field">
        <span>{tr(lang, 'ocCompetitor')}</span>
        <select value={competitor.value} onChange={(e) => (competitor.value = (e.currentTarget as HTMLSelectElement).value)}>
          <option value="">{tr(lang, 'ocNone')}</option>
          {outcome.competitors.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label class="fl-field">
        <span>{tr(lang, 'ocNote')}</span>
        <textarea rows={2} maxLength={2000} value={note.value} onInput={(e) => (note.value = (e.currentTarget as HTMLTextAreaElement).value)} />
      </label>
      <p class="fl-actions">
        <button type="button" class="fl-btn" onClick={save} disabled={!reason.value}>
          {tr(lang, 'ocSave')}
        </button>{' '}
        <button type="button" class="fl-link" onClick={() => onAnswer({ reasonId: null, competitorId: null, note: '', skipped: true })}>
          {tr(lang, 'ocSkip')}
        </button>
      </p>
    </div>
  );
}
