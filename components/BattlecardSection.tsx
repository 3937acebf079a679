import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { reasonTexts, tr, type Lang } from '@/utils/i18n';
import type { CardView, ObjectionView } from '@/utils/view/types';
import { RichText } from './RichText';
import { ClaimLine } from './ClaimLine';
import { FeedbackControl, type FeedbackActions } from './FeedbackControl';
import type { ClaimMark } from '@/utils/pack/claims';
import type { CARD_SECTIONS } from '@/utils/feedback/types';

export interface CardActions {
  copy(text: string, o: { competitorId: string; objectionId: string }): void;
  /** Resolves false when nothing was inserted (no reply box the rep clicked into). */
  insert?(text: string, o: { competitorId: string; objectionId: string }): Promise<boolean>;
  viewed?(competitorId: string): void;
  sectionOpened?(competitorId: string, section: string): void;
  /** Flags on items (utils/state/feedback.ts); absent: no feedback controls. */
  feedback?: FeedbackActions;
}

type SectionId = (typeof CARD_SECTIONS)[number];

/** A collapsible card section that reports being opened (for the local usage log). */
function Part({ id, title, card, actions, open, lang, children }: { id: SectionId; title: string; card: CardView; actions: CardActions; open?: boolean; lang: Lang; children: preact.ComponentChildren }) {
  return (
    <details open={open} data-part={id} onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && actions.sectionOpened?.(card.id, id)}>
      <summary>{title}</summary>
      {children}
      <FeedbackControl target={{ kind: 'section', competitorId: card.id, section: id }} item={`${card.name} · ${title}`} lang={lang} actions={actions.feedback} />
    </details>
  );
}

/** A list of texts; claims get their source and date beneath (marks by position). */
function List({ items, class: cls, marks, lang, maxAgeDays }: { items: string[]; class?: string; marks?: (ClaimMark | null)[]; lang?: Lang; maxAgeDays?: number | null }) {
  if (!items.length) return null;
  return (
    <ul class={cls}>
      {items.map((x, i) => (
        <li key={i}>
          {x}
          {marks?.[i] && lang && (
            <>
              {' '}
              <ClaimLine mark={marks[i]} lang={lang} maxAgeDays={maxAgeDays ?? undefined} />
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

function Objection({ o, card, lang, actions, highlight }: { o: ObjectionView; card: CardView; lang: Lang; actions: CardActions; highlight: boolean }) {
  const copied = useSignal(false);
  const inserted = useSignal(false);
  const ids = { competitorId: card.id, objectionId: o.id };
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (highlight) ref.current?.scrollIntoView({ block: 'center' });
  }, [highlight]);
  return (
    <li class={`fl-objection ${highlight ? 'fl-objection-hl' : ''}`} ref={ref} data-objection={o.id}>
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
          <button
            type="button"
            class="fl-btn"
            onClick={() => {
              void actions.insert!(o.response, ids).then((ok) => {
                if (!ok) return;
                inserted.value = true;
                setTimeout(() => (inserted.value = false), 1500);
              });
            }}
          >
            {inserted.value ? tr(lang, 'inserted') : tr(lang, 'insert')}
          </button>
        )}
      </div>
      <FeedbackControl target={{ kind: 'objection', competitorId: card.id, objectionId: o.id }} item={o.objection} lang={lang} actions={actions.feedback} />
    </li>
  );
}

function Card({ card, lang, actions, objectionId }: { card: CardView; lang: Lang; actions: CardActions; objectionId?: string }) {
  const m = card.match;
  const hasObjection = Boolean(objectionId && card.objections.some((o) => o.id === objectionId));
  const claims = card.claims;
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
      <FeedbackControl target={{ kind: 'section', competitorId: card.id, section: 'summary' }} item={`${card.name} · ${tr(lang, 'summary')}`} lang={lang} actions={actions.feedback} />
      <Part id="whyWeWin" title={tr(lang, 'whyWeWin')} card={card} actions={actions} lang={lang}>
        <List items={card.whyWeWin} class="fl-win" marks={claims?.whyWeWin} lang={lang} maxAgeDays={claims?.maxAgeDays} />
      </Part>
      <Part id="whyWeLose" title={tr(lang, 'whyWeLose')} card={card} actions={actions} lang={lang}>
        <List items={card.whyWeLose} class="fl-lose" />
      </Part>
      <Part id="objections" title={tr(lang, 'objections')} card={card} actions={actions} open={hasObjection || undefined} lang={lang}>
        <ul class="fl-objections">
          {card.objections.map((o) => (
            <Objection key={o.id} o={o} card={card} lang={lang} actions={actions} highlight={o.id === objectionId} />
          ))}
        </ul>
      </Part>
      <Part id="landmines" title={tr(lang, 'landmines')} card={card} actions={actions} lang={lang}>
        <List items={card.landmines} marks={claims?.landmines} lang={lang} maxAgeDays={claims?.maxAgeDays} />
      </Part>
      {card.pricing && (
        <Part id="pricing" title={tr(lang, 'pricing')} card={card} actions={actions} lang={lang}>
          <RichText value={card.pricing} />
          {claims?.pricing && (
            <p>
              <ClaimLine mark={claims.pricing} lang={lang} maxAgeDays={claims.maxAgeDays ?? undefined} />
            </p>
          )}
        </Part>
      )}
      <Part id="proofPoints" title={tr(lang, 'proofPoints')} card={card} actions={actions} lang={lang}>
        <List items={card.proofPoints} marks={claims?.proofPoints} lang={lang} maxAgeDays={claims?.maxAgeDays} />
      </Part>
    </div>
  );
}

export function BattlecardSection({
  cards,
  lang,
  actions,
  selectedId,
  onSelect,
  objectionId,
}: {
  cards: CardView[];
  lang: Lang;
  actions: CardActions;
  selectedId: string | null;
  onSelect(id: string): void;
  objectionId?: string;
}) {
  if (!cards.length) return <p class="fl-muted">{tr(lang, 'noCompetitors')}</p>;
  const index = Math.max(0, cards.findIndex((c) => c.id === selectedId));
  const select = (i: number) => {
    onSelect(cards[i].id);
    actions.viewed?.(cards[i].id);
  };
  const onKey = (e: KeyboardEvent) => {
    const step = { ArrowRight: 1, ArrowLeft: cards.length - 1, Home: cards.length - index, End: cards.length - 1 - index } as Record<string, number>;
    if (!(e.key in step)) return;
    e.preventDefault();
    const next = (index + step[e.key]) % cards.length;
    select(next);
    ((e.currentTarget as HTMLElement).querySelectorAll('[role=tab]')[next] as HTMLElement | undefined)?.focus();
  };
  const card = cards[index];
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
            onClick={() => select(i)}
          >
            {c.name}
            {c.stale && <span class="fl-dot fl-dot-warn" role="img" aria-label={tr(lang, 'stale')} />}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`fl-card-${card.id}`} aria-labelledby={`fl-tab-${card.id}`}>
        <Card key={card.id} card={card} lang={lang} actions={actions} objectionId={objectionId} />
      </div>
    </div>
  );
}
