/**
 * The bench's browser: headless Chromium with a snapshot of the built extension (or
 * none), the demo pages routed on their real hostnames, a probe in every frame that
 * stamps when the sidebar showed which account, and an extension page that sends
 * background messages and stops the service worker.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page } from '@playwright/test';
import { EXTENSION_DIR, QUIET_CHROMIUM, ROOT, routeDemoPages, SYSTEM_CHROMIUM } from '../../demo/launch';
import type { DemoPage } from '../../demo/routes';

export const STORM_URL = 'https://lumora-demo.lightning.force.com/lightning/r/Opportunity/0065g00000StormAAA/view';
const STORM_FILE = join(ROOT, 'scripts/bench/pages/storm.html');

/** The build is copied first, so a rebuild elsewhere during the run cannot change what is measured. */
export function snapshotExtension(): string {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`No built extension at ${EXTENSION_DIR}: run "wxt build" first (npm run bench:page does).`);
  const dir = mkdtempSync(join(tmpdir(), 'frontline-bench-ext-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  return dir;
}

/**
 * Every frame of every page records when it loaded and, in the sidebar frame, each time
 * the account name changes — as epoch milliseconds (timeOrigin + now), comparable across
 * the page and the extension frame.
 */
function probe() {
  const at = () => performance.timeOrigin + performance.now();
  const w = window as unknown as { __flNames: [number, string][]; __flHost?: number };
  w.__flNames = [];
  if (location.protocol !== 'chrome-extension:') {
    // When the content script adds the sidebar's host element (then stop watching).
    const seen = new MutationObserver(() => {
      if (document.querySelector('frontline-sidebar')) {
        w.__flHost = at();
        seen.disconnect();
      }
    });
    seen.observe(document, { subtree: true, childList: true });
    return;
  }
  let last = '';
  const check = () => {
    const el = document.querySelector('.fl-panel .fl-account-name');
    const text = el?.textContent?.trim() ?? '';
    if (text && text !== last) {
      last = text;
      w.__flNames.push([at(), text]);
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
}

export async function launch(extensionDir: string | null): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext('', {
    executablePath: existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
    headless: true,
    locale: 'en-US',
    viewport: { width: 1440, height: 1000 },
    args: [
      ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : ['--disable-extensions']),
      ...QUIET_CHROMIUM,
      '--enable-precise-memory-info',
    ],
  });
  await routeDemoPages(context);
  await context.route(STORM_URL, (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(STORM_FILE) }));
  // tsx (esbuild) wraps named inner functions in `__name(...)`; functions sent to the browser need it defined.
  await context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
  await context.addInitScript(probe);
  return context;
}

/** An extension page kept open: it sends messages as the options page would, and stops the worker. */
export async function controlPage(context: BrowserContext, extId: string, path = 'options.html') {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extId}/${path}`);
  const cdp = await context.newCDPSession(page);
  let status = 'running';
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    for (const v of e.versions) if (v.scriptURL.startsWith(`chrome-extension://${extId}/`)) status = v.runningStatus;
  });
  await cdp.send('ServiceWorker.enable');
  return {
    page,
    extId,
    /** The control page's CDP session (the worker's heap is read through it: workerHeap.ts). */
    cdp,
    async stopWorker() {
      // A message arriving while it stops starts it again (a frame's last nudge): ask again, a few times.
      for (let attempt = 0; attempt < 5 && status !== 'stopped'; attempt++) {
        await cdp.send('ServiceWorker.stopAllWorkers');
        const end = Date.now() + 2_000;
        while (status !== 'stopped' && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
      }
      if (status !== 'stopped') throw new Error(`the service worker did not stop (status ${status})`);
    },
    /** Round trip of one background message from this extension page, in ms. */
    send(type: string, payload: unknown): Promise<{ ms: number; reply: { ok: boolean; error?: string; data?: unknown } }> {
      return page.evaluate(
        async ({ type, payload }) => {
          const t0 = performance.now();
          const reply = await (globalThis as any).chrome.runtime.sendMessage({ frontline: 1, type, payload });
          return { ms: performance.now() - t0, reply: { ok: reply?.ok, error: reply?.error } };
        },
        { type, payload },
      );
    },
  };
}

export type Control = Awaited<ReturnType<typeof controlPage>>;

export const sidebarFrame = (page: Page): Frame | undefined => page.frames().find((f) => /\/sidebar\.html/.test(f.url()));

export async function names(page: Page, timeoutMs = 15_000): Promise<[number, string][]> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const frame = sidebarFrame(page);
    if (frame) {
      const list = await frame.evaluate(() => (window as any).__flNames as [number, string][]).catch(() => []);
      if (list?.length) return list;
    }
    if (Date.now() > end) throw new Error(`no sidebar content on ${page.url()}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export async function waitForName(page: Page, expected: string, after: number, timeoutMs = 15_000): Promise<number> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const list = await names(page, timeoutMs);
    const hit = list.find(([t, text]) => t >= after && text === expected);
    if (hit) return hit[0];
    if (Date.now() > end) throw new Error(`sidebar never showed "${expected}" on ${page.url()} (saw ${JSON.stringify(list.map((x) => x[1]))})`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** The alias that is another record of the same demo page (Gmail's first alias is the inbox). */
export const otherRecord = (d: DemoPage) => (d.aliases ?? []).filter((u) => u !== d.url).at(-1) ?? null;
