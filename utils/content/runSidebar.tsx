/**
 * The content-script side: read the page with the site's adapter, ask the
 * background for the view, render the sidebar in a shadow root. Everything is tied
 * to `ctx` so an invalidated context (extension updated) removes itself quietly.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Sidebar, type SidebarActions } from '@/components/Sidebar';
import sidebarCss from '@/components/sidebar.css?inline';
import { ask } from '../ask';
import { pickLang } from '../i18n';
import { langSetting, panelOpen, panelWidth, PANEL_MAX, PANEL_MIN } from '../settings';
import type { UsageEvent } from '../store/db';
import { createSidebarState } from '../state/sidebar';
import type { PageContext } from '../sites/types';
import type { Site } from '../sites/site';
import { isToggle } from './toggle';
import { trackReplyBox } from './replyBox';

export interface RunOptions {
  /** The sites this content script reads (its bundle holds only their adapters). */
  sites: Site[];
  /** Webmail: offer "insert in reply". */
  replies?: boolean;
}

/** What makes two readings of the page the same record in the same state. */
function identity(pc: PageContext): string {
  return JSON.stringify([pc.site, pc.recordType, pc.recordId, pc.accountName, pc.accountId, pc.domains, pc.emails, pc.stage, pc.opportunityType, pc.competitorsField, pc.subject, pc.text.length]);
}

