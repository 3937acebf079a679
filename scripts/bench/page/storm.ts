/**
 * Long tasks during a mutation storm (scripts/bench/pages/storm.html) with and without
 * the extension: the page's PerformanceObserver `longtask` entries, and a DevTools
 * trace that splits each task into the extension's script time and the page's.
 */
import type { BrowserContext, CDPSession } from '@playwright/test';
import { names, STORM_URL } from './browser';
import { round } from './figures';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string } };
}

export async function storm(context: BrowserContext, withExtension: boolean, load: { ms: number; rate: number }) {
  const page = await context.newPage();
  await page.goto(STORM_URL);
  if (withExtension) await names(page);
  await page.waitForTimeout(500);
  const cdp: CDPSession = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute', transferMode: 'ReportEvents' });
  await page.evaluate(() => {
    const w = window as unknown as { __lt: { ms: number; attribution: string[] }[] };
    w.__lt = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { attribution?: { name: string; containerType: string; containerSrc: string }[] })[]) {
        w.__lt.push({ ms: e.duration, attribution: (e.attribution ?? []).map((a) => `${a.name}/${a.containerType || 'window'}${a.containerSrc ? ` ${a.containerSrc}` : ''}`) });
      }
    }).observe({ type: 'longtask' });
  });
  const t0 = Date.now();
  const mutations = await page.evaluate(({ ms, rate }) => (window as any).__storm(ms, rate) as Promise<number>, load);
  const seconds = (Date.now() - t0) / 1000;
  await page.waitForTimeout(300);
  const longTasks = await page.evaluate(() => (window as any).__lt as { ms: number; attribution: string[] }[]);
  await cdp.send('Tracing.end');
  await complete;
  const trace = extensionShare(events);
  await page.close();
  return {
    seconds: round(seconds, 1),
    mutations,
    mutationsPerSecond: Math.round(mutations / seconds),
    performanceObserverLongTasks: longTasks.length,
    longTaskAttributions: [...new Set(longTasks.flatMap((l) => l.attribution))],
    ...trace,
  };
}

/** The trace's main-thread tasks, and how much of each was the extension's script. */
function extensionShare(events: TraceEvent[]) {
  // The page's main thread: the thread that ran the storm's timers.
  const timer = events.find((e) => e.name === 'TimerFire');
  const main = events.filter((e) => timer && e.pid === timer.pid && e.tid === timer.tid);
  const tasks = main.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  const ours = main.filter((e) => (e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'v8.callFunction') && e.ph === 'X' && e.args?.data?.url?.startsWith('chrome-extension://'));
  const extByTask = new Map<TraceEvent, number>();
  let extensionScriptMs = 0;
  let calls = 0;
  for (const f of ours.filter((e) => e.name === 'FunctionCall')) {
    calls++;
    extensionScriptMs += (f.dur ?? 0) / 1000;
    // Binary search for the task that contains it.
    let lo = 0;
    let hi = tasks.length - 1;
    let found: TraceEvent | null = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = tasks[mid];
      if (t.ts > f.ts) hi = mid - 1;
      else if (t.ts + (t.dur ?? 0) < f.ts) lo = mid + 1;
      else {
        found = t;
        break;
      }
    }
    if (found) extByTask.set(found, (extByTask.get(found) ?? 0) + (f.dur ?? 0) / 1000);
  }
  const traceLong = tasks.filter((t) => (t.dur ?? 0) / 1000 >= 50);
  const extensionLong = [...extByTask].filter(([t, ext]) => (t.dur ?? 0) / 1000 >= 50 && (t.dur ?? 0) / 1000 - ext < 50);
  return {
    traceLongTasks: traceLong.length,
    longestTaskMs: round(Math.max(0, ...tasks.map((t) => (t.dur ?? 0) / 1000))),
    extensionCalls: calls,
    extensionScriptMs: round(extensionScriptMs),
    maxExtensionMsInOneTask: round(Math.max(0, ...extByTask.values())),
    extensionLongTasks: extensionLong.length,
  };
}
