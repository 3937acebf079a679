import { test, expect, demo, panel, inWorker } from './fixtures';
import type { BrowserContext } from '@playwright/test';

/**
 * The browser offers no way to read an action's icon back, so the worker's setIcon is
 * watched: each call is recorded with its tab and what its 16 px image shows, then passed
 * on. Chrome's worker is given pixels (utils/background/toolbarIcon.ts): the record state
 * is told by the green dot in the lower right (12, 12 of 16 px), the plain mark is blue there.
 */
async function watchIcon(context: BrowserContext) {
  await inWorker(context, async () => {
    const g = globalThis as any;
    g.__icons = [];
    const real = g.chrome.action.setIcon.bind(g.chrome.action);
    g.chrome.action.setIcon = (d: any) => {
      const img = d.imageData?.['16'];
      let shows = d.path ? `path ${d.path['16']}` : 'nothing';
      if (img) {
        const i = (12 * img.width + 12) * 4;
        const [r, gr, b] = img.data.slice(i, i + 3);
        shows = img.width !== 16 || img.height !== 16 ? `${img.width}×${img.height}` : gr > r + 60 && gr > b + 60 ? 'dot' : b > gr ? 'mark' : `rgb ${r},${gr},${b}`;
      }
      g.__icons.push({ tabId: d.tabId, shows });
      return real(d);
    };
  });
  return async () => {
    const calls = await inWorker(context, async () => (globalThis as any).__icons as { tabId: number; shows: string }[]);
    const last = calls.at(-1);
    // Per tab, never the global icon.
    return last && typeof last.tabId === 'number' ? last.shows : null;
  };
}

test('the toolbar icon shows a dot while the tab shows a matched account, and loses it on the inbox', async ({ context }) => {
  const lastIcon = await watchIcon(context);
  const page = await context.newPage();
  await page.goto(demo('gmail-thread').url);
  await expect(panel(page).locator('.fl-account-name')).toHaveText('Acme Corporation');
  await expect.poll(lastIcon).toBe('dot');
  await page.evaluate(() => (location.hash = '#inbox'));
  await expect(page.locator('frontline-sidebar')).toBeHidden();
  await expect.poll(lastIcon).toBe('mark');
  await page.locator('tr.zA[data-demo-thread="FMfcgzQbdXyzThreadNwnd02"]').click();
  await expect(panel(page).locator('.fl-account-name')).toHaveText('Northwind Traders');
  await expect.poll(lastIcon).toBe('dot');
});
