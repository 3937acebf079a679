/**
 * The first view after the worker wakes, per pack size (`--sizes`, default 10k and 50k
 * synthetic accounts, scripts/bench/synth.ts): each pack imported through the background
 * (`pack:import` round trip = activation), then the `view:get` round trip from an extension
 * page right after the worker was stopped (wake, open IndexedDB, load, index, match, view).
 * At the largest size, the worker's JS heap after that view:get against the heap right
 * after a wake with the bundled sample pack: what the worker holds for the pack and index.
 */
import { synthPack } from '../synth';
import type { Control } from './browser';
import { BUDGET, mb, progress, quantile, round } from './figures';
import { workerHeapUsed } from './workerHeap';

export interface ColdSize {
  accounts: number;
  packBytes: number;
  /** pack:import round trip: validate, store, index, swap (activation). */
  activateMs: number;
  activateBudgetMs: number;
  activateOk: boolean;
  runs: number;
  coldP50Ms: number;
  coldP95Ms: number;
  coldMaxMs: number;
  /** Same-run baseline: view:get with the worker already awake. */
  warmP50Ms: number;
  budgetMs: number;
  ok: boolean;
}

export interface WorkerHeap {
  accounts: number;
  /** Worker stopped, woken by a message that reads no pack (sync:status), sample pack active: JS heap + ArrayBuffers. */
  wokenSampleBytes: number;
  /** Worker stopped, woken by view:get with the big pack active: JS heap + ArrayBuffers. */
  afterViewBytes: number;
  /** What the pack and its index add, and how much of it is JS heap and how much ArrayBuffers (the stored index, packed accounts). */
  addedBytes: number;
  addedHeapBytes: number;
  addedBufferBytes: number;
  budgetBytes: number;
  ok: boolean;
}

async function oneSize(control: Control, accounts: number, coldRuns: number): Promise<ColdSize> {
  const synth = synthPack({ accounts });
  const text = JSON.stringify(synth.pack);
  progress(`cold first match: importing a ${accounts.toLocaleString('en')}-account pack (${mb(text.length)})`);
  const imported = await control.send('pack:import', { text, source: `bench:synthetic-${accounts}` });
  if (!imported.reply.ok) throw new Error(`the synthetic pack was not imported: ${imported.reply.error}`);
  const payload = { ctx: synth.crmPage, lang: 'en' };
  const cold: number[] = [];
  for (let i = 0; i < coldRuns; i++) {
    await control.stopWorker();
    const r = await control.send('view:get', payload);
    if (!r.reply.ok) throw new Error(`view:get failed: ${r.reply.error}`);
    cold.push(r.ms);
  }
  const warm: number[] = [];
  for (let i = 0; i < 20; i++) warm.push((await control.send('view:get', payload)).ms);
  const p50 = quantile(cold, 0.5);
  return {
    accounts,
    packBytes: text.length,
    activateMs: round(imported.ms),
    activateBudgetMs: BUDGET.activatePackMs,
    activateOk: imported.ms <= BUDGET.activatePackMs,
    runs: cold.length,
    coldP50Ms: round(p50),
    coldP95Ms: round(quantile(cold, 0.95)),
    coldMaxMs: round(Math.max(...cold)),
    warmP50Ms: round(quantile(warm, 0.5), 2),
    budgetMs: BUDGET.coldMatchMs,
    ok: p50 <= BUDGET.coldMatchMs,
  };
}

export async function coldMatch(control: Control, coldRuns: number, sizes: number[]): Promise<{ sizes: ColdSize[]; workerHeap: WorkerHeap | null }> {
  // Before any import: the worker with the bundled sample pack, just woken.
  progress('worker heap: woken with the sample pack');
  await control.stopWorker();
  await control.send('sync:status', {});
  const woken = await workerHeapUsed(control.cdp, control.extId);
  const out: ColdSize[] = [];
  const sorted = [...sizes].sort((a, b) => a - b);
  let workerHeap: WorkerHeap | null = null;
  for (const accounts of sorted) {
    out.push(await oneSize(control, accounts, coldRuns));
    if (accounts !== sorted.at(-1)) continue;
    progress(`worker heap: after view:get with ${accounts.toLocaleString('en')} accounts`);
    const synth = synthPack({ accounts });
    await control.stopWorker();
    await control.send('view:get', { ctx: synth.crmPage, lang: 'en' });
    const after = await workerHeapUsed(control.cdp, control.extId);
    const addedHeapBytes = after.heap - woken.heap;
    const addedBufferBytes = after.buffers - woken.buffers;
    const addedBytes = addedHeapBytes + addedBufferBytes;
    workerHeap = {
      accounts,
      wokenSampleBytes: woken.heap + woken.buffers,
      afterViewBytes: after.heap + after.buffers,
      addedBytes,
      addedHeapBytes,
      addedBufferBytes,
      budgetBytes: BUDGET.workerPackHeapBytes,
      ok: addedBytes <= BUDGET.workerPackHeapBytes,
    };
  }
  return { sizes: out, workerHeap };
}
