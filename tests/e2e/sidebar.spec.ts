import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, demo, panel, sidebar, sidebarFrame } from './fixtures';

const sample = JSON.parse(readFileSync(new URL('../../assets/sample-pack.json', import.meta.url), 'utf8'));
// The sidebar on each demo page, ticks and import/rollback run in Chromium and Firefox alike: scenarios/core.ts.

test('the sidebar collapses to a rail and opens again', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(demo('salesforce-opportunity').url);
  await panel(page).getByRole('button', { name: 'Collapse Frontline' }).click();
  const rail = sidebar(page).locator('.fl-rail');
  await expect(rail).toBeVisible();
  await expect(rail).toHaveAttribute('aria-label', /Northwind Traders/);
  await expect(panel(page)).toHaveCount(0);
  await rail.click();
  await expect(panel(page).locator('.fl-account-name')).toHaveText('Northwind Traders');
});

/** Picks a pack file on the options page: it is checked and previewed, then activated with the Activate button. */
async function importPack(page: Page, name: string, pack: unknown, { activate = true } = {}) {
  await page.getByTestId('pack-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(typeof pack === 'string' ? pack : JSON.stringify(pack)) });
  if (activate) await page.getByTestId('activate').click();
}

test('a pack with five errors is refused with each path listed, and the sample pack stays active', async ({ context, extId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extId}/options.html`);
  await expect(page.getByTestId('pack-version')).toHaveText(sample.meta.version);
  const bad = structuredClone(sample);
  bad.meta.version = '9.9.9';
  bad.competitors[3].battlecard.objections[0].response = 42;
  bad.accounts[0].domains = 'acme.com';
  bad.playbooks[0].motion = 'hunting';
  bad.healthModel.measures[0].weight = -1;
  bad.accounts[1].renewalDate = '2027-13-01';
  await importPack(page, 'broken.json', bad, { activate: false });
  await expect(page.getByTestId('notice')).toContainText('5 problems');
  const errors = page.getByTestId('pack-errors').locator('li');
  await expect(errors).toHaveCount(5);
  await expect(errors.nth(0)).toContainText('competitors[3].battlecard.objections[0].response: expected text, got number');
  await expect(page.getByTestId('pack-errors')).toContainText('accounts[0].domains');
  await expect(page.getByTestId('pack-errors')).toContainText('playbooks[0].motion');
  await expect(page.getByTestId('pack-version')).toHaveText(sample.meta.version);

  // The sidebar still runs on the sample pack.
  const crm = await context.newPage();
  await crm.goto(demo('salesforce-opportunity').url);
  await expect(panel(crm).locator('.fl-topbar')).toContainText(`v${sample.meta.version}`);
});

test('a ticked item that a pack update removed is listed as removed, and a rollback shows it ticked again', async ({ context, extId }) => {
  const crm = await context.newPage();
  await crm.goto(demo('salesforce-opportunity').url);
  const first = panel(crm).locator('.fl-checklist li').first();
  const label = (await first.textContent())!.replace(/required$/, '').trim();
  await first.locator('input').check();
  await expect(panel(crm).locator('.fl-progress-label')).toHaveText(/^1 \//);

  const next = structuredClone(sample);
  next.meta.version = '1.1.0';
  const stage = next.playbooks.find((p: any) => p.id === 'new-business').stages.find((s: any) => s.crmStages?.salesforce?.includes('Proposal/Price Quote'));
  stage.checklist.shift();
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extId}/options.html`);
  await importPack(options, 'pack-v1.1.json', next);
  await expect(options.getByTestId('pack-version')).toHaveText('1.1.0');

  await crm.reload();
  await expect(panel(crm).locator('.fl-removed')).toContainText(label);
  await expect(panel(crm).locator('.fl-progress-label')).toHaveText(/^0 \//);
  // Viewing it again changes nothing: the tick is hidden, not deleted.
  await crm.reload();
  await expect(panel(crm).locator('.fl-removed')).toContainText(label);

  await options.getByTestId('rollback').click();
  await expect(options.getByTestId('pack-version')).toHaveText(sample.meta.version);
  await crm.reload();
  await expect(panel(crm).locator('.fl-progress-label')).toHaveText(/^1 \//);
  await expect(panel(crm).locator('.fl-checklist li').first().locator('input')).toBeChecked();
  await expect(panel(crm).locator('.fl-removed')).toHaveCount(0);
});

test('the panel paints its top first: the account and the first open section, then every other section fills in', async ({ context }) => {
  // In the sidebar frame: the sections as they were when the account name first appeared.
  await context.addInitScript(() => {
    if (!location.pathname.endsWith('/sidebar.html')) return;
    const w = window as unknown as { __flFirst?: [string, number][] };
    new MutationObserver(() => {
      if (w.__flFirst || !document.querySelector('.fl-account-name')?.textContent) return;
      w.__flFirst = [...document.querySelectorAll('section.fl-section')].map((s) => [s.getAttribute('data-section') ?? '', s.querySelectorAll('*').length]);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  const page = await context.newPage();
  await page.goto(demo('salesforce-opportunity').url);
  await expect(panel(page).locator('.fl-account-name')).toHaveText('Northwind Traders');
  const frame = await sidebarFrame(page);
  const first = await frame.evaluate(() => (window as unknown as { __flFirst: [string, number][] }).__flFirst);
  // Every section's heading is there at once (the glance line jumps to them); only the first one's body.
  expect(first.length).toBeGreaterThanOrEqual(5);
  expect(first[0][1]).toBeGreaterThan(10);
  for (const [id, elements] of first.slice(1)) expect(elements, id).toBeLessThanOrEqual(1);
  // Right after that paint, every section has its content.
  await expect(panel(page).locator('[data-deferred]')).toHaveCount(0);
  const after = await frame.evaluate(() => [...document.querySelectorAll('section.fl-section')].map((s) => s.querySelectorAll('*').length));
  expect(after.filter((n) => n <= 1)).toEqual([]);
});
