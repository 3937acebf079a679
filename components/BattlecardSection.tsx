import { useEffect, useRef } from 'preact/hooks';
import { reasonTexts, tr, type Lang } from '@/utils/i18n';
import type { CardView, ObjectionView } from '@/utils/view/types';
import { cardSeenKey } from '@/utils/view/decorate';
import { RichText } from './RichText';
import { STALE_SNOOZE_DAYS } from '@/utils/state/roleActions';
import { TextActions, type TextActionsProps } from './TextActions';
import { Mark, PartMark, RemovedSince, UpdatedBanner } from './SeenMarks';
import { CardList, partTitles } from './CardParts';
import { RegionalMark } from './RegionalMark';
import { ClaimLine } from './ClaimLine';
import { FeedbackControl, type FeedbackActions } from './FeedbackControl';
import type { ClaimMark } from '@/utils/pack/claims';
import type { CARD_SECTIONS } from '@/utils/feedback/types';

export interface CardActions extends TextActionsProps {
  viewed?(competitorId: string): void;
  sectionOpened?(competitorId: string, section: string): void;
  /** The rep saw these parts of a card or stage (issue 16.3); `first`: a baseline only. */
  markSeen?(key: string, parts?: string[], first?: boolean): void;
  /** "Mark as read": every part seen, and the view again without marks. */
  markAllSeen?(key: string): void;
  /** Flags on items (utils/state/feedback.ts); absent: no feedback controls. */
  feedback?: FeedbackActions;
  /** Quiets a stale card's warning for `days` (0: shows it again). */
  snoozeStale?(competitorId: string, days?: number): void;
}

type SectionId = (typeof CARD_SECTIONS)[number];

/** A collapsible card section that reports being opened (for the local usage log, and as seen when it holds changes). */
function Part({ id, title, card, actions, open, lang, children }: { id: SectionId; title: string; card: CardView; actions: CardActions; open?: boolean; lang: Lang; children: preact.ComponentChildren }) {
  const onToggle = (e: Event) => {
    if (!(e.currentTarget as HTMLDetailsElement).open) return;
    actions.sectionOpened?.(card.id, id);
    if (card.seen?.parts.includes(id)) actions.markSeen?.(cardSeenKey(card.id), [id]);
  };
  return (
    <details open={open} data-part={id} onToggle={onToggle}>
      <summary>
        {title} <PartMark marks={card.seen} part={id} lang={lang} />
        <Regional card={card} field={id} lang={lang} />
      </summary>
      {children}
      <RemovedSince marks={card.seen} part={id} lang={lang} />
      <FeedbackControl target={{ kind: 'section', competitorId: card.id, section: id }} item={`${card.name} · ${title}`} lang={lang} actions={actions.feedback} />
    </details>
  );
}

/** "Review overdue": loud until the rep snoozes it; snoozed, a quiet line with the date and a way back. */
function StaleWarning({ card, lang, snooze }: { card: CardView; lang: Lang; snooze?: (competitorId: string, days?: number) => void }) {
  const until = card.staleSnoozedUntil;
  return (
    <>
      {' '}
      <span class={`fl-badge ${until ? 'fl-badge-quiet' : 'fl-badge-warn'}`} title={tr(lang, 'staleTitle', { days: card.reviewEvery })} data-stale={until ? 'snoozed' : 'warn'}>
        {until ? tr(lang, 'staleSnoozed', { date: until.slice(0, 10) }) : tr(lang, 'stale')}
      </span>
      {snooze && (
        <button type="button" class="fl-link" onClick={() => snooze(card.id, until ? 0 : STALE_SNOOZE_DAYS)}>
          {until ? tr(lang, 'staleUnsnooze') : tr(lang, 'staleSnooze', { days: STALE_SNOOZE_DAYS })}
        </button>
      )}
    </>
  );
}

/** The "regional" mark when the account's region replaced this section (issue 19). */
function Regional({ card, field, lang }: { card: CardView; field: string; lang: Lang }) {
  return card.region && card.regionalSections?.includes(field) ? <RegionalMark region={card.region} lang={lang} /> : null;
}

function Objection({ o, card, lang, actions, highlight }: { o: ObjectionView; card: CardView; lang: Lang; actions: CardActions; highlight: boolean }) {
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (highlight) ref.current?.scrollIntoView({ block: 'center' });
  }, [highlight]);
  return (
    <li class={`fl-objection ${highlight ? 'fl-objection-hl' : ''}`} ref={ref} data-objection={o.id}>
      <p class="fl-objection-q">
        {o.objection} <Mark marks={card.seen} at={`objections:${o.id}`} lang={lang} />
      </p>
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
      <TextActions item={{ ref: { kind: 'objection', competitorId: card.id, id: o.id }, text: o.response, audience: o.audience }} lang={lang} actions={actions} />
      <FeedbackControl target={{ kind: 'objection', competitorId: card.id, objectionId: o.id }} item={o.objection} lang={lang} actions={actions.feedback} />
    </li>
  );
}

