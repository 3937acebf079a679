import { reasonTexts, tr, type Lang } from '@/utils/i18n';
import type { ScenarioView, StageView } from '@/utils/view/types';
import { useEffect } from 'preact/hooks';
import { stageSeenKey } from '@/utils/view/decorate';
import { RichText } from './RichText';
import { TextActions } from './TextActions';
import { Mark, RemovedSince, UpdatedBanner } from './SeenMarks';
import { partTitles } from './CardParts';
import type { CardActions } from './BattlecardSection';
import { RegionalMark } from './RegionalMark';

const NO_ACTIONS: CardActions = { copy: () => undefined };

function TalkTrack({ scenario, lang, open, actions }: { scenario: ScenarioView; lang: Lang; open: boolean; actions: CardActions }) {
  return (
    <details open={open || undefined} data-part="talkTrack">
      <summary>
        {tr(lang, 'talkTrack', { industry: scenario.industry })}
        {scenario.region && scenario.regionalFields?.length ? <RegionalMark region={scenario.region} lang={lang} /> : null}
      </summary>
      <p class="fl-muted">{scenario.useCase}</p>
      <dl class="fl-talk">
        <dt>{tr(lang, 'scenario')}</dt>
        <dd>{scenario.scenario}</dd>
        <dt>{tr(lang, 'advantage')}</dt>
        <dd>{scenario.advantage}</dd>
        <dt>{tr(lang, 'value')}</dt>
        <dd>{scenario.value}</dd>
      </dl>
      {/* Insert sends the global text by its ref: a regional value is offered for Copy only. */}
      <TextActions item={{ ref: { kind: 'scenario', id: scenario.id }, text: scenario.value, audience: scenario.audience }} lang={lang} actions={scenario.regionalFields?.includes('value') ? { ...actions, insert: undefined } : actions} />
    </details>
  );
}

export function StageSection({ stage, scenario, lang, openTalkTrack = false, actions = NO_ACTIONS }: { stage: StageView | null; scenario: ScenarioView | null; lang: Lang; openTalkTrack?: boolean; actions?: CardActions }) {
  const key = stage ? stageSeenKey(stage.playbookId, stage.current.stageId) : null;
  useEffect(() => {
    if (!key || !stage?.seen) return;
    // Shown is seen for the stage's goal, exit criteria and checklist; guidance waits for its part to open.
    if (!stage.seen.known) actions.markSeen?.(key, undefined, true);
    else {
      const shown = stage.seen.parts.filter((p) => p !== 'guidance');
      if (shown.length) actions.markSeen?.(key, shown);
    }
  }, [key]);
  if (!stage)
    return (
      <div>
        <p class="fl-muted">{tr(lang, 'noStage')}</p>
        {scenario && <TalkTrack scenario={scenario} lang={lang} open={openTalkTrack} actions={actions} />}
      </div>
    );
  const seen = stage.seen;
  return (
    <div>
      <UpdatedBanner marks={seen} lang={lang} titles={partTitles(lang)} onSeen={() => key && actions.markAllSeen?.(key)} />
      <p class="fl-muted">
        {tr(lang, 'playbook')}: <strong>{stage.playbookName}</strong>
      </p>
      <ol class="fl-path" aria-label={stage.playbookName}>
        {stage.path.map((s) => {
          const current = s.id === stage.current.stageId;
          return (
            <li key={s.id} class={current ? 'fl-path-current' : ''} aria-current={current ? 'step' : undefined}>
              {s.name}
            </li>
          );
        })}
      </ol>
      <ul class="fl-chips">
        {reasonTexts([...stage.current.reasons, ...stage.playbookReasons], lang).map((text) => (
          <li key={text} class="fl-chip">
            {text}
          </li>
        ))}
      </ul>
      <h4>{tr(lang, 'goal')}</h4>
      <p>
        {stage.goal} <Mark marks={seen} at="goal" lang={lang} />
      </p>
      <h4>{tr(lang, 'exitCriteria')}</h4>
      <ul>
        {stage.exitCriteria.map((x, i) => (
          <li key={i}>
            {x} <Mark marks={seen} at={`exitCriteria:${i}`} lang={lang} />
          </li>
        ))}
      </ul>
      <RemovedSince marks={seen} part="exitCriteria" lang={lang} />
      {stage.guidance && (
        <details data-part="guidance" onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && key && seen?.parts.includes('guidance') && actions.markSeen?.(key, ['guidance'])}>
          <summary>
            {tr(lang, 'guidance')} <Mark marks={seen} at="guidance" lang={lang} />
          </summary>
          <RichText value={stage.guidance} />
          <TextActions item={{ ref: { kind: 'guidance', playbookId: stage.playbookId, stageId: stage.current.stageId }, text: stage.guidanceText ?? '', audience: stage.guidanceAudience }} lang={lang} actions={actions} />
        </details>
      )}
      {scenario && <TalkTrack scenario={scenario} lang={lang} open={openTalkTrack} actions={actions} />}
    </div>
  );
}
