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
import { ask } from '../ask';
import { pickLang } from '../i18n';
import { langSetting, panelOpen } from '../settings';
import { createSidebarState } from '../state/sidebar';
import type { PageContext } from '../sites/types';
import { isToggle } from './toggle';
import { trackReplyBox } from './replyBox';

export interface RunOptions {
  site: string;
  extract(doc: Document, url: URL): PageContext | null;
  /** Webmail: offer "insert in reply". */
  replies?: boolean;
}

/** What makes two readings of the page the same record in the same state. */
function identity(pc: PageContext): string {
  return JSON.stringify([pc.site, pc.recordType, pc.recordId, pc.accountName, pc.accountId, pc.domains, pc.emails, pc.stage, pc.opportunityType, pc.competitorsField, pc.subject, pc.text.length]);
}

export async function runSidebar(ctx: ContentScriptContext, opts: RunOptions): Promise<void> {
  const openItem = panelOpen(opts.site);
  const [langPref, open] = await Promise.all([langSetting.getValue(), openItem.getValue()]);
  const state = createSidebarState(pickLang(browser.i18n.getUILanguage?.() ?? navigator.language, langPref === 'auto' ? null : langPref), open);
  const replies = opts.replies ? trackReplyBox(document) : null;
  ctx.onInvalidated(() => replies?.stop());

  let page: PageContext | null = null;
  let lastIdentity: string | null = null;
  let ui: ShadowRootContentScriptUi<HTMLElement> | null = null;

  const load = async () => {
    if (!page) return;
    state.status.value = 'loading';
    try {
      state.view.value = await ask('view:get', { ctx: page, lang: state.lang.value });
      state.status.value = 'ready';
      state.error.value = null;
    } catch (e) {
      if (!ctx.isValid) return;
      state.status.value = 'error';
      state.error.value = e instanceof Error ? e.message : String(e);
    }
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
      await load();
    },
    search: (query) => ask('account:search', { query, lang: state.lang.value }),
    copy(text) {
      void navigator.clipboard?.writeText(text).catch(() => undefined);
    },
    insert: replies ? (text) => void replies.insert(text) : undefined,
  };

  const mount = async () => {
    if (ui) return;
    ui = await createShadowRootUi(ctx, {
      name: 'frontline-sidebar',
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
    });
    ui.mount();
  };

  const refresh = async () => {
    const next = opts.extract(document, new URL(location.href));
    if (!next) {
      // Not a record (list, inbox, settings): no sidebar at all.
      page = null;
      lastIdentity = null;
      ui?.remove();
      ui = null;
      return;
    }
    const id = identity(next);
    if (id === lastIdentity) return;
    lastIdentity = id;
    page = next;
    await mount();
    await load();
  };

  let timer: number | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = ctx.setTimeout(() => void refresh(), 250);
  };

  ctx.addEventListener(window, 'wxt:locationchange', schedule);
  const observer = new MutationObserver((records) => {
    // Our own UI's mutations are not the page changing.
    if (records.every((r) => (r.target as Element).closest?.('frontline-sidebar'))) return;
    schedule();
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(() => {
    observer.disconnect();
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
