/**
 * The sidebar of one tab as a model: its signals, what is derived from them, and every
 * action the rep can take. Pure — the background (`ask`), the link to the tab's content
 * script, the stored panel settings, the clipboard and the clock come in as
 * dependencies, so unit tests drive it without a browser. Each action runs batched
 * (createModel wraps them); work after an `await` batches its own writes.
 */
import { batch, computed, createModel, signal } from '@preact/signals';
import type { ask } from '../ask';
import { stageSeenIn } from '../view/stageSeen';
import type { Lang } from '../i18n';
import type { PaletteHit } from '../search/palette';
import { PANEL_MAX, PANEL_MIN } from '../settings';
import type { PageContext } from '../sites/types';
import type { UsageEvent } from '../store/db';
import type { FrameInit, ToContent } from '../ui/channel';
import type { SidebarView } from '../view/types';
import { repActions } from './repActions';

export type Status = 'idle' | 'loading' | 'ready' | 'error';

/** What the rep opened from the palette: shown without being remembered for the record. */
export interface Focus {
  accountId?: string;
  competitorId?: string;
  scenarioId?: string;
  objectionId?: string;
}

export type Notice = 'clickRefused' | 'insertNoBox';

/** A frame → content script message before the link adds its envelope and token. */
export type ToContentBody = ToContent extends infer M ? (M extends ToContent ? Omit<M, 'frontline' | 'token'> : never) : never;

interface Saved<T> {
  setValue(value: T): Promise<void>;
}

export interface SidebarDeps {
  ask: typeof ask;
  /** To this tab's content script (answered); the wiring adds the token. */
  send(msg: ToContentBody): Promise<unknown>;
  openItem: Saved<boolean>;
  widthItem: Saved<number>;
  besideItem: Saved<boolean>;
  copyText(text: string): Promise<void>;
  /** Runs `fn` after `ms`; returns a cancel. */
  after(ms: number, fn: () => void): () => void;
}

export interface SidebarInit {
  lang: Lang;
  open: boolean;
  width: number;
  /** Open beside the page (it reflows) or over it. */
  beside: boolean;
}

/** How long a notice stays up. */
export const NOTICE_MS = 4_000;

type Usage = Omit<UsageEvent, 'id' | 'at' | 'accountId'>;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

function createSignals(init: SidebarInit) {
  return {
    lang: signal<Lang>(init.lang),
    open: signal(init.open),
    width: signal(init.width),
    beside: signal(init.beside),
    status: signal<Status>('idle'),
    error: signal<string | null>(null),
    view: signal<SidebarView | null>(null),
    focus: signal<Focus | null>(null),
    /** The battlecard tab in view (competitor id); null = the strongest. */
    selectedCard: signal<string | null>(null),
    paletteOpen: signal(false),
    /** Whether the page has a reply box to insert into (webmail). */
    canInsert: signal(false),
    /** A short-lived note: a click refused because the page covers the sidebar, an insert with no reply box. */
    notice: signal<Notice | null>(null),
  };
}

type Signals = ReturnType<typeof createSignals>;

function derive(s: Signals) {
  return {
    /** The rep is looking at something from the palette, not the record's own reading. */
    browsing: computed(() => s.focus.value !== null),
    /** No view to show yet and no error to show instead. */
    waiting: computed(() => !s.view.value && s.status.value !== 'error'),
  };
}

/** Local usage log for ops analytics; never blocks the UI and never leaves the machine. */
function usageLog(s: Signals, deps: SidebarDeps) {
  return (event: Usage) => void deps.ask('usage:log', { ...event, accountId: s.view.peek()?.account?.id ?? null }).catch(() => undefined);
}

function noticeActions(s: Signals, deps: SidebarDeps) {
  let cancel = () => {};
  return {
    notify(key: Notice) {
      s.notice.value = key;
      cancel();
      cancel = deps.after(NOTICE_MS, () => (s.notice.value = null));
    },
  };
}

/** The record in view: what the content script read, the view the background builds for it. */
function recordActions(s: Signals, deps: SidebarDeps, log: (e: Usage) => void) {
  let page: PageContext | null = null;

  const fail = (e: unknown) =>
    batch(() => {
      s.status.value = 'error';
      s.error.value = message(e);
    });

  async function load() {
    if (!page) return;
    s.status.value = 'loading';
    try {
      const focus = s.focus.peek();
      const view = await deps.ask('view:get', {
        ctx: page,
        lang: s.lang.peek(),
        focus: focus ? { accountId: focus.accountId, competitorId: focus.competitorId, scenarioId: focus.scenarioId } : undefined,
      });
      batch(() => {
        s.view.value = view;
        s.status.value = 'ready';
        s.error.value = null;
      });
      // The CRM stage shown is remembered for the account's threads; the view never waits for that write.
      const seen = stageSeenIn(view, focus);
      if (seen) void deps.ask('stage:seen', seen).catch(() => undefined);
    } catch (e) {
      fail(e);
    }
  }

  function setPage(next: PageContext | null) {
    const sameRecord = page !== null && next !== null && page.site === next.site && page.recordId === next.recordId;
    page = next;
    // Ops count the record views the site's own selectors could not read (options page → Reading).
    if (!sameRecord && next?.read && next.read.layer !== 'selectors') log({ kind: 'read_fallback', site: next.site, layer: next.read.layer, missing: next.read.missing ?? null });
    if (!sameRecord) {
      // Another record (or none): the last record's card must not stand in for this one
      // while its view loads — a wrong account is worse than "Reading this record…".
      s.view.value = null;
      s.status.value = 'idle';
      // What the rep browsed from search belonged to the last one.
      s.focus.value = null;
      s.selectedCard.value = null;
      s.paletteOpen.value = false;
    }
    void load();
  }

  return {
    load,
    retry: () => void load(),
    /** The content script's answer to `ready` (undefined when it did not answer). */
    receive(init: FrameInit | undefined) {
      s.canInsert.value = init?.canInsert ?? false;
      setPage(init?.ctx ?? null);
    },
    async tick(itemId: string, done: boolean, label: string) {
      const view = s.view.peek();
      const c = view?.checklist;
      if (!c || !view) return;
      const items = c.items.map((i) => (i.id === itemId ? { ...i, done } : i));
      s.view.value = { ...view, checklist: { ...c, items, doneCount: items.filter((i) => i.done).length } };
      try {
        await deps.ask('checklist:set', { accountId: c.accountId, playbookId: c.playbookId, stageId: c.stageId, itemId, done, label });
        log({ kind: done ? 'tick' : 'untick', playbookId: c.playbookId, stageId: c.stageId, itemId });
      } catch (e) {
        fail(e);
        await load();
      }
    },
    async pick(accountId: string | null) {
      const key = s.view.peek()?.recordKey;
      if (!key) return;
      await deps.ask('account:pick', { recordKey: key, accountId });
      s.focus.value = null;
      await load();
    },
    search: (query: string) => deps.ask('account:search', { query, lang: s.lang.peek() }),
  };
}

