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
import { PUSH_WAIT_MS } from '../ui/viewPort';
import type { SidebarView } from '../view/types';
import { roleActions, roleSignals, type CopyItem, type RoleNotice } from './roleActions';
import { feedbackActions, searchMissTracker } from './feedback';
import { repActions } from './repActions';

export type Status = 'idle' | 'loading' | 'ready' | 'error';

/** A view the background built for the reading it was sent with, and the language it is in. */
export interface Pushed {
  view: SidebarView;
  lang: Lang;
}

/** What the rep opened from the palette: shown without being remembered for the record. */
export interface Focus {
  accountId?: string;
  competitorId?: string;
  scenarioId?: string;
  objectionId?: string;
}

export type Notice = 'clickRefused' | 'insertNoBox' | RoleNotice;

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
    ...roleSignals(),
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

  /** Bumped by every load and push: an answer that an older request gets late is dropped. */
  let generation = 0;

  function show(view: SidebarView, focus: Focus | null) {
    batch(() => {
      s.view.value = view;
      s.status.value = 'ready';
      s.error.value = null;
    });
    // The CRM stage shown is remembered for the account's threads; the view never waits for that write.
    const seen = stageSeenIn(view, focus);
    if (seen) void deps.ask('stage:seen', seen).catch(() => undefined);
  }

  async function load() {
    if (!page) return;
    const mine = ++generation;
    s.status.value = 'loading';
    try {
      const focus = s.focus.peek();
      const view = await deps.ask('view:get', {
        ctx: page,
        lang: s.lang.peek(),
        focus: focus ? { accountId: focus.accountId, competitorId: focus.competitorId, scenarioId: focus.scenarioId } : undefined,
      });
      // Another record (or a newer view of this one) arrived meanwhile: this answer is for the past.
      if (mine === generation) show(view, focus);
    } catch (e) {
      if (mine === generation) fail(e);
    }
  }

  function setPage(next: PageContext | null, pushed?: Pushed, pushExpected = false) {
    const sameRecord = page !== null && next !== null && page.site === next.site && page.recordId === next.recordId;
    const hadRecord = page !== null;
    page = next;
    // Ops count the record views the site's own selectors could not read (options page → Reading).
    if (!sameRecord && next?.read && next.read.layer !== 'selectors') log({ kind: 'read_fallback', site: next.site, layer: next.read.layer, missing: next.read.missing ?? null });
    if (!sameRecord) {
      // Another record (or none): the last record's card must not stand in for this one
      // while its view loads — a wrong account is worse than "Reading this record…".
      s.view.value = null;
      s.status.value = 'idle';
    }
    // What the rep browsed from search belonged to the last record; a search opened
    // while the first one was still being read is the rep's, and stays.
    if (!sameRecord && hadRecord) {
      s.focus.value = null;
      s.selectedCard.value = null;
      s.paletteOpen.value = false;
    }
    // A view the background pushed with the reading is this record's, built without focus:
    // taken as is unless the rep is browsing from search on this same record.
    if (pushed && next && s.focus.peek() === null && pushed.lang === s.lang.peek()) {
      ++generation;
      show(pushed.view, null);
    } else if (pushExpected && next && !sameRecord) {
      // The background is about to push this reading with its view (the frame's view port
      // was just opened): a view:get of our own would build it a second time in the worker
      // meanwhile. It is asked for only when no push has come within PUSH_WAIT_MS.
      s.status.value = 'loading';
      const mine = ++generation;
      deps.after(PUSH_WAIT_MS, () => mine === generation && void load());
    } else void load();
  }

  return {
    load,
    retry: () => void load(),
    /**
     * The content script's answer to `ready` (undefined when it did not answer), or a
     * pushed reading with its view; `pushExpected`: a pulled reading whose push is on its way.
     */
    receive(init: FrameInit | undefined, pushed?: Pushed, pushExpected = false) {
      // No answer once a record is shown (a message lost while the tab was busy) says
      // nothing about the page: the card stays rather than blanking to "Reading…".
      if (init === undefined && page !== null) return;
      s.canInsert.value = init?.canInsert ?? false;
      setPage(init?.ctx ?? null, pushed, pushExpected);
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
  // Searches that found nothing go to the Feedback report (utils/state/feedback.ts).
  const misses = searchMissTracker((query) => log({ kind: 'search_miss', query }));
  return {
    openPalette: () => {
      misses.opened();
      s.paletteOpen.value = true;
    },
    closePalette: () => {
      misses.closed();
      s.paletteOpen.value = false;
    },
    paletteSearch: async (query: string) => {
      const hits = await deps.ask('search:palette', { query, lang: s.lang.peek() });
      misses.searched(query, hits.length);
      return hits;
    },
    openHit(hit: PaletteHit) {
      misses.opened();
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

/** What the usage log keeps of a copied or inserted text: the card and the objection, when it is one. */
function idsOf(item: CopyItem): { competitorId?: string; objectionId?: string } {
  const r = item.ref;
  if (r.kind === 'objection') return { competitorId: r.competitorId, objectionId: r.id };
  return 'competitorId' in r ? { competitorId: r.competitorId } : {};
}

/** What the rep does with a battlecard: switch tabs, open sections, copy or insert a text. */
function cardActions(s: Signals, deps: SidebarDeps, log: (e: Usage) => void, notify: (key: Notice) => void) {
  return {
    selectCard: (id: string | null) => void (s.selectedCard.value = id),
    viewed: (competitorId: string) => log({ kind: 'card_view', competitorId }),
    sectionOpened: (competitorId: string, section: string) => log({ kind: 'section_view', competitorId, section }),
    /** To the clipboard; internal text says so, as it must not reach a customer. */
    copy(item: CopyItem) {
      void deps.copyText(item.text).catch(() => undefined);
      if (item.audience === 'internal') notify('copiedInternal');
      log({ kind: 'copy', ...idsOf(item) });
    },
    /**
     * Into the reply box the rep last used, by ref: the content script inserts what the
     * background gives for it, customer-safe text only. Resolves false (and says why)
     * when nothing was inserted.
     */
    insert(item: CopyItem): Promise<boolean> {
      if (item.audience !== 'customer') {
        notify('insertRefused');
        return Promise.resolve(false);
      }
      return deps.send({ type: 'insert', ref: item.ref, lang: s.lang.peek() }).then(
        (ok) => {
          if (ok === true) log({ kind: 'insert', ...idsOf(item) });
          else notify('insertNoBox');
          return ok === true;
        },
        () => false,
      );
    },
  };
}

/** "Ask for help" (issue 19): the link opens the channel; the message also goes to the clipboard, for channels whose links take none. */
function expertActions(deps: SidebarDeps, log: (e: Usage) => void) {
  return {
    askExpert(expertId: string, message: string, channel: string) {
      void deps.copyText(message).catch(() => undefined);
      log({ kind: 'expert_ask', expertId, section: channel });
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
    ...roleActions(s, deps, record.load),
    ...expertActions(deps, log),
    ...feedbackActions(s.view, deps),
    ...repActions(s, deps, record.load),
  };
});

export type SidebarModel = InstanceType<typeof SidebarModel>;
