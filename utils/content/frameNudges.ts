/**
 * How the content script nudges its sidebar frame. `runtime.sendMessage` goes to every
 * context of the extension at once, and Chrome holds it until a stopped service worker
 * has started: on an SPA switch with the worker stopped, the frame heard "the page
 * changed" 51 ms after it was said (of a 112 ms switch), though neither end needs the
 * worker for it. So the frame opens a port to us (`tabs.connect`, its tab's top frame)
 * and proves it with the token we gave it; nudges go on that port, at once. Until a
 * frame has said hello — and in Firefox, where the frame has no `tabs` and the
 * background relays (utils/platform.ts) — they go by `runtime.sendMessage` as before.
 *
 * Two ways can reorder: an exposure report broadcast before the hello may arrive after
 * a newer one sent on the port, and leave the frame refusing clicks on a stale "hidden".
 * So once its port is open the frame takes exposure from the port alone, and the current
 * exposure is the first thing sent on it.
 *
 * Only our own frame can be on the port: a page cannot connect to a content script,
 * and another extension page of ours without the token is not kept.
 */
import { FRAME_PORT, type FrameHello, type ToFrame } from '../ui/channel';

export interface NudgePort {
  name: string;
  sender?: { id?: string; url?: string };
  postMessage(msg: unknown): void;
  onMessage: { addListener(fn: (msg: unknown) => void): void };
  onDisconnect: { addListener(fn: () => void): void };
}

export interface NudgeDeps {
  runtimeId: string;
  /** Our frame's origin (the extension's, as this content script sees it). */
  frameOrigin: string;
  token: string;
  onConnect(listener: (port: NudgePort) => void): void;
  /** A frame's port was just accepted: what it should hear first (the current exposure: see below). */
  onHello?(port: NudgePort): void;
  /** The fallback: every context of the extension (the frame among them). */
  broadcast(msg: ToFrame): void;
}

export function frameNudges(deps: NudgeDeps): { tell(msg: ToFrame): void } {
  const ports = new Set<NudgePort>();
  deps.onConnect((port) => {
    if (port.name !== FRAME_PORT || port.sender?.id !== deps.runtimeId || !port.sender.url?.startsWith(deps.frameOrigin)) return;
    port.onMessage.addListener((raw) => {
      const m = raw as Partial<FrameHello> | null;
      if (m?.type !== 'hello' || m.token !== deps.token || ports.has(port)) return;
      ports.add(port);
      deps.onHello?.(port);
    });
    port.onDisconnect.addListener(() => ports.delete(port));
  });
  return {
    tell(msg) {
      let sent = false;
      for (const port of ports) {
        try {
          port.postMessage(msg);
          sent = true;
        } catch {
          ports.delete(port); // the frame went away
        }
      }
      // One way or the other, never both: a toggle heard twice would open and close the panel.
      if (!sent) deps.broadcast(msg);
    },
  };
}
