/** The sidebar frame: a slim rail when collapsed, the panel with four sections when open. */
import { tr, type Lang } from '@/utils/i18n';
import type { SidebarView } from '@/utils/view/types';
import { PANEL_MAX, PANEL_MIN } from '@/utils/settings';
import { Palette } from './Palette';
import type { SidebarModel } from '@/utils/state/sidebar';
import { AccountHeader } from './AccountHeader';
import { BattlecardSection, type CardActions } from './BattlecardSection';
import { StageSection } from './StageSection';
import { ChecklistSection } from './ChecklistSection';
import { HealthSection } from './HealthSection';
import { RoleSwitch } from './RoleSwitch';
import { fieldOpsBodies } from './FieldOpsSections';
import { SECTION_IDS, type SectionId } from '@/utils/view/sections';
import { FeedbackControl, type FeedbackActions } from './FeedbackControl';
import { lt } from '@/utils/i18n/loopStrings';
import { ScorecardSection } from './ScorecardSection';
import { OutcomeSection } from './OutcomeSection';
import { SentimentBox } from './SentimentBox';
import { useEffect, useState } from 'preact/hooks';

const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** Drag (or arrow keys) on the panel's left edge changes its width. */
function ResizeHandle({ model }: { model: SidebarModel }) {
  const lang = model.lang.value;
  const onPointerDown = (e: PointerEvent) => {
    const handle = e.currentTarget as HTMLElement;
    handle.setPointerCapture(e.pointerId);
    // Screen coordinates: the frame itself moves as it grows.
    const startX = e.screenX;
    const startW = model.width.peek();
    const move = (ev: PointerEvent) => model.resize(startW + (startX - ev.screenX), false);
    const up = (ev: PointerEvent) => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      model.resize(startW + (startX - ev.screenX), true);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  };
  const onKey = (e: KeyboardEvent) => {
    const delta = e.key === 'ArrowLeft' ? 20 : e.key === 'ArrowRight' ? -20 : 0;
    if (!delta) return;
    e.preventDefault();
    model.resize(model.width.peek() + delta, true);
  };
  return (
    <div
      class="fl-resize"
      role="separator"
      aria-orientation="vertical"
      aria-label={tr(lang, 'resize')}
      aria-valuemin={PANEL_MIN}
      aria-valuemax={PANEL_MAX}
      aria-valuenow={model.width}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKey}
    />
  );
}

function Rail({ model }: { model: SidebarModel }) {
  const lang = model.lang.value;
  const view = model.view.value;
  const competitors = view?.cards.length ?? 0;
  // A warning the rep snoozed does not light the rail.
  const stale = view?.cards.some((c) => c.stale && !c.staleSnoozedUntil) ?? false;
  const label = [tr(lang, 'open'), view?.account?.name, view?.health && `${tr(lang, 'score')} ${view.health.score} ${view.health.bandLabel}`, competitors && tr(lang, 'competitorsInPlay', { count: competitors })]
    .filter(Boolean)
    .join(' · ');
  return (
    <button type="button" class="fl-rail" onClick={model.toggle} aria-label={label} aria-expanded="false" title={label}>
      <span class="fl-rail-logo" aria-hidden="true">F</span>
      {view?.health && <span class={`fl-dot fl-dot-${view.health.color}`} aria-hidden="true" />}
      {competitors > 0 && (
        <span class="fl-rail-count" aria-hidden="true">
          {competitors}
        </span>
      )}
      {stale && <span class="fl-dot fl-dot-warn" aria-hidden="true" />}
    </button>
  );
}

/** The ten-second answer: health, stage, next steps and competitors on one line, each a jump to its section. */
function Glance({ view, lang, onJump }: { view: SidebarView; lang: Lang; onJump?(id: SectionId): void }) {
  const jump = (id: SectionId) => (e: Event) => {
    onJump?.(id);
    const root = (e.currentTarget as HTMLElement).getRootNode() as ShadowRoot | Document;
    root.querySelector<HTMLElement>(`#fl-h-${id}`)?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  };
  const items: { id: SectionId; text: string; cls?: string }[] = [];
  if (view.health) items.push({ id: 'health', text: `${view.health.score} · ${view.health.bandLabel}`, cls: `fl-glance-${view.health.color}` });
  if (view.stage) items.push({ id: 'stage', text: view.stage.name });
  if (view.checklist) items.push({ id: 'next-steps', text: tr(lang, 'progress', { done: view.checklist.doneCount, total: view.checklist.items.length }) });
  if (view.cards.length) items.push({ id: 'battlecard', text: tr(lang, 'competitorsInPlay', { count: view.cards.length }) });
  if (view.scorecard) items.push({ id: 'scorecard', text: tr(lang, 'scGlance', { name: view.scorecard.name, done: view.scorecard.validated, total: view.scorecard.elements.length }) });
  if (view.outcome && !view.outcome.recorded) items.push({ id: 'outcome', text: tr(lang, 'ocGlance'), cls: 'fl-glance-yellow' });
  if (!items.length) return null;
  return (
    <ul class="fl-glance">
      {items.map((i) => (
        <li key={i.id}>
          <button type="button" class={`fl-glance-item ${i.cls ?? ''}`} onClick={jump(i.id)}>
            {i.cls && <span class="fl-dot" aria-hidden="true" />}
            {i.text}
          </button>
        </li>
      ))}
    </ul>
  );
}

