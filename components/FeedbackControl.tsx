/**
 * One-click feedback on a sidebar item: Helpful, Outdated, Wrong or Missing something,
 * with an optional note. The rep sees what they said on the item afterwards.
 */
import { useSignal } from '@preact/signals';
import type { Lang } from '@/utils/i18n';
import { lt, type LoopKey } from '@/utils/i18n/loopStrings';
import { MAX_NOTE, targetKey, VERDICTS, type FeedbackTarget, type FlagMark, type Verdict } from '@/utils/feedback/types';

export interface FeedbackActions {
  flags: Record<string, FlagMark>;
  flag(target: FeedbackTarget, verdict: Verdict, note: string): Promise<boolean>;
}

export const VERDICT_KEY: Record<Verdict, LoopKey> = { helpful: 'verdictHelpful', outdated: 'verdictOutdated', wrong: 'verdictWrong', missing: 'verdictMissing' };

export function FeedbackControl({ target, item, lang, actions }: { target: FeedbackTarget; item: string; lang: Lang; actions?: FeedbackActions }) {
  const open = useSignal(false);
  const verdict = useSignal<Verdict | null>(null);
  const note = useSignal('');
  const failed = useSignal(false);
  if (!actions) return null;
  const key = targetKey(target);
  const mark = actions.flags[key];
  const id = `fl-fb-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const send = async () => {
    if (!verdict.value) return;
    const ok = await actions.flag(target, verdict.value, note.value);
    failed.value = !ok;
    if (ok) {
      open.value = false;
      note.value = '';
      verdict.value = null;
    }
  };
  return (
    <div class="fl-feedback" data-feedback={key}>
      {mark && (
        <p class="fl-muted fl-flagged" role="status">
          {lt(lang, 'flaggedAs', { verdict: lt(lang, VERDICT_KEY[mark.verdict]) })}
          {mark.note && <> {lt(lang, 'flaggedNote', { note: mark.note })}</>}
        </p>
      )}
      {!open.value ? (
        <button type="button" class="fl-link fl-feedback-open" aria-expanded="false" aria-controls={id} aria-label={lt(lang, 'feedbackOn', { item })} onClick={() => (open.value = true)}>
          {lt(lang, 'feedback')}
        </button>
      ) : (
        <fieldset class="fl-feedback-form" id={id}>
          <legend>{lt(lang, 'feedbackOn', { item })}</legend>
          <div class="fl-row" role="radiogroup" aria-label={lt(lang, 'feedback')}>
            {VERDICTS.map((v) => (
              <button key={v} type="button" role="radio" aria-checked={verdict.value === v} class={`fl-btn fl-verdict ${verdict.value === v ? 'fl-verdict-on' : ''}`} onClick={() => (verdict.value = v)}>
                {lt(lang, VERDICT_KEY[v])}
              </button>
            ))}
          </div>
          <label class="fl-feedback-note">
            {lt(lang, 'feedbackNote')}
            <textarea rows={2} maxLength={MAX_NOTE} value={note.value} onInput={(e) => (note.value = (e.currentTarget as HTMLTextAreaElement).value)} />
          </label>
          <div class="fl-row">
            <button type="button" class="fl-btn fl-btn-primary" disabled={!verdict.value} onClick={() => void send()}>
              {lt(lang, 'feedbackSend')}
            </button>
            <button type="button" class="fl-btn" onClick={() => (open.value = false)}>
              {lt(lang, 'feedbackCancel')}
            </button>
          </div>
          {failed.value && (
            <p class="fl-error" role="alert">
              {lt(lang, 'feedbackFailed')}
            </p>
          )}
        </fieldset>
      )}
    </div>
  );
}