function Card({ card, lang, actions, objectionId }: { card: CardView; lang: Lang; actions: CardActions; objectionId?: string }) {
  const m = card.match;
  const hasObjection = Boolean(objectionId && card.objections.some((o) => o.id === objectionId));
  const key = cardSeenKey(card.id);
  useEffect(() => {
    // The first look at a card is the baseline; a changed summary is seen once shown (it is not in a part).
    if (card.seen && !card.seen.known) actions.markSeen?.(key, undefined, true);
    else if (card.seen?.parts.includes('summary')) actions.markSeen?.(key, ['summary']);
  }, [key]);
  const claims = card.claims;
  return (
    <div class="fl-card">
      <p class="fl-card-meta">
        {tr(lang, 'cardOwner', { owner: card.owner })} · {tr(lang, 'reviewedAgo', { days: card.reviewedDaysAgo })}
        {card.stale && <StaleWarning card={card} lang={lang} snooze={actions.snoozeStale} />}
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
      <UpdatedBanner marks={card.seen} lang={lang} titles={partTitles(lang)} onSeen={() => actions.markAllSeen?.(key)} />
      <h4>
        {tr(lang, 'summary')} <Mark marks={card.seen} at="summary" lang={lang} />
        <Regional card={card} field="summary" lang={lang} />
      </h4>
      <RichText value={card.summary} />
      <FeedbackControl target={{ kind: 'section', competitorId: card.id, section: 'summary' }} item={`${card.name} · ${tr(lang, 'summary')}`} lang={lang} actions={actions.feedback} />
      <Part id="whyWeWin" title={tr(lang, 'whyWeWin')} card={card} actions={actions} lang={lang}>
        <CardList items={card.whyWeWin} part="whyWeWin" card={card} lang={lang} class="fl-win" claims={claims?.whyWeWin} />
      </Part>
      <Part id="whyWeLose" title={tr(lang, 'whyWeLose')} card={card} actions={actions} lang={lang}>
        <CardList items={card.whyWeLose} part="whyWeLose" card={card} lang={lang} class="fl-lose" />
      </Part>
      <Part id="objections" title={tr(lang, 'objections')} card={card} actions={actions} open={hasObjection || undefined} lang={lang}>
        <ul class="fl-objections">
          {card.objections.map((o) => (
            <Objection key={o.id} o={o} card={card} lang={lang} actions={actions} highlight={o.id === objectionId} />
          ))}
        </ul>
      </Part>
      <Part id="landmines" title={tr(lang, 'landmines')} card={card} actions={actions} lang={lang}>
        <CardList items={card.landmines} part="landmines" card={card} lang={lang} claims={claims?.landmines} />
      </Part>
      {card.pricing && (
        <Part id="pricing" title={tr(lang, 'pricing')} card={card} actions={actions} lang={lang}>
          <Mark marks={card.seen} at="pricing" lang={lang} />
          <RichText value={card.pricing} />
          {claims?.pricing && (
            <p>
              <ClaimLine mark={claims.pricing} lang={lang} maxAgeDays={claims.maxAgeDays ?? undefined} />
            </p>
          )}
          <TextActions item={{ ref: { kind: 'pricing', competitorId: card.id }, text: card.pricingText ?? '', audience: card.pricingAudience }} lang={lang} actions={card.regionalSections?.includes('pricing') ? { ...actions, insert: undefined } : actions} />
        </Part>
      )}
      <Part id="proofPoints" title={tr(lang, 'proofPoints')} card={card} actions={actions} lang={lang}>
        <CardList
          items={card.proofPoints}
          part="proofPoints"
          card={card}
          lang={lang}
          claims={claims?.proofPoints}
          action={(text, i) => <TextActions item={{ ref: { kind: 'proof', competitorId: card.id, index: i }, text, audience: card.proofPointsAudience }} lang={lang} actions={card.regionalSections?.includes('proofPoints') ? { ...actions, insert: undefined } : actions} />}
        />
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
            {c.stale && !c.staleSnoozedUntil && <span class="fl-dot fl-dot-warn" role="img" aria-label={tr(lang, 'stale')} />}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`fl-card-${card.id}`} aria-labelledby={`fl-tab-${card.id}`}>
        <Card key={card.id} card={card} lang={lang} actions={actions} objectionId={objectionId} />
      </div>
    </div>
  );
}
