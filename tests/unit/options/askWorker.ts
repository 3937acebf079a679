/**
 * The options page's `ask`, answered by a real background service over in-memory
 * storage: each request goes through the same admission as in the browser (an
 * extension page sending it), so a payload the page builds wrong fails here too.
 */
import { admit, type MessageType, type Request, type Responses } from '../../../utils/messages';
import { envelope } from '../../../utils/envelope';
import type { Worker } from '../sync/harness';
import type { Ask } from '../../../entrypoints/options/importModel';

export function askWorker(worker: () => Worker) {
  const sent: MessageType[] = [];
  const ask = (async <K extends MessageType>(type: K, payload: Request<K>): Promise<Responses[K]> => {
    const verdict = admit(envelope(type, payload), 'extension-page');
    if (!verdict.ok) throw new Error(verdict.error);
    sent.push(type);
    const handler = worker()[type] as (p: unknown) => Promise<Responses[K]>;
    return handler(verdict.payload);
  }) as Ask;
  return { ask, sent };
}