export async function runSidebar(ctx: ContentScriptContext, opts: RunOptions): Promise<void> {
  const site = opts.sites.find((s) => s.matches(new URL(location.href)));
  // A host our match patterns cover but no adapter reads (a marketing page, settings): nothing to do.
  if (!site) return;
  const openItem = panelOpen(site.id);
  const widthItem = panelWidth(site.id);
  const [langPref, open, width] = await Promise.all([langSetting.getValue(), openItem.getValue(), widthItem.getValue()]);
  const state = createSidebarState(pickLang(browser.i18n.getUILanguage?.() ?? navigator.language, langPref === 'auto' ? null : langPref), open, width);
  const replies = opts.replies ? trackReplyBox(document) : null;
  ctx.onInvalidated(() => replies?.stop());

  let page: PageContext | null = null;
  let lastIdentity: string | null = null;
  let ui: ShadowRootContentScriptUi<HTMLElement> | null = null;

  const load = async () => {
    if (!page) return;
    state.status.value = 'loading';
    try {
      const focus = state.focus.value;
      state.view.value = await ask('view:get', {
        ctx: page,
        lang: state.lang.value,
        focus: focus ? { accountId: focus.accountId, competitorId: focus.competitorId, scenarioId: focus.scenarioId } : undefined,
      });
      state.status.value = 'ready';
      state.error.value = null;
    } catch (e) {
      if (!ctx.isValid) return;
      state.status.value = 'error';
      state.error.value = e instanceof Error ? e.message : String(e);
    }
  };

  /** Local usage log for ops analytics; never blocks the UI and never leaves the machine. */
  const usage = (event: Omit<UsageEvent, 'id' | 'at' | 'accountId'>) => {
    void ask('usage:log', { ...event, accountId: state.view.value?.account?.id ?? null }).catch(() => undefined);
  };

  const actions: SidebarActions = {
    toggle() {
      state.open.value = !state.open.value;
      void openItem.setValue(state.open.value);
    },
    retry: () => void load(),
    async tick(itemId, done, label) {
      const c = state.view.value?.checklist;
      if (!c || !state.view.value) return;
      const items = c.items.map((i) => (i.id === itemId ? { ...i, done } : i));
      state.view.value = { ...state.view.value, checklist: { ...c, items, doneCount: items.filter((i) => i.done).length } };
      try {
        await ask('checklist:set', { accountId: c.accountId, playbookId: c.playbookId, stageId: c.stageId, itemId, done, label });
        usage({ kind: done ? 'tick' : 'untick', playbookId: c.playbookId, stageId: c.stageId, itemId });
      } catch (e) {
        state.status.value = 'error';
        state.error.value = e instanceof Error ? e.message : String(e);
        await load();
      }
    },
    async pick(accountId) {
      const key = state.view.value?.recordKey;
      if (!key) return;
      await ask('account:pick', { recordKey: key, accountId });
      state.focus.value = null;
      await load();
    },
    search: (query) => ask('account:search', { query, lang: state.lang.value }),
    copy(text, ids) {
      void navigator.clipboard?.writeText(text).catch(() => undefined);
      usage({ kind: 'copy', competitorId: ids.competitorId, objectionId: ids.objectionId });
    },
    insert: replies
      ? (text, ids) => {
          if (replies.insert(text)) usage({ kind: 'insert', competitorId: ids.competitorId, objectionId: ids.objectionId });
        }
      : undefined,
    viewed: (competitorId) => usage({ kind: 'card_view', competitorId }),
    sectionOpened: (competitorId, section) => usage({ kind: 'section_view', competitorId, section }),
    paletteSearch: (query) => ask('search:palette', { query, lang: state.lang.value }),
    openHit(hit) {
      const current = state.focus.value ?? {};
      if (hit.kind === 'account') state.focus.value = { accountId: hit.id };
      else if (hit.kind === 'competitor') state.focus.value = { accountId: current.accountId, competitorId: hit.id };
      else if (hit.kind === 'objection') state.focus.value = { accountId: current.accountId, competitorId: hit.competitorId, objectionId: hit.id };
      else state.focus.value = { accountId: current.accountId, scenarioId: hit.id };
      state.selectedCard.value = hit.kind === 'competitor' ? hit.id : hit.kind === 'objection' ? (hit.competitorId ?? null) : state.selectedCard.value;
      if (state.selectedCard.value && hit.kind !== 'account') usage({ kind: 'card_view', competitorId: state.selectedCard.value });
      void load();
    },
    backToRecord() {
      state.focus.value = null;
      state.selectedCard.value = null;
      void load();
    },
    resize(width, done) {
      state.width.value = Math.round(Math.min(PANEL_MAX, Math.max(PANEL_MIN, width)));
      if (done) void widthItem.setValue(state.width.value);
    },
  };

  // One sidebar per tab, however many refreshes race: the UI is created once and shared.
  let uiPromise: Promise<ShadowRootContentScriptUi<HTMLElement>> | null = null;
  const mount = async () => {
    uiPromise ??= createShadowRootUi(ctx, {
      name: 'frontline-sidebar',
      css: sidebarCss,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount(container) {
        render(<Sidebar state={state} actions={actions} />, container);
        return container;
      },
      onRemove(container) {
        if (container) render(null, container);
      },
    }).then((created) => {
      created.mount();
      return created;
    });
    ui = await uiPromise;
  };
  const unmount = async () => {
    const pending = uiPromise;
    uiPromise = null;
    ui = null;
    (await pending)?.remove();
  };

  let observer: MutationObserver | null = null;
  // Refreshes run one after another, so two readings of the page never interleave.
  let queue: Promise<void> = Promise.resolve();
  const refresh = () => (queue = queue.then(readPage, readPage));
  const readPage = async () => {
    const url = new URL(location.href);
    // URL first: on lists, inboxes and settings we read no DOM and watch no mutations.
    const next = site.isRecord(url) ? site.extract(document, url) : null;
    watch(site.isRecord(url));
    if (!next) {
      // Not a record (list, inbox, settings): no sidebar at all.
      page = null;
      lastIdentity = null;
      await unmount();
      return;
    }
    const id = identity(next);
    if (id === lastIdentity) return;
    const sameRecord = page !== null && page.site === next.site && page.recordId === next.recordId;
    lastIdentity = id;
    page = next;
    if (!sameRecord) {
      // Another record: what the rep browsed from search belonged to the last one.
      state.focus.value = null;
      state.selectedCard.value = null;
      state.paletteOpen.value = false;
    }
    await mount();
    await load();
  };

  let timer: number | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = ctx.setTimeout(() => void refresh(), 250);
  };

  /** One debounced observer, only while the URL can show a record. */
  function watch(on: boolean) {
    if (on && !observer) {
      observer = new MutationObserver((records) => {
        // Our own UI's mutations are not the page changing.
        if (records.every((r) => (r.target as Element).closest?.('frontline-sidebar'))) return;
        schedule();
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    } else if (!on && observer) {
      observer.disconnect();
      observer = null;
    }
  }

  ctx.addEventListener(window, 'wxt:locationchange', schedule);
  ctx.onInvalidated(() => {
    observer?.disconnect();
    clearTimeout(timer);
  });

  browser.runtime.onMessage.addListener((msg: unknown, sender) => {
    if (sender.id !== browser.runtime.id || !isToggle(msg)) return undefined;
    if (!ui && page) void mount();
    actions.toggle();
    return undefined;
  });

  await refresh();
}