/**
 * A section; one its role's layout collapses shows its heading as a button until the rep
 * opens it (issue 16.1). `deferred`: its body comes right after the first paint
 * (`data-deferred` until then, for scripts that capture the whole panel).
 */
function Section({ id, title, collapsed, onToggle, lang, deferred, children }: { id: string; title: string; collapsed?: boolean; onToggle?(): void; lang?: Lang; deferred?: boolean; children: preact.ComponentChildren }) {
  const later = deferred ? 'true' : undefined;
  if (onToggle)
    return (
      <section class="fl-section" aria-labelledby={`fl-h-${id}`} data-section={id} data-collapsed={collapsed ? 'true' : 'false'} data-deferred={later}>
        <h3 id={`fl-h-${id}`}>
          <button type="button" class="fl-section-toggle" aria-expanded={collapsed ? 'false' : 'true'} aria-controls={`fl-s-${id}`} title={lang && collapsed ? tr(lang, 'sectionCollapsed', { section: title }) : undefined} onClick={onToggle}>
            <span aria-hidden="true">{collapsed ? '▸' : '▾'}</span> {title}
          </button>
        </h3>
        <div id={`fl-s-${id}`} hidden={collapsed}>
          {!collapsed && children}
        </div>
      </section>
    );
  return (
    <section class="fl-section" aria-labelledby={`fl-h-${id}`} data-section={id} data-deferred={later}>
      <h3 id={`fl-h-${id}`}>{title}</h3>
      {children}
    </section>
  );
}

export function Sidebar({ model }: { model: SidebarModel }) {
  const lang = model.lang.value;
  if (!model.open.value) return <Rail model={model} />;
  const view = model.view.value;
  return (
    // tabIndex -1: a click anywhere in the panel focuses it, so Ctrl+K reaches the palette.
    <aside class="fl-panel" aria-label={tr(lang, 'appName')} lang={lang} tabIndex={-1} onKeyDown={paletteKeys(model)}>
      <ResizeHandle model={model} />
      <TopBar model={model} view={view} lang={lang} />
      {model.paletteOpen.value && <Palette lang={lang} search={model.paletteSearch} onOpen={model.openHit} onClose={model.closePalette} />}
      <div class="fl-body" data-fl-scroll>
        <StatusLines model={model} lang={lang} />
        {view && <ViewSections model={model} view={view} lang={lang} />}
      </div>
    </aside>
  );
}

/** Ctrl+K (⌘K on a Mac) opens the palette, Escape closes it. */
function paletteKeys(model: SidebarModel) {
  return (e: KeyboardEvent) => {
    if (e.key.toLowerCase() === 'k' && (isMac() ? e.metaKey : e.ctrlKey) && !e.altKey && !e.shiftKey) {
      e.preventDefault();
      e.stopPropagation();
      model.openPalette();
    } else if (e.key === 'Escape' && model.paletteOpen.peek()) {
      model.closePalette();
    }
  };
}

function TopBar({ model, view, lang }: { model: SidebarModel; view: SidebarView | null; lang: Lang }) {
  return (
    <div class="fl-topbar">
      <span class="fl-brand">{tr(lang, 'appName')}</span>
      {view && <span class="fl-muted fl-pack">{tr(lang, 'packLine', { name: view.pack.name, version: view.pack.version })}</span>}
      <button type="button" class="fl-icon-btn" onClick={model.openPalette} aria-label={tr(lang, 'paletteButton')} title={isMac() ? tr(lang, 'paletteButton').replace('Ctrl+K', '⌘K') : tr(lang, 'paletteButton')}>
        <span aria-hidden="true">⌕</span>
      </button>
      <button type="button" class="fl-icon-btn" onClick={model.toggleBeside} aria-label={tr(lang, 'beside')} aria-pressed={model.beside.value ? 'true' : 'false'} title={tr(lang, 'beside')}>
        <span aria-hidden="true">{model.beside.value ? '◧' : '◨'}</span>
      </button>
      <button type="button" class="fl-icon-btn" onClick={model.toggle} aria-label={tr(lang, 'close')} aria-expanded="true" title={tr(lang, 'close')}>
        <span aria-hidden="true">›</span>
      </button>
    </div>
  );
}

/** Browsing away from the record, a notice, an error with Retry, or loading. */
function StatusLines({ model, lang }: { model: SidebarModel; lang: Lang }) {
  return (
    <>
      {model.browsing.value && (
        <p class="fl-browsing" role="status">
          {tr(lang, 'browsing')}{' '}
          <button type="button" class="fl-link" onClick={model.backToRecord}>
            {tr(lang, 'backToRecord')}
          </button>
        </p>
      )}
      {model.notice.value && (
        <p class="fl-error fl-notice" role="alert">
          {tr(lang, model.notice.value)}
        </p>
      )}
      {model.status.value === 'error' && (
        <div class="fl-error" role="alert">
          <p>{tr(lang, 'error', { message: model.error.value ?? '' })}</p>
          <button type="button" class="fl-btn" onClick={model.retry}>
            {tr(lang, 'retry')}
          </button>
        </div>
      )}
      {model.waiting.value && (
        <p class="fl-muted" role="status">
          {tr(lang, 'loading')}
        </p>
      )}
    </>
  );
}

