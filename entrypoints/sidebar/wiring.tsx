/**
 * The sidebar app, running in the extension-origin frame the content script hosts.
 * The page cannot read it (cross-origin), so battlecards never enter the page's DOM.
 * This module connects the model (utils/state/sidebar.ts) to the browser: the link to
 * the tab's content script, the stored settings, the click guard, the render.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Sidebar } from '@/components/Sidebar';
import { ask } from '@/utils/ask';
import { pickLang } from '@/utils/i18n';
import { frameLink, type FrameLink } from '@/utils/platform';
import { langSetting, panelBeside, panelOpen, panelWidth } from '@/utils/settings';
import { SidebarModel, type SidebarDeps, type SidebarInit, type ToContentBody } from '@/utils/state/sidebar';
import { PLACEMENT_PARAM, TOKEN_PARAM, type FrameInit, type ToContent } from '@/utils/ui/channel';
import { guardClicks } from '@/utils/ui/clickGuard';
import { openViewPort, PUSH_WAIT_MS, takesPush, VIEW_PORT, type PortLike } from '@/utils/ui/viewPort';
import { effect } from '@preact/signals';

/**
 * The token our content script put in this frame's URL fragment. Nothing the page can
 * post to this window is listened to (a forged token flood used to win the race).
 */
function tokenFromUrl(): string | null {
  return new URLSearchParams(location.hash.slice(1)).get(TOKEN_PARAM);
}

/** The model's dependencies in this frame; every message to the content script carries the token. */
/** This site's panel settings; the placement's fallback is the site's default, which our content script put in the URL. */
function panelSettings(site: string) {
  const beside = new URLSearchParams(location.search).get(PLACEMENT_PARAM) !== 'over';
  return { open: panelOpen(site), width: panelWidth(site), beside: panelBeside(site, beside) };
}

function browserDeps(link: FrameLink, token: string, site: string): SidebarDeps {
  const panel = panelSettings(site);
  return {
    ask,
    send: (msg: ToContentBody) => link.send({ frontline: 'ui', token, ...msg } as ToContent),
    openItem: panel.open,
    widthItem: panel.width,
    besideItem: panel.beside,
    copyText: (text) => navigator.clipboard?.writeText(text) ?? Promise.resolve(),
    after(ms, fn) {
      const id = setTimeout(fn, ms);
      return () => clearTimeout(id);
    },
  };
}

/** The rep's settings for this frame: language, and the panel's open state, width and placement on this site. */
async function readSettings(site: string): Promise<SidebarInit> {
  const panel = panelSettings(site);
  const [langPref, open, width, beside] = await Promise.all([langSetting.getValue(), panel.open.getValue(), panel.width.getValue(), panel.beside.getValue()]);
  const lang = pickLang(browser.i18n.getUILanguage?.() ?? navigator.language, langPref === 'auto' ? null : langPref);
  return { lang, open, width, beside };
}

export async function startSidebarApp(root: HTMLElement): Promise<void> {
  // Boot milestones, read by `npm run bench:page` to say where a first load's time goes.
  performance.mark('frontline:boot');
  const token = tokenFromUrl();
  // A copy of this page that some other page framed has no token: it shows nothing.
  if (!token) return;
  const site = new URLSearchParams(location.search).get('site') ?? 'site';
  // Boot is on the rep's critical path: the link to the tab and the settings are asked for together.
  // (Firefox gives this frame no `tabs`: the link goes through the background there, utils/platform.ts.)
  const [link, settings] = await Promise.all([frameLink(token), readSettings(site)]);
  performance.mark('frontline:linked');
  const deps = browserDeps(link, token, site);
  const model = new SidebarModel(deps, settings);
  document.documentElement.lang = model.lang.value;

  // Before the first render: no click reaches a control until the content script has said the frame is in plain view.
  const clicks = guardClicks(document, () => model.notify('clickRefused'));

  /** Exposure reports heard, so a pull's answer does not overwrite a newer one. */
  let exposureNudges = 0;
  /** The newest reading taken, pushed or pulled (utils/ui/viewPort.ts). */
  let taken = -1;
  const isNew = (seq: number | undefined) => seq === undefined || seq > taken;

  /**
   * The page's current reading, from our content script. `pushComing`: the view port has
   * just been opened, so the background pushes this reading with its view on its own.
   */
  async function pull(pushComing = false) {
    const nudgesBefore = exposureNudges;
    const got = (await deps.send({ type: 'ready' }).catch(() => undefined)) as FrameInit | undefined;
    // An exposure report that came in meanwhile may be newer than the answer's (another path).
    if (got && exposureNudges === nudgesBefore) clicks.setExposure(got.exposure);
    if (got && !isNew(got.seq)) return;
    if (got?.seq !== undefined) taken = got.seq;
    performance.mark('frontline:pulled');
    model.receive(got, undefined, pushComing && port.open);
  }

  // Pushed readings carry their view. Their exposure is not taken: it left the content
  // script before the exposure nudges that may overtake it on the shorter path.
  const port = openViewPort(
    () => browser.runtime.connect({ name: VIEW_PORT }) as PortLike,
    token,
    () => model.lang.peek(),
    (p) => {
      if (!takesPush(p, taken, model.view.peek() === null)) return;
      performance.mark('frontline:pushed');
      taken = p.seq;
      model.receive(p.init, p.view ? { view: p.view, lang: p.lang } : undefined);
    },
  );
  effect(() => port.setLang(model.lang.value));

  function changed(seq: number | undefined) {
    if (!isNew(seq)) return;
    // No port (the worker stopped since): pull now, and be ready for pushes again.
    if (!port.open || seq === undefined) {
      const reopened = !port.open;
      port.reopen();
      return void pull(reopened);
    }
    setTimeout(() => isNew(seq) && void pull(), PUSH_WAIT_MS);
  }

  link.onNudge((msg) => {
    if (msg.type === 'changed') changed(msg.seq);
    else if (msg.type === 'toggle') model.toggle();
    else if (msg.type === 'exposure') {
      exposureNudges++;
      clicks.setExposure(msg.exposure);
    }
  });

  // The layout first: the content script shows the host on it, so the exposure in the
  // answer to the pull that follows (same channel, in order) already says "in plain view"
  // and the rep's first click is not refused. The pull travels while the first render runs.
  model.layout();
  const pulled = pull(true);
  await firstView(model, FIRST_VIEW_WAIT_MS);
  render(<Sidebar model={model} />, root);
  await pulled;
}

/**
 * How long the first render waits for the first view. A warm worker pushes it a few ms
 * after the port opens; rendering the empty panel first held that push back behind the
 * render (one-off marks on a warm first load: the push reached the frame 12 ms after it
 * was posted, and the card showed ~14 ms later than when the first render is the view).
 * A stopped worker takes longer than this to answer: the panel then renders while it waits.
 */
const FIRST_VIEW_WAIT_MS = 50;

/** Resolves once the model has a view (or an error to show), or after `ms`. */
function firstView(model: SidebarModel, ms: number): Promise<void> {
  return new Promise((resolve) => {
    let settled = false;
    let stop: (() => void) | undefined;
    const done = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stop?.();
      resolve();
    };
    const timer = setTimeout(done, ms);
    stop = effect(() => {
      if (model.view.value || model.status.value === 'error') done();
    });
    if (settled) stop();
  });
}
