/**
 * Where browsers differ, in one place (docs/architecture.md, "Browser differences").
 *
 * The sidebar frame is an extension page inside a web page. Chrome gives such a frame
 * the full extension API; Firefox (and Safari) give it what a content script gets —
 * runtime, storage, i18n, no `tabs` — and expect the background to relay. So the frame
 * reaches its tab's content script through `frameLink()`: `tabs.sendMessage` where the
 * frame has it, otherwise one hop through the background (`relayFromFrame`, MV2's
 * persistent background page in Firefox, always running). Such a frame does not hear
 * the content script's `runtime.sendMessage` nudges either, so there it holds a port to
 * the background, which passes on the nudges of the frame's own tab (`nudgeFrames`).
 * The choice is made by what the frame has, not by the browser's name.
 */
import { browser } from 'wxt/browser';
import { isUiMessage, FRAME_PAGE, FRAME_PORT, type Exposure, type FrameHello, type ToContent, type ToFrame } from './ui/channel';

/** Frame → background: "forward this to my tab's top frame" (or, without `msg`, "which tab am I in?"). */
export interface RelayRequest {
  frontline: 'ui-relay';
  msg?: ToContent;
}

const isRelay = (raw: unknown): raw is RelayRequest => typeof raw === 'object' && raw !== null && (raw as { frontline?: unknown }).frontline === 'ui-relay';

export interface FrameLink {
  tabId: number;
  /** Sends to the content script in the tab's top frame and resolves with its answer. */
  send(msg: ToContent): Promise<unknown>;
  /** Nudges (and exposure reports: geometry, no page data) from the content script of this tab's top frame, and from nothing else. */
  onNudge(listener: (msg: ToFrame) => void): void;
}

const RELAY_PORT = 'frontline-ui-relay';
const isNudge = (raw: unknown): raw is ToFrame =>
  isUiMessage(raw) && !('token' in raw) && (raw.type === 'changed' || raw.type === 'toggle' || (raw.type === 'exposure' && isExposure((raw as { exposure?: unknown }).exposure)));

/** An exposure report as the content script sends it: a reason or null, and at most a grid's worth of number quadruples. */
function isExposure(x: unknown): x is Exposure {
  if (typeof x !== 'object' || x === null) return false;
  const e = x as { hidden?: unknown; covered?: unknown };
  if (e.hidden !== null && typeof e.hidden !== 'string') return false;
  return Array.isArray(e.covered) && e.covered.length <= 4096 && e.covered.every((c) => Array.isArray(c) && c.length === 4 && c.every((n) => typeof n === 'number'));
}

/** What a relayed frame is sent: the nudge itself, with nothing but its type (and, for exposure, the geometry). */
const forwarded = (raw: ToFrame): ToFrame => {
  if (raw.type === 'exposure') return { frontline: 'ui', type: 'exposure', exposure: raw.exposure };
  if (raw.type === 'changed' && Number.isSafeInteger(raw.seq)) return { frontline: 'ui', type: 'changed', seq: raw.seq };
  return { frontline: 'ui', type: raw.type };
};

