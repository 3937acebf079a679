import type { Page } from '@playwright/test';
import { test, expect, demo, panel } from './fixtures';

/** A marker on the page's window: gone if the page ever reloads. */
async function markNoReload(page: Page) {
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
  return () => page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload === true);
}

async function oneSidebar(page: Page) {
  expect(await page.locator('frontline-sidebar').count()).toBe(1);
  expect(page.frames().filter((f) => f.url().includes('/sidebar.html')).length).toBe(1);
}

test('Salesforce-like SPA: switching records in place updates the sidebar; ten navigations, one sidebar', async ({ context }) => {
  const page = await context.newPage();
  const first = demo('salesforce-opportunity');
  await page.goto(first.url);
  const p = panel(page);
  await expect(p.locator('.fl-account-name')).toHaveText('Northwind Traders');
  const stillSamePage = await markNoReload(page);
  const acmePath = new URL(first.aliases![0]).pathname;
  const northwindPath = new URL(first.url).pathname;
  for (let i = 0; i < 5; i++) {
    await page.locator(`a[data-recent-record][href="${acmePath}"]`).click();
    await expect(page).toHaveURL(first.aliases![0]);
    await expect(p.locator('.fl-account-name')).toHaveText('Acme Corporation');
    await expect(p.locator('.fl-path-current')).toBeVisible();
    await page.locator(`a[data-recent-record][href="${northwindPath}"]`).click();
    await expect(p.locator('.fl-account-name')).toHaveText('Northwind Traders');
  }
  expect(await stillSamePage()).toBe(true);
  await oneSidebar(page);
  // Back goes back in place too.
  await page.goBack();
  await expect(p.locator('.fl-account-name')).toHaveText('Acme Corporation');
  await oneSidebar(page);
});

test('HubSpot-like SPA: another company in place', async ({ context }) => {
  const page = await context.newPage();
  const first = demo('hubspot-company');
  await page.goto(first.url);
  const p = panel(page);
  await expect(p.locator('.fl-account-name')).toHaveText('上海云杉科技有限公司');
  const stillSamePage = await markNoReload(page);
  const acmePath = new URL(first.aliases![0]).pathname;
  const yunshanPath = new URL(first.url).pathname;
  for (let i = 0; i < 5; i++) {
    await page.locator(`a[data-recent-record][href="${acmePath}"]`).first().click();
    await expect(p.locator('.fl-account-name')).toHaveText('Acme Corporation');
    await page.locator(`a[data-recent-record][href="${yunshanPath}"]`).first().click();
    await expect(p.locator('.fl-account-name')).toHaveText('上海云杉科技有限公司');
  }
  expect(await stillSamePage()).toBe(true);
  await oneSidebar(page);
});

test('Gmail-like SPA: the inbox has no sidebar, opening another thread shows its account and competitors', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(demo('gmail-thread').url);
  const p = panel(page);
  await expect(p.locator('.fl-account-name')).toHaveText('Acme Corporation');
  const stillSamePage = await markNoReload(page);
  for (let i = 0; i < 5; i++) {
    await page.evaluate(() => (location.hash = '#inbox'));
    // One frame for the tab, parked on the inbox: nothing of it shows.
    await expect(page.locator('frontline-sidebar')).toBeHidden();
    await page.locator('tr.zA[data-demo-thread="FMfcgzQbdXyzThreadNwnd02"]').click();
    await expect(p.locator('.fl-account-name')).toHaveText('Northwind Traders');
    await expect(p.getByRole('tab', { name: 'Beacon' })).toBeVisible();
    await page.evaluate(() => (location.hash = '#inbox/FMfcgzQbdXyzThreadAcme01'));
    await expect(p.locator('.fl-account-name')).toHaveText('Acme Corporation');
  }
  expect(await stillSamePage()).toBe(true);
  await oneSidebar(page);
});

test('a tab that opens on the inbox gets no frame at all until a thread is opened', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://mail.google.com/mail/u/0/#inbox');
  await expect(page.locator('tr.zA').first()).toBeVisible();
  // Longer than the settled read: the content script has looked and decided.
  await page.waitForTimeout(1_000);
  await expect(page.locator('frontline-sidebar')).toHaveCount(0);
  expect(page.frames().filter((f) => f.url().includes('/sidebar.html'))).toHaveLength(0);
  await page.locator('tr.zA[data-demo-thread="FMfcgzQbdXyzThreadNwnd02"]').click();
  await expect(panel(page).locator('.fl-account-name')).toHaveText('Northwind Traders');
  await oneSidebar(page);
});
