import { useSignal } from '@preact/signals';
import { reasonTexts, tr, type Lang } from '@/utils/i18n';
import type { CardView, ObjectionView } from '@/utils/view/types';
import { RichText } from './RichText';

export interface CardActions {
  copy(text: string, o: { competitorId: string; objectionId: string }): void;
  insert?(text: string, o: { competitorId: string; objectionId: string }): void;
  viewed?(competitorId: string): void;
}

function List({ items, class: cls }: { items: string[]; class?: string }) {
  if (!items.length) return null;
  return (
    <ul class={cls}>
      {items.map((x, i) => (
        <li key={i}>{x}</li>
      ))}
    </ul>
  );
}

function Objection({ o, card, lang, actions }: { o: ObjectionView; card: CardView; lang: Lang; actions: CardActions }) {
  const copied = useSignal(false);
  const ids = { competitorId: card.id, objectionId: o.id };
  return (
    <li class="fl-objection">
      <p class="fl-objection-q">{o.objection}</p>
      <p>
        <span class="fl-label">{tr(lang, 'response')}: </span>
        {o.response}
      </p>
      {o.proof && (
        <p class="fl-muted">
          <span class="fl-label">{tr(lang, 'proof')}: </span>
          {o.proof}
        </p>
      )}
      <div class="fl-row">
        <button
          type="button"
          class="fl-btn"
          onClick={() => {
            actions.copy(o.response, ids);
            copied.value = true;
            setTimeout(() => (copied.value = false), 1500);
          }}
        >
          {copied.value ? tr(lang, 'copied') : tr(lang, 'copy')}
        </button>
        {actions.insert && (
          <button type="button" class="fl-btn" onClick={() => actions.insert!(o.response, ids)}>
            {tr(lang, 'insert')}
          </button>
        )}
      </div>
    </li>
  );
}

function Card({ card, lang, actions }: { card: CardView; lang: Lang; actions: CardActions }) {
  const m = card.match;
  return (
    <div class="fl-card">
      <p class="fl-card-meta">
        {tr(lang, 'cardOwner', { owner: card.owner })} · {tr(lang, 'reviewedAgo', { days: card.reviewedDaysAgo })}
        {card.stale && (
          <span class="fl-badge fl-badge-warn" title={tr(lang, 'staleTitle', { days: card.reviewEvery })}>
            {tr(lang, 'stale')}
          </span>
        )}
      </p>
      <div class="fl-evidence" aria-label={tr(lang, 'evidence')}>
        <ul class="fl-chips">
          {reasonTexts(m.reasons, lang).map((text) => (
            <li key={text} class="fl-chip">
              {text}
            </li>
          ))}
        </ul>
        {m.mentions.length > 0 && (
          <ul class="fl-snippets">
            {m.mentions.map((s, i) => (
              <li key={i}>
                <q>{s.snippet}</q>
              </li>
            ))}
          </ul>
        )}
      </div>
      <h4>{tr(lang, 'summary')}</h4>
      <RichText value={card.summary} />
      <details>
        <summary>{tr(lang, 'whyWeWin')}</summary>
        <List items={card.whyWeWin} class="fl-win" />
      </details>
      <details>
        <summary>{tr(lang, 'whyWeLose')}</summary>
        <List items={card.whyWeLose} class="fl-lose" />
      </details>
      <details>
        <summary>{tr(lang, 'objections')}</summary>
        <ul class="fl-objections">
          {card.objections.map((o) => (
            <Objection key={o.id} o={o} card={card} lang={lang} actions={actions} />
          ))}
        </ul>
      </details>
      <details>
        <summary>{tr(lang, 'landmines')}</summary>
        <List items={card.landmines} />
      </details>
      {card.pricing && (
        <details>
          <summary>{tr(lang, 'pricing')}</summary>
          <RichText value={card.pricing} />
        </details>
      )}
      <details>
        <summary>{tr(lang, 'proofPoints')}</summary>
        <List items={card.proofPoints} />
      </details>
    </div>
  );
}

export function BattlecardSection({ cards, lang, actions }: { cards: CardView[]; lang: Lang; actions: CardActions }) {
  const selected = useSignal(0);
  if (!cards.length) return <p class="fl-muted">{tr(lang, 'noCompetitors')}</p>;
  const index = Math.min(selected.value, cards.length - 1);
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const next = (index + (e.key === 'ArrowRight' ? 1 : cards.length - 1)) % cards.length;
    selected.value = next;
    actions.viewed?.(cards[next].id);
    ((e.currentTarget as HTMLElement).querySelectorAll('[role=tab]')[next] as HTMLElement | undefined)?.focus();
  };
  return (
    <div>
      <div role="tablist" class="fl-tabs" aria-label={tr(lang, 'sectionBattlecard')} onKeyDown={onKey}>
        {cards.map((c, i) => (
          <button
            key={c.id}
            type="button"
            role="tab"
            id={`fl-tab-${c.id}`}
            aria-selected={i === index}
            aria-controls={`fl-card-${c.id}`}
            tabIndex={i === index ? 0 : -1}
            class="fl-tab"
            onClick={() => {
              selected.value = i;
              actions.viewed?.(c.id);
            }}
          >
            {c.name}
            {c.stale && <span class="fl-dot fl-dot-warn" aria-label={tr(lang, 'stale')} />}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`fl-card-${cards[index].id}`} aria-labelledby={`fl-tab-${cards[index].id}`}>
        <Card card={cards[index]} lang={lang} actions={actions} />
      </div>
    </div>
  );
}
