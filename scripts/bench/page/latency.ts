/**
 * Record rendered → sidebar showing its content, per demo page: on first load and on an
 * in-place SPA switch to another record, service worker warm and stopped. "Rendered" is
 * the page's own `record-rendered` performance mark, which every demo page sets when
 * the record's fields are on screen (the static pages when their inline script runs and
 * at the end of each in-place render; the pipeline SPA after its async fetch, before
 * seconds more of rendering). A page without one is measured from DOMContentLoaded, and
 * a switch from the end of the page's popstate / hashchange handler — later than the
 * render by whatever our content script did in between, so the mark is the fair start. The same run's
 * baseline is the page's own render: navigation start → rendered, or the switch's start
 * → rendered.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { DEMO_PAGES, type DemoPage } from '../../demo/routes';
import { names, otherRecord, sidebarFrame, waitForName, type Control } from './browser';
import { BUDGET, progress, quantile, round } from './figures';

export interface LatencyRow {
  page: string;
  path: 'first load' | 'SPA switch';
  worker: 'warm' | 'cold';
  /** What "rendered" is on this page: its own mark, or the fallback. */
  from: 'record-rendered mark' | 'DOMContentLoaded' | 'switch handler';
  runs: number;
  p50Ms: number;
  p95Ms: number;
  budgetP50Ms: number;
  ok: boolean;
  /** Same-run baseline, p50: the page's own render (navigation start or the switch's start → rendered). */
  pageRenderP50Ms: number;
  /** First load only: p50 of each phase. */
  phasesP50Ms?: Phases;
  /** First load only: p50 of each milestone, ms since the page's navigation start. */
  timelineP50Ms?: Timeline;
}

interface Phases {
  /** Rendered → the content script added the host element (may be negative once the host is added before the record is there). */
  contentScriptMs: number;
  /** Host added → account name shown (frame load and boot, context from the tab, view:get, render). */
  sidebarFrameMs: number;
}

/**
 * Where a first load's time goes, each as ms since the page's navigation start: the
 * page's record on screen, our host element added, the frame's own navigation start, its
 * document parsed, its app started (modules loaded and run), linked to the tab with the
 * settings read, the first view arriving (pushed or pulled), the name shown.
 */
export const TIMELINE = ['rendered', 'host', 'frameStart', 'frameParsed', 'appBoot', 'appLinked', 'viewIn', 'shown'] as const;
type Timeline = Record<(typeof TIMELINE)[number], number>;

/** The frame's milestones (epoch ms), from its navigation timing and the marks entrypoints/sidebar/wiring.tsx sets. */
async function frameTimeline(page: Page): Promise<Omit<Timeline, 'rendered' | 'host' | 'shown'>> {
  const frame = sidebarFrame(page);
  const none = { frameStart: NaN, frameParsed: NaN, appBoot: NaN, appLinked: NaN, viewIn: NaN };
  if (!frame) return none;
  return frame
    .evaluate(() => {
      const o = performance.timeOrigin;
      const mark = (n: string) => {
        const m = performance.getEntriesByName(n)[0];
        return m ? o + m.startTime : NaN;
      };
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const pushed = mark('frontline:pushed');
      const pulled = mark('frontline:pulled');
      return {
        frameStart: o,
        frameParsed: nav ? o + nav.domInteractive : NaN,
        appBoot: mark('frontline:boot'),
        appLinked: mark('frontline:linked'),
        viewIn: Math.min(Number.isNaN(pushed) ? Infinity : pushed, Number.isNaN(pulled) ? Infinity : pulled),
      };
    })
    .catch(() => none);
}

interface Sample {
  /** Rendered → sidebar shows the name. */
  ms: number;
  /** The page's own render. */
  pageMs: number;
}

/** Epoch ms of the first `record-rendered` mark at or after `after`, or null when the page sets none. */
function markAfter(page: Page, after: number): Promise<number | null> {
  return page.evaluate((after) => {
    const at = performance.getEntriesByName('record-rendered').map((m) => performance.timeOrigin + m.startTime).find((t) => t >= after);
    return at ?? null;
  }, after);
}

