import type { Page } from '@playwright/test';
import { test, expect, demo, panel } from './fixtures';

/** The page's fixed layer as a CRM has it: an app bar across the top and a drawer on the right edge. */
async function addFixedLayer(page: Page) {
  await page.evaluate(() => {
    const bar = document.createElement('div');
    bar.id = 'appbar';
    bar.style.cssText = 'position:fixed;left:0;right:0;top:0;height:40px;background:#123;z-index:5';
    const drawer = document.createElement('div');
    drawer.id = 'drawer';
    drawer.style.cssText = 'position:fixed;right:0;top:60px;width:200px;height:300px;background:#eee;z-index:5';
    drawer.innerHTML = '<button>Edit contact</button>';
    document.body.append(bar, drawer);
  });
}

const box = (page: Page, sel: string) => page.locator(sel).evaluate((el) => ({ left: Math.round(el.getBoundingClientRect().left), right: Math.round(el.getBoundingClientRect().right), width: Math.round(el.getBoundingClientRect().width) }));
const viewport = (page: Page) => page.evaluate(() => document.documentElement.clientWidth);
const margin = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).marginRight);

test('open beside the page, the CRM reflows into the width left, fixed bars and drawers included; over the page, nothing moves', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(demo('salesforce-opportunity').url);
  const p = panel(page);
  await expect(p.locator('.fl-account-name')).toHaveText('Northwind Traders');
  const vw = await viewport(page);
  // The document itself gives the panel its width: normal flow ends where the panel starts.
  await expect.poll(() => margin(page)).toBe('360px');
  await expect.poll(async () => (await box(page, 'body')).right).toBe(vw - 360);

  // Fixed boxes rendered later (a bar across, a drawer on the right edge) are pulled in too.
  await addFixedLayer(page);
  await expect.poll(() => box(page, '#appbar')).toEqual({ left: 0, right: vw - 360, width: vw - 360 });
  await expect.poll(() => box(page, '#drawer')).toEqual({ left: vw - 360 - 200, right: vw - 360, width: 200 });
  // The drawer's button is the page's to click, not under our panel.
  await page.locator('#drawer button').click({ trial: true, timeout: 2_000 });

  // Wider panel: everything follows.
  const handle = p.getByRole('separator');
  await handle.focus();
  for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowLeft');
  await expect.poll(() => margin(page)).toBe('400px');
  await expect.poll(async () => (await box(page, '#drawer')).right).toBe(vw - 400);

  // Over the page: the page gets its whole width back, its own styles exactly as they were.
  const beside = p.getByRole('button', { name: /Beside the page/ });
  await expect(beside).toHaveAttribute('aria-pressed', 'true');
  await beside.click();
  await expect(beside).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => margin(page)).toBe('0px');
  await expect.poll(() => box(page, '#drawer')).toEqual({ left: vw - 200, right: vw, width: 200 });
  expect(await page.locator('#drawer').getAttribute('style')).toBe('position: fixed; right: 0px; top: 60px; width: 200px; height: 300px; background: rgb(238, 238, 238); z-index: 5;');

  // The choice is the site's: after a reload the panel is still over the page.
  await page.reload();
  await expect(panel(page).locator('.fl-account-name')).toHaveText('Northwind Traders');
  await expect(panel(page).getByRole('button', { name: /Beside the page/ })).toHaveAttribute('aria-pressed', 'false');
  expect(await margin(page)).toBe('0px');

  // Docked again, then collapsed to the rail: the rail floats, the page keeps its width.
  await panel(page).getByRole('button', { name: /Beside the page/ }).click();
  await expect.poll(() => margin(page)).toBe('400px');
  await panel(page).getByRole('button', { name: 'Collapse Frontline' }).click();
  await expect.poll(() => margin(page)).toBe('0px');
});

test('Gmail opens over the page by default (its layout is its own), and docks when the rep asks', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(demo('gmail-thread').url);
  const p = panel(page);
  await expect(p.locator('.fl-account-name')).not.toBeEmpty();
  const beside = p.getByRole('button', { name: /Beside the page/ });
  await expect(beside).toHaveAttribute('aria-pressed', 'false');
  expect(await margin(page)).toBe('0px');
  await beside.click();
  await expect.poll(() => margin(page)).toBe('360px');
});
