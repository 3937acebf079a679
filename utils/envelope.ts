/**
 * The wire shape of a request to the background and of its reply. Apart from the
 * message map (utils/messages.ts) so that what only sends requests (utils/ask.ts, in
 * content scripts) carries no schemas: the background validates, senders do not.
 */
import type { MessageType, Request } from './messages';

export interface Envelope<K extends MessageType = MessageType> {
  frontline: 1;
  type: K;
  payload: Request<K>;
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

export function envelope<K extends MessageType>(type: K, payload: Request<K>): Envelope<K> {
  return { frontline: 1, type, payload };
}