async function waitForMark(page: Page, after: number, timeoutMs = 15_000): Promise<number> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const at = await markAfter(page, after);
    if (at !== null) return at;
    if (Date.now() > end) throw new Error(`no record-rendered mark on ${page.url()}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function firstLoad(page: Page, d: DemoPage): Promise<Sample & { name: string; phases: Phases; timeline: Timeline; marked: boolean }> {
  // A real load every time (Gmail's URLs differ only in the hash, which would not reload).
  await page.goto('about:blank');
  await page.goto(d.url);
  const [[shown, name]] = await names(page);
  const t = await page.evaluate(() => ({
    origin: performance.timeOrigin,
    mark: performance.getEntriesByName('record-rendered')[0]?.startTime ?? null,
    dcl: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
    host: (window as unknown as { __flHost?: number }).__flHost ?? NaN,
  }));
  const since = t.mark ?? t.dcl;
  const rendered = t.origin + since;
  const f = await frameTimeline(page);
  const timeline: Timeline = { rendered: since, host: t.host - t.origin, ...f, shown: shown - t.origin };
  for (const k of ['frameStart', 'frameParsed', 'appBoot', 'appLinked', 'viewIn'] as const) timeline[k] -= t.origin;
  return { ms: shown - rendered, pageMs: since, name, marked: t.mark !== null, phases: { contentScriptMs: t.host - rendered, sidebarFrameMs: shown - t.host }, timeline };
}

/** Navigates in place as the page's own links do; returns when the switch started and when the page's handler returned. */
async function spaSwitch(page: Page, to: string): Promise<{ start: number; handled: number }> {
  return page.evaluate((to) => {
    const target = new URL(to);
    const at = () => performance.timeOrigin + performance.now();
    const start = at();
    if (target.pathname === location.pathname && target.hash !== location.hash) {
      return new Promise<{ start: number; handled: number }>((resolve) => {
        // Registered after the page's own listener, so it runs once the page has rendered.
        addEventListener('hashchange', () => resolve({ start, handled: at() }), { once: true });
        location.hash = target.hash;
      });
    }
    history.pushState(null, '', target.pathname);
    dispatchEvent(new PopStateEvent('popstate'));
    return { start, handled: at() };
  }, to);
}

function row(page: string, path: LatencyRow['path'], worker: LatencyRow['worker'], from: LatencyRow['from'], xs: Sample[]): LatencyRow {
  const p50 = quantile(xs.map((x) => x.ms), 0.5);
  const budget = worker === 'warm' ? BUDGET.sidebarWarmP50Ms : BUDGET.sidebarColdP50Ms;
  return {
    page,
    path,
    worker,
    from,
    runs: xs.length,
    p50Ms: round(p50),
    p95Ms: round(quantile(xs.map((x) => x.ms), 0.95)),
    budgetP50Ms: budget,
    ok: p50 <= budget,
    pageRenderP50Ms: round(quantile(xs.map((x) => x.pageMs), 0.5)),
  };
}

export async function sidebarLatency(context: BrowserContext, control: Control, runs: number, pages: DemoPage[] = DEMO_PAGES): Promise<LatencyRow[]> {
  const rows: LatencyRow[] = [];
  for (const d of pages) {
    const page = await context.newPage();
    const other = otherRecord(d);
    for (const worker of ['warm', 'cold'] as const) {
      rows.push(await firstLoads(page, d, worker, control, runs));
      if (!other) continue;
      const { from, samples } = await spaSwitches(page, d, other, worker === 'cold' ? control : null, runs);
      rows.push(row(d.id, 'SPA switch', worker, from, samples));
    }
    await page.close();
  }
  return rows;
}

/** When the switched-to record was rendered: the page's mark after the switch started, or its handler's end. */
async function renderedAt(page: Page, marked: boolean, sw: { start: number; handled: number }): Promise<number> {
  return marked ? waitForMark(page, sw.start) : sw.handled;
}

/** SPA switches back and forth between the page's record and `other`; `cold` stops the worker before each. */
async function spaSwitches(page: Page, d: DemoPage, other: string, cold: Control | null, runs: number): Promise<{ from: LatencyRow['from']; samples: Sample[] }> {
  progress(`sidebar latency: ${d.id}, SPA switch, worker ${cold ? 'cold' : 'warm'}`);
  const { name: home, marked } = await firstLoad(page, d);
  const away = await (async () => {
    const sw = await spaSwitch(page, other);
    const t = await renderedAt(page, marked, sw);
    // The first name shown after the switch that is not the home record's.
    const end = Date.now() + 15_000;
    for (;;) {
      const l = await names(page);
      const next = l.find(([at, text]) => at >= t && text !== home);
      if (next) return next[1];
      if (Date.now() > end) throw new Error(`${d.id}: the SPA switch to ${other} never changed the sidebar`);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  const samples: Sample[] = [];
  let here = other;
  for (let i = 0; i < runs; i++) {
    const [to, expected] = here === other ? [d.url, home] : [other, away];
    if (cold) await cold.stopWorker();
    const sw = await spaSwitch(page, to);
    const rendered = await renderedAt(page, marked, sw);
    const shown = await waitForName(page, expected, rendered);
    samples.push({ ms: shown - rendered, pageMs: rendered - sw.start });
    here = to;
  }
  return { from: marked ? 'record-rendered mark' : 'switch handler', samples };
}

/** First loads of the page after one not counted; for a cold worker, stopped before each. */
async function firstLoads(page: Page, d: DemoPage, worker: LatencyRow['worker'], control: Control, runs: number): Promise<LatencyRow> {
  progress(`sidebar latency: ${d.id}, first load, worker ${worker}`);
  const samples: (Sample & { phases: Phases; timeline: Timeline; marked: boolean })[] = [];
  await firstLoad(page, d); // warm-up, not counted
  for (let i = 0; i < runs; i++) {
    if (worker === 'cold') await control.stopWorker();
    samples.push(await firstLoad(page, d));
  }
  const p = (k: keyof Phases) => round(quantile(samples.map((x) => x.phases[k]), 0.5));
  const from = samples[0]?.marked ? 'record-rendered mark' : 'DOMContentLoaded';
  const timelineP50Ms = Object.fromEntries(TIMELINE.map((k) => [k, round(quantile(samples.map((x) => x.timeline[k]).filter(Number.isFinite), 0.5))])) as Timeline;
  return { ...row(d.id, 'first load', worker, from, samples), phasesP50Ms: { contentScriptMs: p('contentScriptMs'), sidebarFrameMs: p('sidebarFrameMs') }, timelineP50Ms };
}
