/**
 * Record rendered → sidebar showing its content, per demo page: on first load (from
 * DOMContentLoaded) and on an in-place SPA switch to another record (from the page's
 * own render), service worker warm and cold.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { DEMO_PAGES, type DemoPage } from '../../demo/routes';
import { names, otherRecord, waitForName, type Control } from './browser';
import { BUDGET, progress, quantile, round } from './figures';

export interface LatencyRow {
  page: string;
  path: 'first load' | 'SPA switch';
  worker: 'warm' | 'cold';
  runs: number;
  p50Ms: number;
  p95Ms: number;
  budgetP50Ms: number;
  ok: boolean;
  /** First load only: p50 of each phase. */
  phasesP50Ms?: Phases;
}

interface Phases {
  /** DOMContentLoaded → the content script added the host element (document_idle, settings, adapter). */
  contentScriptMs: number;
  /** Host added → account name shown (frame load and boot, context from the tab, view:get, render). */
  sidebarFrameMs: number;
}

async function firstLoad(page: Page, d: DemoPage): Promise<{ ms: number; name: string; phases: Phases }> {
  // A real load every time (Gmail's URLs differ only in the hash, which would not reload).
  await page.goto('about:blank');
  await page.goto(d.url);
  const [[shown, name]] = await names(page);
  const { rendered, host } = await page.evaluate(() => ({
    rendered: performance.timeOrigin + (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
    host: (window as unknown as { __flHost?: number }).__flHost ?? NaN,
  }));
  return { ms: shown - rendered, name, phases: { contentScriptMs: host - rendered, sidebarFrameMs: shown - host } };
}

/** Navigates in place as the page's own links do, and returns when the page has rendered the record. */
async function spaSwitch(page: Page, to: string): Promise<number> {
  return page.evaluate((to) => {
    const target = new URL(to);
    const at = () => performance.timeOrigin + performance.now();
    if (target.pathname === location.pathname && target.hash !== location.hash) {
      return new Promise<number>((resolve) => {
        // Registered after the page's own listener, so it runs once the page has rendered.
        addEventListener('hashchange', () => resolve(at()), { once: true });
        location.hash = target.hash;
      });
    }
    history.pushState(null, '', target.pathname);
    dispatchEvent(new PopStateEvent('popstate'));
    return at();
  }, to);
}

function row(page: string, path: LatencyRow['path'], worker: LatencyRow['worker'], xs: number[]): LatencyRow {
  const p50 = quantile(xs, 0.5);
  return { page, path, worker, runs: xs.length, p50Ms: round(p50), p95Ms: round(quantile(xs, 0.95)), budgetP50Ms: BUDGET.sidebarP50Ms, ok: p50 <= BUDGET.sidebarP50Ms };
}

export async function sidebarLatency(context: BrowserContext, control: Control, runs: number): Promise<LatencyRow[]> {
  const rows: LatencyRow[] = [];
  for (const d of DEMO_PAGES) {
    const page = await context.newPage();
    const other = otherRecord(d);
    for (const worker of ['warm', 'cold'] as const) {
      rows.push(await firstLoads(page, d, worker, control, runs));
      if (!other) continue;
      rows.push(row(d.id, 'SPA switch', worker, await spaSwitches(page, d, other, worker === 'cold' ? control : null, runs)));
    }
    await page.close();
  }
  return rows;
}

/** SPA switches back and forth between the page's record and `other`; `cold` stops the worker before each. */
async function spaSwitches(page: Page, d: DemoPage, other: string, cold: Control | null, runs: number): Promise<number[]> {
  progress(`sidebar latency: ${d.id}, SPA switch, worker ${cold ? 'cold' : 'warm'}`);
  const { name: home } = await firstLoad(page, d);
  const away = await (async () => {
    const t = await spaSwitch(page, other);
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
  const switches: number[] = [];
  let here = other;
  for (let i = 0; i < runs; i++) {
    const [to, expected] = here === other ? [d.url, home] : [other, away];
    if (cold) await cold.stopWorker();
    const rendered = await spaSwitch(page, to);
    const shown = await waitForName(page, expected, rendered);
    switches.push(shown - rendered);
    here = to;
  }
  return switches;
}

/** First loads of the page after one not counted; for a cold worker, stopped before each. */
async function firstLoads(page: Page, d: DemoPage, worker: LatencyRow['worker'], control: Control, runs: number): Promise<LatencyRow> {
  progress(`sidebar latency: ${d.id}, first load, worker ${worker}`);
  const first: number[] = [];
  const phases: Phases[] = [];
  await firstLoad(page, d); // warm-up, not counted
  for (let i = 0; i < runs; i++) {
    if (worker === 'cold') await control.stopWorker();
    const r = await firstLoad(page, d);
    first.push(r.ms);
    phases.push(r.phases);
  }
  const p = (k: keyof Phases) => round(quantile(phases.map((x) => x[k]), 0.5));
  return { ...row(d.id, 'first load', worker, first), phasesP50Ms: { contentScriptMs: p('contentScriptMs'), sidebarFrameMs: p('sidebarFrameMs') } };
}