/** The sidebar frame's line to its content script; `token` is the one that content script gave this frame. */
export async function frameLink(token: string): Promise<FrameLink> {
  const tabs = (browser as { tabs?: typeof browser.tabs }).tabs;
  if (tabs?.getCurrent && tabs.sendMessage) {
    const tabId = (await tabs.getCurrent())?.id;
    if (tabId === undefined) throw new Error('the Frontline sidebar must run inside a tab');
    return {
      tabId,
      send: (msg) => tabs.sendMessage(tabId, msg, { frameId: 0 }),
      onNudge(listener) {
        let direct = false;
        browser.runtime.onMessage.addListener((raw: unknown, sender) => {
          // Only our own content script, in our own tab's top frame; exposure from the port alone once it is open (frameNudges.ts).
          if (isNudge(raw) && !(direct && raw.type === 'exposure') && sender.id === browser.runtime.id && sender.tab?.id === tabId && sender.frameId === 0) listener(raw);
          return undefined;
        });
        // The direct line (utils/content/frameNudges.ts): nudges that do not wait for a stopped worker to start.
        if (tabs.connect) {
          direct = true;
          const port = tabs.connect(tabId, { frameId: 0, name: FRAME_PORT });
          port.onMessage.addListener((raw: unknown) => {
            if (isNudge(raw)) listener(raw);
          });
          port.postMessage({ type: 'hello', token } satisfies FrameHello);
        }
      },
    };
  }
  const tabId = (await browser.runtime.sendMessage({ frontline: 'ui-relay' } satisfies RelayRequest)) as number | undefined;
  if (typeof tabId !== 'number') throw new Error('the Frontline sidebar must run inside a tab');
  return {
    tabId,
    send: (msg) => browser.runtime.sendMessage({ frontline: 'ui-relay', msg } satisfies RelayRequest),
    onNudge(listener) {
      // Only the background can answer on a port this extension opened; it sends this tab's nudges alone.
      const port = browser.runtime.connect({ name: RELAY_PORT });
      port.onMessage.addListener((raw: unknown) => {
        if (isNudge(raw)) listener(raw);
      });
    },
  };
}

/**
 * The background's half of the relay: only our sidebar frame, sitting in a tab, is
 * served, and only towards that tab's top frame. The content script still checks the
 * token inside `msg`, so the relay grants nothing a frame could not do in Chrome.
 * Returns undefined when `raw` is not a relay request (the caller stays silent).
 */
export function relayFromFrame(raw: unknown, sender: { id?: string; url?: string; tab?: { id?: number } }): Promise<unknown> | undefined {
  if (!isRelay(raw)) return undefined;
  const tabId = sender.tab?.id;
  const framePage = browser.runtime.getURL(FRAME_PAGE as '/sidebar.html');
  if (sender.id !== browser.runtime.id || tabId === undefined || !sender.url?.startsWith(framePage)) return Promise.resolve(undefined);
  if (raw.msg === undefined) return Promise.resolve(tabId);
  if (!isUiMessage(raw.msg)) return Promise.resolve(undefined);
  return browser.tabs.sendMessage(tabId, raw.msg, { frameId: 0 });
}

const framePorts = new Map<number, Set<ReturnType<typeof browser.runtime.connect>>>();

/** Background: keeps the ports of sidebar frames that cannot hear nudges themselves, per tab. */
export function acceptFramePorts(): void {
  const framePage = browser.runtime.getURL(FRAME_PAGE as '/sidebar.html');
  browser.runtime.onConnect.addListener((port) => {
    const tabId = port.sender?.tab?.id;
    if (port.name !== RELAY_PORT || port.sender?.id !== browser.runtime.id || tabId === undefined || !port.sender.url?.startsWith(framePage)) return;
    const ports = framePorts.get(tabId) ?? new Set();
    framePorts.set(tabId, ports.add(port));
    port.onDisconnect.addListener(() => {
      ports.delete(port);
      if (!ports.size) framePorts.delete(tabId);
    });
  });
}

/**
 * Background: a content script's nudge, passed on to the relayed frames of its own tab.
 * Nudges carry no data; the frame pulls the page's context with its token.
 */
export function nudgeFrames(raw: unknown, sender: { id?: string; url?: string; tab?: { id?: number }; frameId?: number }): void {
  const tabId = sender.tab?.id;
  if (!isNudge(raw) || sender.id !== browser.runtime.id || tabId === undefined || sender.frameId !== 0) return;
  if (sender.url?.startsWith(browser.runtime.getURL('/'))) return; // a nudge comes from a content script, never an extension page
  for (const port of framePorts.get(tabId) ?? []) port.postMessage(forwarded(raw));
}
