/**
 * The content script's end of its readings' port to the background
 * (utils/background/readingPort.ts says why a port): posts a reading, opening the port
 * first when there is none — with the first reading, and again after the worker went
 * away (a stopped worker disconnects it; opening it wakes the worker).
 */
import type { Request } from '../messages';

/** A port as the content script holds it. */
interface ContentPort {
  postMessage(msg: unknown): void;
  onDisconnect: { addListener(fn: () => void): void };
}

export function readingLine(connect: () => ContentPort): (payload: Request<'view:prime'>) => void {
  let port: ContentPort | null = null;
  const open = () => {
    const p = connect();
    p.onDisconnect.addListener(() => {
      if (port === p) port = null;
    });
    return (port = p);
  };
  return (payload) => {
    const message = { frontline: 1, type: 'view:prime', payload };
    try {
      (port ?? open()).postMessage(message);
    } catch {
      // Disconnected before we heard it (the worker stopped): once more on a new port.
      try {
        open().postMessage(message);
      } catch {
        port = null; // the extension was reloaded: this content script is going away
      }
    }
  };
}
