/**
 * A red band's play (issue 16.7): expanded unless the rep snoozed it or the pack's
 * `playOpenEvery` says it opened expanded for this account recently; collapsed it is a
 * closed disclosure the rep can still open.
 */
import { useEffect } from 'preact/hooks';
import { tr, type Lang } from '@/utils/i18n';
import type { Rich } from '@/utils/pack/rich';
import type { HealthView } from '@/utils/view/types';
import { SNOOZE_DAYS } from '@/utils/state/roleActions';
import { RichText } from './RichText';

export interface PlayActions {
  accountId: string;
  shown(accountId: string, bandId: string): void;
  snooze(accountId: string, bandId: string, days?: number): void;
}

export function Play({ health, rich, lang, actions }: { health: HealthView; rich: Rich; lang: Lang; actions?: PlayActions }) {
  const state = health.playState;
  const expanded = state?.expanded ?? true;
  useEffect(() => {
    // Only an expanded play counts as shown: it is what playOpenEvery spaces out.
    if (expanded && actions && state?.openEvery) actions.shown(actions.accountId, health.bandId);
  }, [health.bandId, actions?.accountId]);
  const snooze = actions && (
    <button type="button" class="fl-link" onClick={() => actions.snooze(actions.accountId, health.bandId, state?.snoozedUntil ? 0 : SNOOZE_DAYS)}>
      {state?.snoozedUntil ? tr(lang, 'unsnoozePlay') : tr(lang, 'snoozePlay', { days: SNOOZE_DAYS })}
    </button>
  );
  if (expanded)
    return (
      <div class="fl-play" role="note" data-play="expanded">
        <h4>{tr(lang, 'recommendedPlay')}</h4>
        <RichText value={rich} />
        {snooze}
      </div>
    );
  const title = state?.snoozedUntil ? tr(lang, 'playSnoozed', { date: state.snoozedUntil.slice(0, 10) }) : tr(lang, 'playCollapsed', { days: state?.openEvery ?? 0 });
  return (
    <details class="fl-play fl-play-quiet" data-play="collapsed">
      <summary>{title}</summary>
      <RichText value={rich} />
      {snooze}
    </details>
  );
}
