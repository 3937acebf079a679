/**
 * Pushed views: the content script sends each reading of the page to the background
 * once (`view:prime`), and the background builds the view at once and pushes reading and
 * view to the sidebar frames of that tab over the port each frame opened. The card then
 * needs two extension hops after the record is read instead of five (nudge, the frame's
 * pull from the content script and back, `view:get` and back; 8–15 ms each here).
 *
 * The data-free nudge and the pull stay, as the fallback: a worker that stopped has
 * dropped the ports (the frame sees the disconnect and pulls), and a frame that never
 * hears a push for a nudge pulls after PUSH_WAIT_MS. Readings are numbered by the
 * content script; a push and a pull of the same reading are one.
 */
import type { Lang } from '../i18n';
import type { SidebarView } from '../view/types';
import type { FrameInit } from './channel';

export const VIEW_PORT = 'frontline-view';
/** The content script's readings to the background (utils/background/readingPort.ts). */
export const READING_PORT = 'frontline-reading';

/** How long a frame whose port is open waits for the push of a nudged reading before it pulls. */
export const PUSH_WAIT_MS = 250;

/**
 * Frame → background over the port: the language its views are built in, and the token
 * its content script gave it. The background pushes a reading only to the ports holding
 * the token that came with it, so a copy of the frame that the page loads itself (it
 * never learns the token) is pushed nothing, as it is answered nothing.
 */
export interface ViewPortLang {
  type: 'lang';
  lang: Lang;
  token: string;
}

/** Background → frame: one reading, and the view built for it in `lang` (null: no record, or the build failed). */
export interface ViewPush {
  type: 'pushed';
  seq: number;
  init: FrameInit;
  lang: Lang;
  view: SidebarView | null;
}

/** One reading as the content script sends it to the background, with its frame's token. */
export interface Reading {
  seq: number;
  token: string;
  init: FrameInit;
}

export function isViewPush(raw: unknown): raw is ViewPush {
  if (typeof raw !== 'object' || raw === null) return false;
  const p = raw as Partial<ViewPush>;
  return p.type === 'pushed' && Number.isSafeInteger(p.seq) && typeof p.init === 'object' && p.init !== null && (p.lang === 'en' || p.lang === 'zh-CN');
}

/**
 * Whether the frame takes a pushed reading: a newer one than it has, or the one it has
 * already pulled while that reading's view is still on its way — the push carries the
 * view built, which saves the frame's own view:get round trip (on a first load the
 * pull's answer often arrives first).
 */
export function takesPush(push: Pick<ViewPush, 'seq' | 'view'>, taken: number, awaitingView: boolean): boolean {
  return push.seq > taken || (push.seq === taken && push.view !== null && awaitingView);
}

/** The port's two ends as both sides see them (browser.runtime.Port, or a fake in tests). */
export interface PortLike {
  name: string;
  sender?: { id?: string; url?: string; tab?: { id?: number } };
  postMessage(msg: unknown): void;
  onMessage: { addListener(fn: (msg: unknown) => void): void };
  onDisconnect: { addListener(fn: () => void): void };
}

export interface FrameViewPort {
  /** Connected: a nudged reading will come pushed. False once the background went away, until `reopen`. */
  readonly open: boolean;
  reopen(): void;
  setLang(lang: Lang): void;
}

/** The frame's end: connects now, reconnects only when asked (reconnecting on disconnect would keep waking a stopped worker). */
export function openViewPort(connect: () => PortLike, token: string, lang: () => Lang, onPush: (p: ViewPush) => void): FrameViewPort {
  let port: PortLike | null = null;
  const open = () => {
    const p = connect();
    port = p;
    p.onMessage.addListener((raw) => {
      if (isViewPush(raw)) onPush(raw);
    });
    p.onDisconnect.addListener(() => {
      if (port === p) port = null;
    });
    p.postMessage({ type: 'lang', lang: lang(), token } satisfies ViewPortLang);
  };
  open();
  return {
    get open() {
      return port !== null;
    },
    reopen: () => void (port ?? open()),
    setLang: (l) => port?.postMessage({ type: 'lang', lang: l, token } satisfies ViewPortLang),
  };
}
