import { reasonTexts, tr, type Lang } from '@/utils/i18n';
import type { ScenarioView, StageView } from '@/utils/view/types';
import { RichText } from './RichText';
import { RegionalMark } from './RegionalMark';

function TalkTrack({ scenario, lang, open }: { scenario: ScenarioView; lang: Lang; open: boolean }) {
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
    </details>
  );
}

export function StageSection({ stage, scenario, lang, openTalkTrack = false }: { stage: StageView | null; scenario: ScenarioView | null; lang: Lang; openTalkTrack?: boolean }) {
  if (!stage)
    return (
      <div>
        <p class="fl-muted">{tr(lang, 'noStage')}</p>
        {scenario && <TalkTrack scenario={scenario} lang={lang} open={openTalkTrack} />}
      </div>
    );
  return (
    <div>
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
      <p>{stage.goal}</p>
      <h4>{tr(lang, 'exitCriteria')}</h4>
      <ul>
        {stage.exitCriteria.map((x, i) => (
          <li key={i}>{x}</li>
        ))}
      </ul>
      {stage.guidance && (
        <details>
          <summary>{tr(lang, 'guidance')}</summary>
          <RichText value={stage.guidance} />
        </details>
      )}
      {scenario && <TalkTrack scenario={scenario} lang={lang} open={openTalkTrack} />}
    </div>
  );
}
