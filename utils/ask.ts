/** Sends a typed request to the background and unwraps its reply. */
import { browser } from 'wxt/browser';
import { envelope, type Reply } from './envelope';
import type { MessageType, Request, Responses } from './messages';

export async function ask<K extends MessageType>(type: K, payload: Request<K>): Promise<Responses[K]> {
  const reply = (await browser.runtime.sendMessage(envelope(type, payload))) as Reply<Responses[K]> | undefined;
  if (!reply) throw new Error('no answer from the Frontline background');
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}
