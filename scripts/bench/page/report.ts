/** The bench's result as one object (`--json`) and as the table beside each budget. */
import { cpus, totalmem } from 'node:os';
import type { coldMatch } from './coldMatch';
import { BUDGET, kb, mark, mb, round } from './figures';
import type { heap } from './heap';
import type { LatencyRow } from './latency';
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
}

export type PageBenchResult = ReturnType<typeof benchResult>;

export function benchResult({ chromium: version, runs, sizes, sidebar, heapRows, stormWith, stormWithout, cold }: Measured) {
  return {
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model.trim(), memoryGB: round(totalmem() / 2 ** 30, 1), node: process.version, chromium: version },
    method: {
      runsPerCase: runs,
      coldWorker: 'DevTools protocol ServiceWorker.stopAllWorkers from a CDP session on an extension page, waiting for runningStatus "stopped"',
      sidebarLatency: 'first load: DOMContentLoaded → the sidebar frame shows the account name; SPA switch: the page rendered the other record (popstate / hashchange) → the frame shows its account name; epoch ms (timeOrigin + now) in both documents',
      longTasks: 'PerformanceObserver longtask in the page, plus a DevTools trace; a task is the extension\'s when it ran our script and would be under 50 ms without it',
      heap: 'Runtime.getHeapUsage after HeapProfiler.collectGarbage, median of 3, the page with the extension (content script in its isolated world) minus without; the sidebar frame separately',
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
    coldFirstMatch: cold,
  };
}

export function printTable(result: PageBenchResult, log: (line: string) => void): void {
  const { contentScripts: sizes, sidebar, heap: heapRows, coldFirstMatch: cold } = result;
  const { withExtension: stormWith, withoutExtension: stormWithout } = result.storm;
  const version = result.machine.chromium;
  log(`\nFrontline in headless Chromium ${version}, ${result.machine.cpus}× ${result.machine.cpu}, Node ${result.machine.node}\n`);
  log('Content scripts (minified as built; budget ≤ 60 KB minified)');
  for (const s of sizes) log(`  ${s.file.padEnd(28)} ${kb(s.bytes).padStart(9)} min  ${kb(s.gzipBytes).padStart(9)} gz   ${mark(s.ok)}`);
  log(`\nRecord rendered → sidebar content, ${result.method.runsPerCase} runs each (budget p50 ≤ ${BUDGET.sidebarP50Ms} ms)`);
  log(`  ${'page'.padEnd(24)} ${'path'.padEnd(11)} ${'worker'.padEnd(6)} ${'p50'.padStart(9)} ${'p95'.padStart(9)}`);
  for (const r of sidebar) {
    const ph = r.phasesP50Ms;
    const phases = ph ? `   (content script ${ph.contentScriptMs} + sidebar frame ${ph.sidebarFrameMs})` : '';
    log(`  ${r.page.padEnd(24)} ${r.path.padEnd(11)} ${r.worker.padEnd(6)} ${`${r.p50Ms} ms`.padStart(9)} ${`${r.p95Ms} ms`.padStart(9)}   ${mark(r.ok)}${phases}`);
  }
  log(`\nMutation storm, ${stormWith.seconds} s at ${stormWith.mutationsPerSecond.toLocaleString('en')} mutations/s (budget: ${BUDGET.extensionLongTasks} long tasks ≥ 50 ms from the extension)`);
  for (const [label, s] of [['with the extension', stormWith], ['without', stormWithout]] as const) {
    log(`  ${label.padEnd(20)} longtask entries ${String(s.performanceObserverLongTasks).padStart(3)} (${s.longTaskAttributions.join(', ') || 'none'}), trace tasks ≥ 50 ms ${s.traceLongTasks}, longest task ${s.longestTaskMs} ms`);
  }
  log(`  extension: ${stormWith.extensionCalls} observer calls, ${stormWith.extensionScriptMs} ms of script in ${stormWith.seconds} s, at most ${stormWith.maxExtensionMsInOneTask} ms in one task → ${stormWith.extensionLongTasks} long tasks from the extension   ${mark(result.storm.ok)}`);
  log('\nJS heap (after GC)');
  for (const h of heapRows) log(`  ${h.page.padEnd(24)} page with ${mb(h.withBytes)}, without ${mb(h.withoutBytes)} → added ${mb(h.addedBytes)}; sidebar frame ${mb(h.sidebarFrameBytes)} (extension process)`);
  log(`\nCold first match, ${cold.accounts.toLocaleString('en')} accounts (${mb(cold.packBytes)} pack, imported in ${cold.importMs} ms), worker stopped before each of ${cold.runs} runs (budget ≤ ${BUDGET.coldMatchMs} ms)`);
  log(`  view:get round trip: cold p50 ${cold.coldP50Ms} ms, p95 ${cold.coldP95Ms} ms, max ${cold.coldMaxMs} ms; warm p50 ${cold.warmP50Ms} ms   ${mark(cold.ok)}`);
}