function focusFor(hit: PaletteHit, current: Focus): Focus {
  if (hit.kind === 'account') return { accountId: hit.id };
  if (hit.kind === 'competitor') return { accountId: current.accountId, competitorId: hit.id };
  if (hit.kind === 'objection') return { accountId: current.accountId, competitorId: hit.competitorId, objectionId: hit.id };
  return { accountId: current.accountId, scenarioId: hit.id };
}

/** Ctrl+K: browse the pack beyond the record, then back to it. */
function paletteActions(s: Signals, deps: SidebarDeps, log: (e: Usage) => void, load: () => Promise<void>) {
  return {
    openPalette: () => void (s.paletteOpen.value = true),
    closePalette: () => void (s.paletteOpen.value = false),
    paletteSearch: (query: string) => deps.ask('search:palette', { query, lang: s.lang.peek() }),
    openHit(hit: PaletteHit) {
      s.paletteOpen.value = false;
      s.focus.value = focusFor(hit, s.focus.peek() ?? {});
      if (hit.kind === 'competitor') s.selectedCard.value = hit.id;
      else if (hit.kind === 'objection') s.selectedCard.value = hit.competitorId ?? null;
      const card = s.selectedCard.peek();
      if (card && hit.kind !== 'account') log({ kind: 'card_view', competitorId: card });
      void load();
    },
    backToRecord() {
      s.focus.value = null;
      s.selectedCard.value = null;
      void load();
    },
  };
}

/** The frame's own shape: open or the rail, how wide, beside the page or over it; each change told to the content script. */
function panelActions(s: Signals, deps: SidebarDeps) {
  const layout = () => void deps.send({ type: 'layout', layout: { open: s.open.peek(), width: s.width.peek(), beside: s.beside.peek() } }).catch(() => undefined);
  return {
    layout,
    toggleBeside() {
      s.beside.value = !s.beside.peek();
      void deps.besideItem.setValue(s.beside.peek());
      layout();
    },
    toggle() {
      s.open.value = !s.open.peek();
      void deps.openItem.setValue(s.open.peek());
      layout();
    },
    /** Width in px; `done` when the drag or key press ends (then it is saved). */
    resize(next: number, done: boolean) {
      s.width.value = Math.round(Math.min(PANEL_MAX, Math.max(PANEL_MIN, next)));
      layout();
      if (done) void deps.widthItem.setValue(s.width.peek());
    },
  };
}

type Ids = { competitorId: string; objectionId: string };

/** What the rep does with a battlecard: switch tabs, open sections, copy or insert a response. */
function cardActions(s: Signals, deps: SidebarDeps, log: (e: Usage) => void, notify: (key: Notice) => void) {
  return {
    selectCard: (id: string | null) => void (s.selectedCard.value = id),
    viewed: (competitorId: string) => log({ kind: 'card_view', competitorId }),
    sectionOpened: (competitorId: string, section: string) => log({ kind: 'section_view', competitorId, section }),
    copy(text: string, ids: Ids) {
      void deps.copyText(text).catch(() => undefined);
      log({ kind: 'copy', competitorId: ids.competitorId, objectionId: ids.objectionId });
    },
    /** Into the reply box the rep last used; resolves false (and says so) when there is none. */
    insert(text: string, ids: Ids): Promise<boolean> {
      return deps.send({ type: 'insert', text }).then(
        (ok) => {
          if (ok === true) log({ kind: 'insert', competitorId: ids.competitorId, objectionId: ids.objectionId });
          else notify('insertNoBox');
          return ok === true;
        },
        () => false,
      );
    },
  };
}

export const SidebarModel = createModel((deps: SidebarDeps, init: SidebarInit) => {
  const s = createSignals(init);
  const log = usageLog(s, deps);
  const notices = noticeActions(s, deps);
  const record = recordActions(s, deps, log);
  return {
    ...s,
    ...derive(s),
    ...notices,
    ...record,
    ...paletteActions(s, deps, log, record.load),
    ...panelActions(s, deps),
    ...cardActions(s, deps, log, notices.notify),
    ...repActions(s, deps, record.load),
  };
});

export type SidebarModel = InstanceType<typeof SidebarModel>;
