/**
 * The background's end of pushed views (utils/ui/viewPort.ts): the ports of sidebar
 * frames per tab with the language each wants, the tab's last reading, and the push.
 * Memory only, as a cache: a stopped worker loses the ports with it, and the frames
 * fall back to pulling.
 *
 * On a first load the reading comes in while the tab's frame is still loading (an
 * extension frame takes ~50 ms to commit): its view is built then, in the rep's
 * language, and handed to the frame the moment it connects, instead of being built
 * only once the frame has said its language.
 */
import type { Lang } from '../i18n';
import type { PageContext } from '../sites/types';
import type { SidebarView } from '../view/types';
import { VIEW_PORT, type PortLike, type Reading, type ViewPush } from '../ui/viewPort';

export interface ViewPushDeps {
  /** The view:get handler: the same view a pull would get. */
  build(ctx: PageContext, lang: Lang): Promise<SidebarView>;
  /** A view was pushed to `tabId` for the page of `token` (the toolbar icon follows it). */
  shown?(tabId: number, ctx: PageContext, view: SidebarView, token: string): void;
  /** This extension's id and its sidebar page's URL: only our frames' ports are kept. */
  runtimeId: string;
  framePage: string;
  /** The language the tab's frame will ask for (the rep's setting): a reading no frame is connected for yet is built in it at once. */
  expectedLang?(): Promise<Lang>;
  now?(): number;
}

/** A view built before its frame connected is handed over only this long; later, the frame gets one built afresh. */
export const EARLY_VIEW_MS = 3_000;

/** A tab's last reading, and its views by language as they are built. */
interface Last {
  reading: Reading;
  built: Map<Lang, Promise<SidebarView | null>>;
  at: number;
  /** A frame that connected late has been given the views built: the next one gets its own. */
  handed: boolean;
}

export function createViewPush(deps: ViewPushDeps) {
  /** Per tab, each frame port's language and token (null until the frame has said them). */
  const frames = new Map<number, Map<PortLike, { lang: Lang; token: string } | null>>();
  const last = new Map<number, Last>();
  const now = deps.now ?? Date.now;

  function viewIn(entry: Last, lang: Lang): Promise<SidebarView | null> {
    const ctx = entry.reading.init.ctx;
    if (!ctx) return Promise.resolve(null);
    // A view that fails to build is pushed as none: the frame pulls, and shows the error from its own view:get.
    if (!entry.built.has(lang)) entry.built.set(lang, deps.build(ctx, lang).catch(() => null));
    return entry.built.get(lang)!;
  }

  async function push(tabId: number, entry: Last, targets: [PortLike, Lang][]): Promise<number> {
    const { reading } = entry;
    const ctx = reading.init.ctx;
    let sent = 0;
    for (const [port, lang] of targets) {
      const view = await viewIn(entry, lang);
      // A newer reading arrived while this one was built: it is pushed on its own.
      if (last.get(tabId) !== entry) break;
      try {
        // The token stays here: the frame has it, and nothing else should.
        port.postMessage({ type: 'pushed', seq: reading.seq, init: reading.init, lang, view } satisfies ViewPush);
        sent++;
        if (view && ctx) deps.shown?.(tabId, ctx, view, reading.token);
      } catch {
        // disconnected meanwhile
      }
    }
    return sent;
  }

  return {
    /** runtime.onConnect: keeps the port if it is our sidebar frame's, in a tab. */
    accept(port: PortLike): boolean {
      const tabId = port.sender?.tab?.id;
      if (port.name !== VIEW_PORT || port.sender?.id !== deps.runtimeId || tabId === undefined || !port.sender.url?.startsWith(deps.framePage)) return false;
      const ports = frames.get(tabId) ?? new Map<PortLike, { lang: Lang; token: string } | null>();
      frames.set(tabId, ports.set(port, null));
      port.onMessage.addListener((raw) => {
        const m = raw as { type?: unknown; lang?: unknown; token?: unknown } | null;
        if (m?.type !== 'lang' || (m.lang !== 'en' && m.lang !== 'zh-CN') || typeof m.token !== 'string' || m.token.length > 100) return;
        const first = ports.get(port) === null;
        ports.set(port, { lang: m.lang, token: m.token });
        // A frame that connected after the tab's reading came in gets that reading now,
        // with the view built while it loaded when that is recent and no frame took it yet:
        // the state it shows (ticks included) may have moved on since.
        const entry = last.get(tabId);
        if (!first || !entry || entry.reading.token !== m.token) return;
        if (entry.handed || now() - entry.at > EARLY_VIEW_MS) {
          entry.built.clear();
          entry.at = now();
        }
        entry.handed = true;
        void push(tabId, entry, [[port, m.lang]]);
      });
      port.onDisconnect.addListener(() => {
        ports.delete(port);
        if (!ports.size) frames.delete(tabId);
      });
      return true;
    },
    /** A content script's reading (already checked by the message map): build once per language, push to the tab's frames. */
    prime(tabId: number, reading: Reading): Promise<number> {
      const prev = last.get(tabId);
      // Readings are numbered per content script: a page loaded in the tab since (a new
      // token) starts again at 1 and replaces the last page's reading, whatever its number.
      if (prev && prev.reading.token === reading.token && prev.reading.seq > reading.seq) return Promise.resolve(0);
      const entry: Last = { reading, built: new Map(), at: now(), handed: false };
      last.set(tabId, entry);
      const targets: [PortLike, Lang][] = [];
      for (const [port, said] of frames.get(tabId) ?? []) if (said && said.token === reading.token) targets.push([port, said.lang]);
      if (!targets.length && reading.init.ctx && deps.expectedLang) {
        // No frame to push to yet (it is loading): build the view now, for the frame to take when it connects.
        void deps.expectedLang().then(
          (lang) => void (last.get(tabId) === entry && viewIn(entry, lang)),
          () => undefined,
        );
      }
      return push(tabId, entry, targets);
    },
    /** The tab closed or left the site: its reading is dropped. */
    forget(tabId: number): void {
      last.delete(tabId);
    },
  };
}
