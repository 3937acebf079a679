import { test as base, type BrowserContext, type Page } from '@playwright/test';
import { extensionId, launchWithExtension, type LaunchOptions } from '../../scripts/demo/launch';
import { DEMO_PAGES } from '../../scripts/demo/routes';
import { sidebarFrames } from '../../scripts/demo/sidebarFrame';

export const test = base.extend<{ launch: Partial<LaunchOptions>; context: BrowserContext; extId: string }>({
  // Per-file browser settings: test.use({ launch: { locale: 'zh-CN' } }).
  launch: [{}, { option: true }],
  context: async ({ launch }, use, testInfo) => {
    const context = await launchWithExtension({ headless: true, ...launch });
    await use(context);
    // A failure in CI leaves only its log: say what each sidebar showed at the end.
    if (testInfo.status !== testInfo.expectedStatus) await printSidebars(context);
    await context.close();
  },
  extId: async ({ context }, use) => {
    await use(await extensionId(context));
  },
});

export const expect = test.expect;

async function printSidebars(context: BrowserContext) {
  for (const [i, page] of context.pages().entries()) {
    for (const frame of sidebarFrames(page)) {
      const text = await frame.evaluate(() => document.body.innerText.slice(0, 600)).catch((e: Error) => `(unreadable: ${e.message.split('\n')[0]})`);
      console.log(`[page ${i} ${page.url().slice(0, 80)}] sidebar: ${text.replace(/\s*\n\s*/g, ' | ')}`);
    }
  }
}

export function demo(id: string) {
  const d = DEMO_PAGES.find((p) => p.id === id);
  if (!d) throw new Error(`no demo page ${id}`);
  return d;
}

/** The sidebar lives in an extension-origin frame inside the `frontline-sidebar` host's closed shadow root: found by URL. */
export { sidebar, panel, sidebarFrame, sidebarFrames } from '../../scripts/demo/sidebarFrame';

/** The options page (the ops console) in a new tab, once it shows the active pack. */
export async function options(context: BrowserContext, extId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extId}/options.html`);
  await test.expect(page.getByTestId('pack-version')).toBeVisible();
  return page;
}

/** One store of the extension's IndexedDB (`frontline`), read in the worker; [] when it has no such store. */
export async function storedRecords(context: BrowserContext, store: string): Promise<any[]> {
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker');
  return worker
    .evaluate(
      (name) =>
        new Promise<any[]>((res) => {
          const r = indexedDB.open('frontline');
          r.onsuccess = () => {
            if (!r.result.objectStoreNames.contains(name)) return r.result.close(), res([]);
            const q = r.result.transaction(name).objectStore(name).getAll();
            q.onsuccess = () => (r.result.close(), res(q.result));
            q.onerror = () => (r.result.close(), res([]));
          };
          r.onerror = () => res([]);
        }),
      store,
    )
    .catch(() => []);
}

/** Runs code in the extension's service worker (it has chrome.* and the extension's IndexedDB). */
export async function inWorker<T>(context: BrowserContext, fn: () => Promise<T>): Promise<T> {
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker');
  return worker.evaluate(fn);
}
