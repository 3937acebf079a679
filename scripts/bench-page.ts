/**
 * `npm run bench:page` — the built extension in headless Chromium, one module per
 * figure under scripts/bench/page/. Every figure is printed beside its budget.
 *
 *   1. Content-script size: each .output/chrome-mv3/content-scripts/*.js, minified (as
 *      built) and gzipped. Budget ≤ 60 KB minified.
 *   2. Record rendered → sidebar showing its content, p50 / p95 over `--runs` runs per
 *      demo page (including the pipeline SPA, scripts/demo/pages/salesforce-pipeline.html,
 *      whose record arrives after an async fetch): on first load and on an in-place SPA
 *      switch to another record, service worker warm and stopped. Measured from the
 *      page's `performance.mark('record-rendered')`, which every demo page sets when the
 *      record's fields are on screen (a page without one: from DOMContentLoaded, or the
 *      end of its popstate / hashchange handler). Goals p50
 *      ≤ 50 ms warm, ≤ 100 ms stopped; printed beside the page's own render time in the
 *      same runs. "Stopped" uses the DevTools protocol's `ServiceWorker.stopAllWorkers`
 *      from a CDP session on an extension page, and waits for it to report `stopped`.
 *   3. Long tasks during a 10-second mutation storm (scripts/bench/pages/storm.html,
 *      thousands of DOM mutations a second) with and without the extension: the page's
 *      PerformanceObserver `longtask` entries (with their attribution, which names the
 *      frame, not the script: a content script shows as "self"), and a DevTools trace
 *      that splits each task into the extension's script time and the page's. A long task
 *      is the extension's when it ran our code and would have been under 50 ms without
 *      it. Budget: 0.
 *   4. JS heap added to the page: Runtime.getHeapUsage after a GC, with the extension vs
 *      without; the sidebar frame's own heap (a separate, extension-origin document).
 *   5. Synthetic packs (scripts/bench/synth.ts) of `--sizes` accounts (default 10,000 and
 *      50,000) imported through the background: activation (`pack:import` round trip,
 *      goal ≤ 2 s) and the `view:get` round trip from an extension page right after the
 *      worker was stopped (wake, open IndexedDB, load, index, match, view), goal p50
 *      ≤ 150 ms each, beside the warm round trip. At the largest size, the worker's JS heap
 *      (its CDP target, after a GC) after that view:get minus right after a wake with the
 *      bundled sample pack, goal ≤ 15 MB.
 *
 *   npm run bench:page                 # table
 *   npm run bench:page -- --json       # one JSON object
 *   npm run bench:page -- --runs 30 --cold-runs 10 --sizes 10000,50000 --storm-seconds 10 --rate 4000
 *   npm run bench:page -- --pages salesforce-opportunity --sizes 0 --storm-seconds 1   # while working on one figure
 */
import { rmSync } from 'node:fs';
import { extensionId } from './demo/launch';
import { DEMO_PAGES } from './demo/routes';
import { controlPage, launch, snapshotExtension } from './bench/page/browser';
import { bareFloor } from './bench/page/bareFloor';
import { coldMatch } from './bench/page/coldMatch';
import { progress } from './bench/page/figures';
import { heap } from './bench/page/heap';
import { sidebarLatency } from './bench/page/latency';
import { benchResult, printTable } from './bench/page/report';
import { contentScriptSizes } from './bench/page/sizes';
import { storm } from './bench/page/storm';

const args = process.argv.slice(2);
const json = args.includes('--json');
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const RUNS = Number(arg('--runs') ?? 20);
const STORM = { ms: Number(arg('--storm-seconds') ?? 10) * 1000, rate: Number(arg('--rate') ?? 4000) };
const COLD_RUNS = Number(arg('--cold-runs') ?? 10);
const SIZES = (arg('--sizes') ?? '10000,50000').split(',').map(Number).filter((n) => n > 0);
/** `--pages id,id`: only these demo pages (scripts/demo/routes.ts) for the latency and heap figures. */
const PAGES = arg('--pages') ? DEMO_PAGES.filter((d) => arg('--pages')!.split(',').includes(d.id)) : DEMO_PAGES;

async function main() {
  const dir = snapshotExtension();
  const withExt = await launch(dir);
  const without = await launch(null);
  try {
    const extId = await extensionId(withExt);
    const control = await controlPage(withExt, extId);
    const chromium = withExt.browser()?.version() ?? (await control.page.evaluate(() => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? 'unknown'));

    const sizes = contentScriptSizes(dir);
    const sidebar = await sidebarLatency(withExt, control, RUNS, PAGES);
    const heapRows = await heap(withExt, without, PAGES);
    progress(`mutation storm: ${STORM.ms / 1000} s with the extension`);
    const stormWith = await storm(withExt, true, STORM);
    progress(`mutation storm: ${STORM.ms / 1000} s without`);
    const stormWithout = await storm(without, false, STORM);
    // Before the big packs are imported: our worker's wake is measured with the sample pack, as the pages ran.
    const floor = await bareFloor(control, PAGES, COLD_RUNS);
    const cold = await coldMatch(control, COLD_RUNS, SIZES);

    const result = benchResult({ chromium, runs: RUNS, sizes, sidebar, heapRows, stormWith, stormWithout, cold, floor });
    if (json) console.log(JSON.stringify(result));
    else printTable(result, (line) => console.log(line));
  } finally {
    await withExt.close();
    await without.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
