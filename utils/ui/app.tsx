/**
 * The sidebar app, running in the extension-origin frame the content script hosts.
 * The page cannot read it (cross-origin), so battlecards never enter the page's DOM.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Sidebar, type SidebarActions } from '@/components/Sidebar';
import { ask } from '../ask';
import { pickLang } from '../i18n';
import { langSetting, panelOpen, panelWidth, PANEL_MAX, PANEL_MIN } from '../settings';
import type { UsageEvent } from '../store/db';
import { createSidebarState } from '../state/sidebar';
import type { PageContext } from '../sites/types';
import { frameLink } from '../platform';
import { stageSeenIn } from '../messages';
import { TOKEN_PARAM, type FrameInit, type ToContent } from './channel';
import { guardClicks } from './clickGuard';

/**
 * The token our content script put in this frame's URL fragment. Nothing the page can
 * post to this window is listened to (a forged token flood used to win the race).
 */
function tokenFromUrl(): string | null {
  return new URLSearchParams(location.hash.slice(1)).get(TOKEN_PARAM);
}

export async function startSidebarApp(root: HTMLElement): Promise<void> {
  const token = tokenFromUrl();
  // A copy of this page that some other page framed has no token: it shows nothing.
  if (!token) return;
  const site = new URLSearchParams(location.search).get('site') ?? 'site';
  // Firefox gives this frame no `tabs`: the link goes through the background there (utils/platform.ts).
  const link = await frameLink();
  const openItem = panelOpen(site);
  const widthItem = panelWidth(site);
  const [langPref, open, width] = await Promise.all([langSetting.getValue(), openItem.getValue(), widthItem.getValue()]);
  const state = createSidebarState(pickLang(browser.i18n.getUILanguage?.() ?? navigator.language, langPref === 'auto' ? null : langPref), open, width);
  document.documentElement.lang = state.lang.value;

  // Before the first render: no click reaches a control until the content script has said the frame is in plain view.
  const NOTICE_MS = 4_000;
  let noticeTimer: ReturnType<typeof setTimeout> | undefined;
  const notice = (key: 'clickRefused' | 'insertNoBox') => {
    state.notice.value = key;
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(() => (state.notice.value = null), NOTICE_MS);
  };
  const clicks = guardClicks(document, () => notice('clickRefused'));
  type Body = ToContent extends infer M ? (M extends ToContent ? Omit<M, 'frontline' | 'token'> : never) : never;
  const toContent = (msg: Body) => link.send({ frontline: 'ui', token, ...msg } as ToContent);
  const layout = () => void toContent({ type: 'layout', layout: { open: state.open.value, width: state.width.value } }).catch(() => undefined);

  let page: PageContext | null = null;

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
      // The CRM stage shown is remembered for the account's threads; the view never waits for that write.
      const seen = stageSeenIn(state.view.value, focus);
      if (seen) void ask('stage:seen', seen).catch(() => undefined);
      state.status.value = 'ready';
      state.error.value = null;
    } catch (e) {
      state.status.value = 'error';
      state.error.value = e instanceof Error ? e.message : String(e);
    }
  };

  const setPage = (next: PageContext | null) => {
    const sameRecord = page !== null && next !== null && page.site === next.site && page.recordId === next.recordId;
    page = next;
    // Ops count the record views the site's own selectors could not read (options page → Reading).
    if (!sameRecord && next?.read && next.read.layer !== 'selectors') usage({ kind: 'read_fallback', site: next.site, layer: next.read.layer, missing: next.read.missing ?? null });
    if (!sameRecord) {
      // Another record: what the rep browsed from search belonged to the last one.
      state.focus.value = null;
      state.selectedCard.value = null;
      state.paletteOpen.value = false;
    }
    void load();
  };

  /** Local usage log for ops analytics; never blocks the UI and never leaves the machine. */
  const usage = (event: Omit<UsageEvent, 'id' | 'at' | 'accountId'>) => {
    void ask('usage:log', { ...event, accountId: state.view.value?.account?.id ?? null }).catch(() => undefined);
  };

  const actions: SidebarActions = {
    toggle() {
      state.open.value = !state.open.value;
      void openItem.setValue(state.open.value);
      layout();
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
    insert: undefined,
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
    resize(next, done) {
      state.width.value = Math.round(Math.min(PANEL_MAX, Math.max(PANEL_MIN, next)));
      layout();
      if (done) void widthItem.setValue(state.width.value);
    },
  };

  const withInsert = (canInsert: boolean): SidebarActions => ({
    ...actions,
    insert: canInsert
      ? (text, ids) =>
          toContent({ type: 'insert', text }).then(
            (ok) => {
              if (ok === true) usage({ kind: 'insert', competitorId: ids.competitorId, objectionId: ids.objectionId });
              else notice('insertNoBox');
              return ok === true;
            },
            () => false,
          )
      : undefined,
  });

  link.onNudge((msg) => {
    if (msg.type === 'changed') void pull();
    else if (msg.type === 'toggle') actions.toggle();
    else if (msg.type === 'exposure') clicks.setExposure(msg.exposure);
  });

  /** The page's current reading, from our content script. */
  async function pull() {
    const got = (await toContent({ type: 'ready' }).catch(() => undefined)) as FrameInit | undefined;
    state.canInsert.value = got?.canInsert ?? false;
    if (got) clicks.setExposure(got.exposure);
    setPage(got?.ctx ?? null);
  }

  const App = () => <Sidebar state={state} actions={withInsert(state.canInsert.value)} />;
  render(<App />, root);
  layout();
  await pull();
}
