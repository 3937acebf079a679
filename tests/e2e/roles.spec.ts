/**
 * Issue 16 (roles, audiences, what changed, plays) on the demo pages: what a rep sees and
 * can do, and that the state behind it lives in the extension's IndexedDB (a reload and
 * a stopped worker keep it).
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, demo, panel, sidebar, sidebarFrame, storedRecords } from './fixtures';
import { importOnOptions, updatedSample } from '../../scripts/screenshots/roleShots';

/** axe on the sidebar frame alone (as tests/e2e/a11y.spec.ts does). */
async function axe(page: Page): Promise<string[]> {
  const frame = await sidebarFrame(page);
  const shim = { frames: () => [frame, ...frame.childFrames()], mainFrame: () => frame, evaluate: frame.evaluate.bind(frame), evaluateHandle: frame.evaluateHandle.bind(frame), context: () => page.context() };
  const result = await new AxeBuilder({ page: shim as unknown as Page }).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** The sections in the order shown, collapsed ones with a trailing "-". */
const layout = (page: Page) => panel(page).locator('[data-section]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-section')}${e.getAttribute('data-collapsed') === 'true' ? '-' : ''}`));

const stored = storedRecords;

async function stopWorker(context: BrowserContext, extId: string) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extId}/options.html`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await page.close();
}

test('the same record in the sales and the CS role: another order, collapsed sections, one click apart', async ({ context, extId }) => {
  const page = await context.newPage();
  await page.goto(demo('salesforce-opportunity').url);
  const p = panel(page);
  await expect(p.locator('.fl-account-name')).toHaveText('Northwind Traders');
  // Northwind also has a scorecard, experts and a product fit; the pack places them per role.
  await expect.poll(() => layout(page)).toEqual(['battlecard', 'stage', 'scorecard', 'next-steps', 'experts', 'products', 'health']);
  await expect(p.locator('.fl-role[data-role="sales"]')).toHaveAttribute('aria-pressed', 'true');

  await p.locator('.fl-role[data-role="cs"]').click();
  await expect.poll(() => layout(page)).toEqual(['health', 'next-steps', 'stage-', 'battlecard-', 'scorecard-', 'experts', 'products-']);
  await expect(p.getByRole('tabpanel')).toHaveCount(0);
  expect(await axe(page)).toEqual([]);
  // Kept: a reload is still CS; the collapsed battlecard opens with one click.
  await page.reload();
  await expect.poll(() => layout(page)).toEqual(['health', 'next-steps', 'stage-', 'battlecard-', 'scorecard-', 'experts', 'products-']);
  await p.getByRole('button', { name: 'Battlecard' }).click();
  await expect(p.getByRole('tabpanel')).toContainText('Globex');
  expect(await axe(page)).toEqual([]);

  // The options page sets the same choice.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extId}/options.html`);
  await expect(options.getByTestId('role')).toHaveValue('cs');
  await options.getByTestId('role').selectOption('sales');
  await page.reload();
  await expect.poll(() => layout(page)).toEqual(['battlecard', 'stage', 'scorecard', 'next-steps', 'experts', 'products', 'health']);
});

test('internal text: marked, no Insert in Gmail, copying says so, and a forged insert is refused by the content script', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(demo('gmail-thread').url);
  const p = panel(page);
  await expect(p.locator('.fl-account-name')).toHaveText('Acme Corporation');
  const reply = page.locator('div[contenteditable="true"][aria-label="Message Body"]').first();
  await reply.click();
  await page.keyboard.type('Hi John, ');
  await p.locator('summary', { hasText: 'Objections' }).click();
  const internal = p.locator('[data-objection="gx-migrate"]');
  await expect(internal.locator('[data-audience="internal"]').first()).toContainText('Internal');
  await expect(internal.getByRole('button', { name: 'Insert in reply' })).toHaveCount(0);
  await expect(p.locator('[data-objection="gx-ela"]').getByRole('button', { name: 'Insert in reply' })).toBeVisible();
  await p.locator('summary', { hasText: 'Pricing' }).click();
  await expect(p.locator('details[data-part="pricing"]').getByRole('button', { name: 'Insert in reply' })).toHaveCount(0);
  await internal.getByRole('button', { name: 'Copy' }).click();
  await expect(p.getByRole('alert')).toContainText('internal text');
  expect(await axe(page)).toEqual([]);

  // Our own frame, with the real token, asks the content script to insert internal text: by ref and as raw text.
  const frame = await sidebarFrame(page);
  const answers = await frame.evaluate(async () => {
    const chrome = (globalThis as any).chrome;
    const token = new URLSearchParams(location.hash.slice(1)).get('t');
    const tabId = (await chrome.tabs.getCurrent()).id;
    const send = (m: object) => chrome.tabs.sendMessage(tabId, { frontline: 'ui', token, ...m }, { frameId: 0 });
    return [
      await send({ type: 'insert', ref: { kind: 'objection', competitorId: 'globex', id: 'gx-migrate' }, lang: 'en' }),
      await send({ type: 'insert', ref: { kind: 'pricing', competitorId: 'globex' }, lang: 'en' }),
      await send({ type: 'insert', text: 'Report Census internal notes' }),
      await send({ type: 'insert', ref: { kind: 'objection', competitorId: 'globex', id: 'gx-ela' }, lang: 'en' }),
    ];
  });
  expect(answers).toEqual([false, false, false, true]);
  await expect(reply).toContainText('Analytics Starter');
  await expect(reply).not.toContainText('Report Census');
});

