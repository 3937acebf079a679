/** The CS rep's own read beside the computed score: green / yellow / red with a comment, dated; the health model may weight it. */
import { useSignal } from '@preact/signals';
import { tr, type Lang, type StringKey } from '@/utils/i18n';
import type { SentimentView } from '@/utils/view/types';

type Color = 'green' | 'yellow' | 'red';
const COLORS: { id: Color; key: StringKey }[] = [
  { id: 'green', key: 'snGreen' },
  { id: 'yellow', key: 'snYellow' },
  { id: 'red', key: 'snRed' },
];
const label = (lang: Lang, c: Color) => tr(lang, COLORS.find((x) => x.id === c)!.key);

function Current({ sentiment, lang }: { sentiment: SentimentView; lang: Lang }) {
  const c = sentiment.current;
  if (!c) return null;
  const counts = c.counted ? tr(lang, 'snCounted', { pct: Math.round(c.share * 100) }) : c.stale ? tr(lang, 'snStale') : tr(lang, 'snNotCounted');
  return (
    <div class="fl-sn-current" data-color={c.color}>
      <p>
        <span class={`fl-dot fl-dot-${c.color}`} aria-hidden="true" /> {tr(lang, 'snCurrent', { date: c.at.slice(0, 10), color: label(lang, c.color) })}
        {c.comment && <> — {c.comment}</>}
      </p>
      <p class="fl-muted">{counts}</p>
    </div>
  );
}

export function SentimentBox({ sentiment, lang, onSave }: { sentiment: SentimentView; lang: Lang; onSave(color: Color, comment: string): void }) {
  const color = useSignal<Color>(sentiment.current?.color ?? 'green');
  const comment = useSignal('');
  const save = () => {
    onSave(color.value, comment.value);
    comment.value = '';
  };
  return (
    <div class="fl-sentiment">
      {sentiment.profile && <p class="fl-muted">{tr(lang, 'snProfile', { profile: sentiment.profile })}</p>}
      <Current sentiment={sentiment} lang={lang} />
      {/* A group, not a <form>: nothing in the sidebar can submit anywhere. */}
      <div role="group" aria-label={tr(lang, 'snTitle')}>
        <fieldset class="fl-sn-colors">
          <legend>{tr(lang, 'snTitle')}</legend>
          {COLORS.map((c) => (
            <label key={c.id} class="fl-sn-color">
              <input type="radio" name="fl-sentiment" value={c.id} checked={color.value === c.id} onChange={() => (color.value = c.id)} />
              <span class={`fl-dot fl-dot-${c.id}`} aria-hidden="true" /> {tr(lang, c.key)}
            </label>
          ))}
        </fieldset>
        <label class="fl-field">
          <span>{tr(lang, 'snComment')}</span>
          <input type="text" maxLength={1000} value={comment.value} onInput={(e) => (comment.value = (e.currentTarget as HTMLInputElement).value)} />
        </label>
        <p class="fl-actions">
          <button type="button" class="fl-btn" onClick={save}>
            {tr(lang, 'snSave')}
          </button>
        </p>
      </div>
      {!sentiment.weighted && !sentiment.current && <p class="fl-muted">{tr(lang, 'snNotCounted')}</p>}
    </div>
  );
}
