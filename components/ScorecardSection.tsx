/** The deal's qualification scorecard (MEDDPICC in the sample): each element empty, noted or validated, with a note and what the page suggests. */
import { tr, type Lang, type StringKey } from '@/utils/i18n';
import type { ScorecardElementView, ScorecardView, SuggestionSource } from '@/utils/view/types';
import type { ElementState } from '@/utils/store/repRecords';

const STATES: { id: ElementState; key: StringKey }[] = [
  { id: 'empty', key: 'scEmpty' },
  { id: 'noted', key: 'scNoted' },
  { id: 'validated', key: 'scValidated' },
];

const SOURCE: Record<SuggestionSource['kind'], StringKey> = {
  contactRole: 'scSrcContactRole',
  nextStep: 'scSrcNextStep',
  closeDate: 'scSrcCloseDate',
  amount: 'scSrcAmount',
  competitor: 'scSrcCompetitor',
};

type OnSet = (elementId: string, state: ElementState, note: string) => void;

function sourceText(lang: Lang, s: SuggestionSource): string {
  return tr(lang, SOURCE[s.kind], s.kind === 'contactRole' ? { role: s.role } : undefined);
}

function Element({ e, lang, onSet }: { e: ScorecardElementView; lang: Lang; onSet: OnSet }) {
  // Writing a note on an empty element notes it; the rep validates it explicitly.
  const noteChanged = (note: string) => onSet(e.id, e.state === 'empty' && note.trim() ? 'noted' : e.state, note.trim());
  return (
    <li class={`fl-sc-el fl-sc-${e.state}`} data-element={e.id}>
      <div class="fl-sc-head">
        <span class="fl-sc-name">{e.name}</span>
        {e.required && <span class="fl-badge">{tr(lang, 'scRequired')}</span>}
        {/* Buttons, not a <select>: one tap, and the state reads at a glance on every element. */}
        <span class="fl-sc-states" role="group" aria-label={`${e.name}: ${tr(lang, 'scState')}`}>
          {STATES.map((s) => (
            <button key={s.id} type="button" class="fl-sc-state" aria-pressed={e.state === s.id ? 'true' : 'false'} onClick={() => onSet(e.id, s.id, e.note)}>
              {tr(lang, s.key)}
            </button>
          ))}
        </span>
      </div>
      <p class="fl-muted fl-sc-help">{e.help}</p>
      {e.suggestion && (
        <p class="fl-sc-suggest">
          {tr(lang, 'scSuggested')} <q>{e.suggestion.text}</q> <span class="fl-muted">({sourceText(lang, e.suggestion.source)})</span>{' '}
          <button type="button" class="fl-link" onClick={() => noteChanged(e.suggestion!.text)}>
            {tr(lang, 'scUse')}
          </button>
        </p>
      )}
      <input
        type="text"
        class="fl-sc-note"
        aria-label={`${e.name}: ${tr(lang, 'scNote')}`}
        placeholder={tr(lang, 'scNotePlaceholder')}
        maxLength={500}
        value={e.note}
        onChange={(ev) => noteChanged((ev.currentTarget as HTMLInputElement).value)}
      />
    </li>
  );
}

export function ScorecardSection({ scorecard, lang, onSet }: { scorecard: ScorecardView; lang: Lang; onSet: OnSet }) {
  const total = scorecard.elements.length;
  return (
    <div class="fl-scorecard">
      <p class="fl-sc-progress" id="fl-sc-progress">
        {scorecard.name} · {tr(lang, 'scProgress', { done: scorecard.validated, total })}
      </p>
      {scorecard.exit && (
        <p class={`fl-sc-exit ${scorecard.exit.validated < scorecard.exit.required ? 'fl-sc-exit-open' : ''}`}>
          {tr(lang, 'scExit', { stage: scorecard.exit.stage, done: scorecard.exit.validated, total: scorecard.exit.required })}
        </p>
      )}
      <ul class="fl-sc-list" aria-labelledby="fl-sc-progress">
        {scorecard.elements.map((e) => (
          <Element key={e.id} e={e} lang={lang} onSet={onSet} />
        ))}
      </ul>
      {scorecard.removed.length > 0 && (
        <div class="fl-sc-removed" role="note">
          <p class="fl-muted">{tr(lang, 'scRemoved')}</p>
          <ul>
            {scorecard.removed.map((r) => (
              <li key={r.id}>{r.label}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
