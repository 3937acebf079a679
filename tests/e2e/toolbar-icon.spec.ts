import { test, expect, demo, panel, inWorker } from './fixtures';
import type { BrowserContext } from '@playwright/test';

/**
 * The browser offers no way to read an action's icon back, so the worker's setIcon is
 * watched: each call is recorded with its tab and 16 px path, then passed on.
 */
async function watchIcon(context: BrowserContext) {
  await inWorker(context, async () => {
    const g = globalThis as any;
    g.__icons = [];
    const real = g.chrome.action.setIcon.bind(g.chrome.action);
    g.chrome.action.setIcon = (d: any) => {
      g.__icons.push({ tabId: d.tabId, path: d.path['16'] });
      return real(d);
    };
  });
  return async () => {
    const calls = await inWorker(context, async () => (globalThis as any).__icons as { tabId: number; path: string }[]);
    const last = calls.at(-1);
    // Per tab, never the global icon.
    return last && typeof last.tabId === 'number' ? last.path : null;
  };
}

test('the toolbar icon shows a dot while the tab shows a matched account, and loses it on the inbox', async ({ context }) => {
  const lastIcon = await watchIcon(context);
  const page = await context.newPage();
  await page.goto(demo('gmail-thread').url);
  await expect(panel(page).locator('.fl-account-name')).toHaveText('Acme Corporation');
  await expect.poll(lastIcon).toBe('icon/record-16.png');
  await page.evaluate(() => (location.hash = '#inbox'));
  await expect(page.locator('frontline-sidebar')).toBeHidden();
  await expect.poll(lastIcon).toBe('icon/16.png');
  await page.locator('tr.zA[data-demo-thread="FMfcgzQbdXyzThreadNwnd02"]').click();
  await expect(panel(page).locator('.fl-account-name')).toHaveText('Northwind Traders');
  await expect.poll(lastIcon).toBe('icon/record-16.png');
});
