/**
 * The extension updated (or reloaded) while CRM and mail tabs are open: the
 * old content script's context is invalidated, and its sidebar removes itself quietly —
 * no page error, no console error, nothing left covering the page.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, demo, panel } from './fixtures';

function quiet(page: Page) {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  return problems;
}

/** What Chrome does on an update: the running extension is torn down and started again. */
async function reloadExtension(context: BrowserContext) {
  const [worker] = context.serviceWorkers();
  await worker.evaluate(() => void setTimeout(() => (globalThis as any).chrome.runtime.reload(), 50));
}

test('on a page that keeps changing (an SPA), the old sidebar removes itself and nothing complains', async ({ context }) => {
  const page = await context.newPage();
  const problems = quiet(page);
  await page.goto(demo('gmail-thread').url);
  await expect(panel(page).locator('.fl-account-name')).toHaveText('Acme Corporation');
  await reloadExtension(context);
  await page.waitForTimeout(1_000);
  // The page goes on rendering, as Gmail and Salesforce do all the time.
  await page.evaluate(() => {
    for (let i = 0; i < 20; i++) document.body.append(Object.assign(document.createElement('div'), { textContent: `row ${i}` }));
  });
  await expect(page.locator('frontline-sidebar')).toHaveCount(0, { timeout: 3_000 });
  // The page still works and nothing was logged.
  await page.evaluate(() => document.body.append(document.createElement('p')));
  await page.waitForTimeout(500);
  expect(problems).toEqual([]);
});

// docs/security.md, "Extension updates": a one-second ctx interval lets WXT notice the
// invalidated context even on a page that never changes.
test('on a page that does not change, the old sidebar removes itself within 3 seconds', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(demo('hubspot-company').url);
  await expect(panel(page).locator('.fl-account-name')).toBeVisible();
  await reloadExtension(context);
  await expect(page.locator('frontline-sidebar')).toHaveCount(0, { timeout: 4_000 });
});