/** The account header, the role switch, the glance line and the sections in the role's order. */
function ViewSections({ model, view, lang }: { model: SidebarModel; view: SidebarView; lang: Lang }) {
  const focus = model.focus.value;
  // Insert shows only where the page has a reply box (webmail), and only on customer-safe text.
  const feedback: FeedbackActions = { flags: view.flags ?? {}, flag: model.flag };
  const cardActions: CardActions = {
    copy: model.copy,
    viewed: model.viewed,
    sectionOpened: model.sectionOpened,
    markSeen: model.markSeen,
    markAllSeen: model.markAllSeen,
    snoozeStale: model.snoozeStale,
    insert: model.canInsert.value ? model.insert : undefined,
    feedback,
  };
  const play = view.account ? { accountId: view.account.id, shown: model.playShown, snooze: model.snoozePlay } : undefined;
  const bodies: Partial<Record<SectionId, { title: string; body: preact.ComponentChildren }>> = {
    battlecard: {
      title: tr(lang, 'sectionBattlecard'),
      body: <BattlecardSection key={view.recordKey} cards={view.cards} lang={lang} actions={cardActions} selectedId={model.selectedCard.value} onSelect={model.selectCard} objectionId={focus?.objectionId} />,
    },
    stage: {
      title: tr(lang, 'sectionStage'),
      body: (
        <>
          <StageSection stage={view.stage} scenario={view.scenario} lang={lang} openTalkTrack={Boolean(focus?.scenarioId)} actions={cardActions} />
          {view.stage && <FeedbackControl target={{ kind: 'stage', playbookId: view.stage.playbookId, stageId: view.stage.current.stageId }} item={`${view.stage.name} (${lt(lang, 'itemStage')})`} lang={lang} actions={feedback} />}
        </>
      ),
    },
    'next-steps': { title: tr(lang, 'sectionNextSteps'), body: <ChecklistSection checklist={view.checklist} lang={lang} onToggle={model.tick} marks={view.stage?.seen} /> },
    health: {
      title: tr(lang, 'sectionHealth'),
      body: (
        <>
          <HealthSection health={view.health} lang={lang} play={play} />
          {view.sentiment && <SentimentBox key={view.recordKey} sentiment={view.sentiment} lang={lang} onSave={model.saveSentiment} />}
          {view.health?.play && <FeedbackControl target={{ kind: 'play', bandId: view.health.bandId }} item={`${view.health.bandLabel} (${lt(lang, 'itemPlay')})`} lang={lang} actions={feedback} />}
        </>
      ),
    },
    ...fieldOpsBodies(view, lang, model),
    ...(view.scorecard && { scorecard: { title: tr(lang, 'sectionScorecard'), body: <ScorecardSection scorecard={view.scorecard} lang={lang} onSet={model.setElement} /> } }),
    ...(view.outcome && { outcome: { title: tr(lang, 'sectionOutcome'), body: <OutcomeSection key={view.outcome.recordKey} outcome={view.outcome} lang={lang} onAnswer={model.recordOutcome} /> } }),
  };
  const layout = view.layout?.sections ?? SECTION_IDS.map((id) => ({ id, collapsed: false }));
  const expanded = model.expanded.value;
  const painted = usePainted();
  let bodiesShown = 0;
  return (
    <>
      <AccountHeader view={view} lang={lang} actions={model} />
      {view.layout && <RoleSwitch role={view.layout.role} lang={lang} onChange={(r) => void model.setRole(r)} />}
      <Glance view={view} lang={lang} onJump={model.expandSection} />
      {layout.map(({ id, collapsed }) => {
        const b = bodies[id];
        if (!b) return null;
        const shut = collapsed && !expanded.has(id);
        // The first paint holds the first open section's body; the rest fill in right after it.
        const now = painted || shut || bodiesShown++ < FIRST_PAINT_BODIES;
        return (
          <Section key={id} id={id} title={b.title} lang={lang} collapsed={shut} deferred={!now} onToggle={collapsed ? () => model.toggleSection(id) : undefined}>
            {now && b.body}
          </Section>
        );
      })}
    </>
  );
}

/**
 * Open sections whose bodies the panel's first paint holds. The panel shows ~80 of the
 * view's ~480 elements above the fold (the demo opportunity at 1000 px): the first open
 * section and what is above it. The others' headings are there from the start (the
 * glance line jumps to them); their bodies are rendered once that paint is done.
 */
const FIRST_PAINT_BODIES = 1;

/** False for the first render of the view's sections, true from just after it was painted (Preact runs effects after paint). */
function usePainted(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => setPainted(true), []);
  return painted;
}
