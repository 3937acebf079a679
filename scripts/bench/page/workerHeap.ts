/**
 * The service worker's memory: its JS heap and the ArrayBuffers it holds (the stored
 * match index is typed arrays, and so are a large pack's packed accounts), as
 * Runtime.getHeapUsage gives them (`usedSize`, `backingStorageSize`). Playwright opens CDP sessions on pages and frames only,
 * so a session on the control page attaches to the worker's target (Target.attachToTarget,
 * not flattened) and talks to it through Target.sendMessageToTarget.
 */
import type { CDPSession } from '@playwright/test';
import { quantile } from './figures';

export interface WorkerMemory {
  /** JS heap in use. */
  heap: number;
  /** ArrayBuffer backing stores (outside the JS heap). */
  buffers: number;
}

export async function workerHeapUsed(cdp: CDPSession, extId: string): Promise<WorkerMemory> {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extId}/`));
  if (!target) throw new Error('no running service worker to measure');
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
  let nextId = 1;
  const pending = new Map<number, (r: { result?: unknown; error?: { message: string } }) => void>();
  const onMessage = (e: { sessionId: string; message: string }) => {
    if (e.sessionId !== sessionId) return;
    const msg = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } };
    if (msg.id !== undefined) pending.get(msg.id)?.(msg);
  };
  cdp.on('Target.receivedMessageFromTarget', onMessage);
  const call = (method: string) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, (r) => (r.error ? reject(new Error(`${method}: ${r.error.message}`)) : resolve(r.result)));
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params: {} }) }).catch(reject);
    });
  try {
    const heap: number[] = [];
    const buffers: number[] = [];
    for (let i = 0; i < 3; i++) {
      await call('HeapProfiler.collectGarbage');
      const u = (await call('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
      heap.push(u.usedSize);
      buffers.push(u.backingStorageSize ?? 0);
    }
    return { heap: quantile(heap, 0.5), buffers: quantile(buffers, 0.5) };
  } finally {
    cdp.off('Target.receivedMessageFromTarget', onMessage);
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
  }
}
