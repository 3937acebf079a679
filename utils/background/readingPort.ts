/**
 * The background's end of the content script's readings (utils/content/readingLine.ts):
 * they come on a port, not by `runtime.sendMessage`. A message opens a channel each time
 * (the browser finds the listeners, opens a port, posts, closes it); a port open already
 * only posts. Measured between an extension page and the worker here, one way: 2.0 ms
 * by message, 0.7 ms on a port, idle; during an in-app switch, with the CRM repainting
 * on two cores, a message took ~10 ms to arrive.
 *
 * The port is opened with the first reading and again after the worker went away. A
 * reading posted just as the worker stops is lost: the frame then pulls on its own
 * (PUSH_WAIT_MS), as it does whenever no push comes.
 *
 * Only a content script in a tab's top frame may hold one: the background refuses every
 * other sender, and admits each message through the same message map as any other
 * (utils/messages.ts), for `view:prime` only.
 */
import { admit, type Request } from '../messages';
import { READING_PORT, type PortLike } from '../ui/viewPort';

type ReadingSender = PortLike['sender'] & { frameId?: number };

/** The background's end: keeps the port if a content script in a tab's top frame opened it, and primes its tab with each reading. */
export function acceptReadingPort(
  port: PortLike & { sender?: ReadingSender; disconnect?(): void },
  { runtimeId, extensionOrigin, prime }: { runtimeId: string; extensionOrigin: string; prime: (tabId: number, reading: Request<'view:prime'>) => void },
): boolean {
  if (port.name !== READING_PORT) return false;
  const s = port.sender;
  const tabId = s?.tab?.id;
  // Our extension pages (the sidebar frame included) and subframes have no reading to give.
  if (s?.id !== runtimeId || tabId === undefined || s.frameId !== 0 || !s.url || s.url.startsWith(extensionOrigin)) {
    port.disconnect?.();
    return true;
  }
  port.onMessage.addListener((raw) => {
    const verdict = admit(raw, 'content-script');
    if (verdict.ok && verdict.type === 'view:prime') prime(tabId, verdict.payload as Request<'view:prime'>);
  });
  return true;
}
