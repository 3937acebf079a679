/** The bench's result as one object (`--json`) and as the table beside each budget. */
import { cpus, totalmem } from 'node:os';
import type { BareFloor } from './bareFloor';
import type { coldMatch } from './coldMatch';
import { BUDGET, kb, mark, mb, round } from './figures';
import type { heap } from './heap';
import { TIMELINE, type LatencyRow } from './latency';
import type { contentScriptSizes } from './sizes';
import type { storm } from './storm';

export interface Measured {
  chromium: string;
  runs: number;
  sizes: ReturnType<typeof contentScriptSizes>;
  sidebar: LatencyRow[];
  heapRows: Awaited<ReturnType<typeof heap>>;
  stormWith: Awaited<ReturnType<typeof storm>>;
  stormWithout: Awaited<ReturnType<typeof storm>>;
  cold: Awaited<ReturnType<typeof coldMatch>>;
  floor: BareFloor;
}

export type PageBenchResult = ReturnType<typeof benchResult>;

export function benchResult({ chromium: version, runs, sizes, sidebar, heapRows, stormWith, stormWithout, cold, floor }: Measured) {
  return {
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model.trim(), memoryGB: round(totalmem() / 2 ** 30, 1), node: process.version, chromium: version },
    method: {
      runsPerCase: runs,
      coldWorker: 'DevTools protocol ServiceWorker.stopAllWorkers from a CDP session on an extension page, waiting for runningStatus "stopped"',
      sidebarLatency:
        "from the page's performance.mark('record-rendered') (set when the record's key fields are on screen; on a switch, the first mark after it started) or, on pages that set none, DOMContentLoaded / the end of the page's popstate or hashchange handler → the sidebar frame shows the account name; epoch ms (timeOrigin + now) in both documents. Baseline: the page's own render, navigation start (or the switch's start) → rendered",
      workerHeap: 'Runtime.getHeapUsage of the service worker target after HeapProfiler.collectGarbage (median of 3), through Target.attachToTarget from the control page: JS heap (usedSize) plus ArrayBuffers (backingStorageSize: the stored index, packed accounts) after a view:get with the largest pack, minus the same right after a wake (sync:status) with the bundled sample pack',
      longTasks: 'PerformanceObserver longtask in the page, plus a DevTools trace; a task is the extension\'s when it ran our script and would be under 50 ms without it',
      heap: 'Runtime.getHeapUsage after HeapProfiler.collectGarbage, median of 3, the page with the extension (content script in its isolated world) minus without; the sidebar frame separately',
      floor: "a bare MV3 extension in a browser of its own, same build and pages: a content script that adds an iframe of the extension's one-line page at document_start (navigation timing and a mark from its module script), and a worker that answers any message at once (stopped by the same CDP call before each run)",
    },
    budgets: BUDGET,
    contentScripts: sizes,
    sidebar,
    storm: {
      withExtension: stormWith,
      withoutExtension: stormWithout,
      extensionLongTasks: stormWith.extensionLongTasks,
      budget: BUDGET.extensionLongTasks,
      ok: stormWith.extensionLongTasks <= BUDGET.extensionLongTasks,
    },
    heap: heapRows,
    coldFirstMatch: cold.sizes,
    workerHeap: cold.workerHeap,
    floor,
  };
}

