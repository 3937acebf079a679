/**
 * Who can help on this record (issue 19, 大项目突破): the best two or three experts with
 * why, and "Ask for help" links that open the channel with the message prefilled (built
 * by the background from pack and match data; see utils/view/fieldOps.ts).
 */
import { useSignal } from '@preact/signals';
import { languageName, reasonTexts, tr, type Lang, type StringKey } from '@/utils/i18n';
import type { ExpertContactView, ExpertView } from '@/utils/view/types';

export interface ExpertActions {
  askExpert(expertId: string, message: string, channel: string): void;
}

const CHANNEL: Record<ExpertContactView['kind'], StringKey> = {
  email: 'channelEmail',
  teams: 'channelTeams',
  slack: 'channelSlack',
  dingtalk: 'channelDingtalk',
  wecom: 'channelWecom',
};

function Expert({ e, lang, actions }: { e: ExpertView; lang: Lang; actions: ExpertActions }) {
  const copiedFor = useSignal<string | null>(null);
  const [first, ...others] = e.contacts;
  const link = (c: ExpertContactView, primary: boolean) => {
    const channel = tr(lang, CHANNEL[c.kind]);
    return (
      <a
        key={c.href}
        class={primary ? 'fl-btn fl-btn-primary fl-ask' : 'fl-link fl-ask-alt'}
        href={c.href}
        target="_blank"
        rel="noopener noreferrer"
        data-channel={c.kind}
        aria-label={tr(lang, 'askVia', { name: e.name, channel })}
        onClick={() => {
          actions.askExpert(e.id, e.message, c.kind);
          copiedFor.value = c.carriesMessage ? null : c.kind;
        }}
      >
        {primary ? `${tr(lang, 'askForHelp')} · ${channel}` : channel}
      </a>
    );
  };
  return (
    <li class="fl-expert" data-expert={e.id}>
      <p class="fl-expert-name">
        <span class="fl-label">{e.name}</span> · <span class="fl-muted">{e.role}</span>
      </p>
      <ul class="fl-chips" aria-label={tr(lang, 'whyMatched')}>
        {reasonTexts(e.reasons, lang).map((text) => (
          <li key={text} class="fl-chip">
            {text}
          </li>
        ))}
      </ul>
      {e.languages.length > 0 && <p class="fl-muted fl-small">{tr(lang, 'languages', { list: e.languages.map((l) => languageName(l, lang)).join(lang === 'zh-CN' ? '、' : ', ') })}</p>}
      {first && (
        <p class="fl-row fl-ask-row">
          {link(first, true)}
          {others.map((c) => link(c, false))}
        </p>
      )}
      {copiedFor.value && (
        <p class="fl-muted fl-small" role="status">
          {tr(lang, 'askCopiedNote')}
        </p>
      )}
    </li>
  );
}

export function ExpertsSection({ experts, lang, actions }: { experts: ExpertView[]; lang: Lang; actions: ExpertActions }) {
  return (
    <ul class="fl-experts">
      {experts.map((e) => (
        <Expert key={e.id} e={e} lang={lang} actions={actions} />
      ))}
    </ul>
  );
}