test('a card changed by a newer pack is marked until the rep opens the changes, across a stopped worker and reloads', async ({ context, extId }) => {
  const page = await context.newPage();
  await page.goto(demo('salesforce-opportunity').url);
  const p = panel(page);
  await expect(p.getByRole('tabpanel')).toContainText('Globex');
  await expect.poll(async () => (await stored(context, 'seen')).map((r) => r.key)).toContain('card:globex');
  await expect(p.locator('.fl-updated')).toHaveCount(0);

  await importOnOptions(context, updatedSample());
  await stopWorker(context, extId);
  await page.reload();
  await expect(p.locator('.fl-updated').first()).toContainText('Updated since you last looked');
  const objections = p.locator('details[data-part="objections"]');
  await expect(objections.locator('summary [data-mark="part"]')).toBeVisible();
  await page.reload();
  await expect(objections.locator('summary [data-mark="part"]')).toBeVisible();
  expect(await axe(page)).toEqual([]);

  await objections.locator('summary').click();
  await expect(p.locator('[data-objection="gx-ai"] [data-mark="changed"]')).toBeVisible();
  await expect.poll(async () => (await stored(context, 'seen')).find((r) => r.key === 'card:globex')?.version).toBe('1.1.0');
  await page.reload();
  await expect(p.getByRole('tabpanel')).toContainText('Globex');
  await expect(objections.locator('summary [data-mark="part"]')).toHaveCount(0);
  // Proof points were not opened: still marked, until they are.
  const proof = p.locator('details[data-part="proofPoints"]');
  await expect(proof.locator('summary [data-mark="part"]')).toBeVisible();
  await proof.locator('summary').click();
  await expect(proof.locator('[data-mark="added"]')).toBeVisible();
  await expect.poll(async () => (await stored(context, 'seen')).find((r) => r.key === 'card:globex')?.items.proofPoints.length).toBe(4);
  await page.reload();
  await expect(p.getByRole('tabpanel')).toContainText('Globex');
  await expect(p.locator('.fl-updated')).toHaveCount(0);
});

test('a snoozed red play stays collapsed on reload; shown once, it waits a week to open expanded again', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(demo('hubspot-company').url);
  const p = panel(page);
  const play = p.locator('.fl-play');
  await expect(play).toHaveAttribute('data-play', 'expanded');
  await expect.poll(async () => (await stored(context, 'plays')).length).toBe(1);
  await page.reload();
  // The sample's red band opens its play at most every 7 days per account.
  await expect(play).toHaveAttribute('data-play', 'collapsed');
  await play.locator('summary').click();
  await play.getByRole('button', { name: /Snooze/ }).click();
  await expect(play.locator('summary')).toContainText('snoozed until');
  await page.reload();
  await expect(play).toHaveAttribute('data-play', 'collapsed');
  await expect(play.locator('summary')).toContainText('snoozed until');
  expect(await axe(page)).toEqual([]);
});

test('a stale card\'s warning, snoozed, stays quiet on reload and off the rail; "Show again" brings it back', async ({ context }) => {
  const page = await context.newPage();
  // Pinnacle Cloud has Hooli in play, whose card is past its review date in the sample.
  await page.goto('https://app.hubspot.com/contacts/4411223/record/0-2/6120077834');
  const p = panel(page);
  await expect(p.locator('.fl-account-name')).toHaveText('Pinnacle Cloud Software Pte. Ltd.');
  const tab = p.getByRole('tab', { name: /Hooli Cloud/ });
  if (await tab.count()) await tab.click();
  const warning = p.locator('[data-stale]');
  await expect(warning).toHaveAttribute('data-stale', 'warn');
  await p.getByRole('button', { name: 'Snooze for 14 days' }).click();
  await expect(warning).toHaveAttribute('data-stale', 'snoozed');
  await expect(warning).toContainText('snoozed until');
  await expect.poll(async () => (await stored(context, 'plays')).some((r) => r.key === '#stale|hooli' && r.snoozedUntil)).toBe(true);
  await page.reload();
  await expect(warning).toHaveAttribute('data-stale', 'snoozed');
  expect(await axe(page)).toEqual([]);
  // Collapsed, the rail shows no "past review" dot for a snoozed warning.
  await p.getByRole('button', { name: 'Collapse Frontline' }).click();
  const rail = sidebar(page).locator('.fl-rail');
  await expect(rail).toBeVisible();
  await expect(rail.locator('.fl-dot-warn')).toHaveCount(0);
  await rail.click();
  await p.getByRole('button', { name: 'Show again' }).click();
  await expect(warning).toHaveAttribute('data-stale', 'warn');
});