export function printTable(result: PageBenchResult, log: (line: string) => void): void {
  const { contentScripts: sizes, sidebar, heap: heapRows, coldFirstMatch: cold } = result;
  const { withExtension: stormWith, withoutExtension: stormWithout } = result.storm;
  const version = result.machine.chromium;
  log(`\nFrontline in headless Chromium ${version}, ${result.machine.cpus}× ${result.machine.cpu}, Node ${result.machine.node}\n`);
  log('Content scripts (minified as built; budget ≤ 60 KB minified)');
  for (const s of sizes) log(`  ${s.file.padEnd(28)} ${kb(s.bytes).padStart(9)} min  ${kb(s.gzipBytes).padStart(9)} gz   ${mark(s.ok)}`);
  log(`\nRecord rendered → sidebar content, ${result.method.runsPerCase} runs each (goal p50 ≤ ${BUDGET.sidebarWarmP50Ms} ms warm, ≤ ${BUDGET.sidebarColdP50Ms} ms worker stopped)`);
  log(`  ${'page'.padEnd(22)} ${'path'.padEnd(10)} ${'worker'.padEnd(6)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'goal'.padStart(7)}      ${'page render'.padStart(11)}  from`);
  for (const r of sidebar) {
    const ph = r.phasesP50Ms;
    const phases = ph ? `  (content script ${ph.contentScriptMs} + sidebar frame ${ph.sidebarFrameMs})` : '';
    log(
      `  ${r.page.padEnd(22)} ${r.path.padEnd(10)} ${r.worker.padEnd(6)} ${`${r.p50Ms} ms`.padStart(8)} ${`${r.p95Ms} ms`.padStart(8)} ${`≤ ${r.budgetP50Ms}`.padStart(7)} ${mark(r.ok).padEnd(4)} ${`${r.pageRenderP50Ms} ms`.padStart(11)}  ${r.from}${phases}`,
    );
  }
  log("  (page render: the CRM's own, navigation start or the switch's start → rendered, p50 in the same runs)");
  log('  First loads, ms since the page\'s navigation start (p50 of each): ' + TIMELINE.join(' → '));
  for (const r of sidebar) if (r.timelineP50Ms) log(`  ${r.page.padEnd(22)} ${r.worker.padEnd(6)} ${TIMELINE.map((k) => String(r.timelineP50Ms![k])).join(' → ')}`);
  log("\nThe floor: a bare extension's frame and worker (see method.floor), beside ours in the same run (p50, ms)");
  log("  frame, since its navigation start: document parsed / first script running — bare · ours (first load, worker warm)");
  for (const f of result.floor.frames) {
    const t = sidebar.find((r) => r.page === f.page && r.path === 'first load' && r.worker === 'warm')?.timelineP50Ms;
    const ours = t ? `${round(t.frameParsed - t.frameStart)} / ${round(t.appBoot - t.frameStart)}` : 'n/a';
    log(`  ${f.page.padEnd(22)} ${f.parsedP50Ms} / ${f.scriptP50Ms} · ${ours}`);
  }
  const w = result.floor.worker;
  log(`  worker, one message's round trip: stopped ${w.bareStoppedP50Ms} · ours ${w.oursStoppedP50Ms} (sync:status); awake ${w.bareWarmP50Ms} · ours ${w.oursWarmP50Ms} (${w.runs} runs)`);
  log(`\nMutation storm, ${stormWith.seconds} s at ${stormWith.mutationsPerSecond.toLocaleString('en')} mutations/s (budget: ${BUDGET.extensionLongTasks} long tasks ≥ 50 ms from the extension)`);
  for (const [label, s] of [['with the extension', stormWith], ['without', stormWithout]] as const) {
    log(`  ${label.padEnd(20)} longtask entries ${String(s.performanceObserverLongTasks).padStart(3)} (${s.longTaskAttributions.join(', ') || 'none'}), trace tasks ≥ 50 ms ${s.traceLongTasks}, longest task ${s.longestTaskMs} ms`);
  }
  log(`  extension: ${stormWith.extensionCalls} observer calls, ${stormWith.extensionScriptMs} ms of script in ${stormWith.seconds} s, at most ${stormWith.maxExtensionMsInOneTask} ms in one task → ${stormWith.extensionLongTasks} long tasks from the extension   ${mark(result.storm.ok)}`);
  log('\nJS heap (after GC)');
  for (const h of heapRows) log(`  ${h.page.padEnd(24)} page with ${mb(h.withBytes)}, without ${mb(h.withoutBytes)} → added ${mb(h.addedBytes)}; sidebar frame ${mb(h.sidebarFrameBytes)} (extension process)`);
  log(`\nFirst view after the worker wakes (view:get round trip, worker stopped before each run; goal p50 ≤ ${BUDGET.coldMatchMs} ms; activation goal ≤ ${BUDGET.activatePackMs} ms)`);
  for (const c of cold) {
    log(
      `  ${`${c.accounts.toLocaleString('en')} accounts`.padEnd(17)} ${mb(c.packBytes).padStart(9)} pack  cold p50 ${c.coldP50Ms} ms, p95 ${c.coldP95Ms} ms, max ${c.coldMaxMs} ms (${c.runs} runs)   ${mark(c.ok)}   warm baseline p50 ${c.warmP50Ms} ms;  activation (pack:import) ${c.activateMs} ms   ${mark(c.activateOk)}`,
    );
  }
  const wh = result.workerHeap;
  if (wh) {
    log(`\nService worker memory, JS heap + ArrayBuffers (after GC; goal ≤ ${mb(BUDGET.workerPackHeapBytes)} for the pack and index)`);
    log(
      `  woken with the sample pack ${mb(wh.wokenSampleBytes)}; after view:get with ${wh.accounts.toLocaleString('en')} accounts ${mb(wh.afterViewBytes)} → pack + index ${mb(wh.addedBytes)} (JS heap ${mb(wh.addedHeapBytes)}, ArrayBuffers ${mb(wh.addedBufferBytes)})   ${mark(wh.ok)}`,
    );
  }
}
