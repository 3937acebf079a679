/**
 * Issue 16, items 4–6 on the demo pages: the qualification scorecard (kept across
 * reloads and a pack update), win / loss asked once at the close (listed and exported in
 * the ops console), and the CS rep's sentiment beside the score, weighting it.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, demo, panel, sidebarFrame, options } from './fixtures';
import { routeClosedDeal } from '../../scripts/demo/closedDeal';

const sample = JSON.parse(readFileSync(new URL('../../assets/sample-pack.json', import.meta.url), 'utf8'));

/** axe on the sidebar frame only (the demo CRM's own markup is not ours), as a11y.spec.ts does. */
async function violations(page: Page) {
  const frame = await sidebarFrame(page);
  const shim = { frames: () => [frame, ...frame.childFrames()], mainFrame: () => frame, evaluate: frame.evaluate.bind(frame), evaluateHandle: frame.evaluateHandle.bind(frame), context: () => page.context() };
  const result = await new AxeBuilder({ page: shim as unknown as Page }).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function importPack(page: Page, name: string, pack: unknown) {
  await page.getByTestId('pack-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pack)) });
  await page.getByTestId('activate').click();
}

const element = (page: Page, id: string) => panel(page).locator(`.fl-sc-el[data-element="${id}"]`);
/** The element's status as its pressed button says it. */
const status = (page: Page, id: string) => element(page, id).locator('.fl-sc-state[aria-pressed="true"]');

test('a scorecard element validated on an opportunity is kept across reloads and a pack update', async ({ context, extId }) => {
  const crm = await context.newPage();
  await crm.goto(demo('salesforce-opportunity').url);
  const p = panel(crm);
  await expect(p.locator('.fl-glance')).toContainText('MEDDPICC 0/8');
  // The page already names the economic buyer (Contact Roles) and the next step: suggested, with the source.
  await expect(element(crm, 'economic-buyer').locator('.fl-sc-suggest')).toContainText('Nancy Davolio');
  await expect(element(crm, 'economic-buyer').locator('.fl-sc-suggest')).toContainText('contact role “Economic Buyer”');
  await expect(element(crm, 'decision-process').locator('.fl-sc-suggest')).toContainText('Pricing review with the CFO on 5/14');
  // Proposal's exit needs four elements validated.
  await expect(p.locator('.fl-sc-exit')).toHaveText('To leave Proposal: 0 of 4 required elements validated');
  expect(await violations(crm)).toEqual([]);

  await element(crm, 'economic-buyer').getByRole('button', { name: 'Use as note' }).click();
  await expect(element(crm, 'economic-buyer').getByRole('textbox')).toHaveValue('Nancy Davolio');
  await element(crm, 'economic-buyer').getByRole('button', { name: 'Validated' }).click();
  await element(crm, 'metrics').getByRole('textbox').fill('+5% repeat purchase = $2.4M a year');
  await element(crm, 'metrics').getByRole('textbox').press('Tab');
  await expect(status(crm, 'metrics')).toHaveText('Noted');
  await expect(p.locator('.fl-glance')).toContainText('MEDDPICC 1/8');
  await expect(p.locator('.fl-sc-exit')).toHaveText('To leave Proposal: 1 of 4 required elements validated');

  await crm.reload();
  await expect(status(crm, 'economic-buyer')).toHaveText('Validated');
  await expect(element(crm, 'metrics').getByRole('textbox')).toHaveValue('+5% repeat purchase = $2.4M a year');

  const next = structuredClone(sample);
  next.meta.version = '1.1.0';
  next.qualification.elements.find((e: any) => e.id === 'economic-buyer').name = { en: 'Economic buyer (EB)', 'zh-CN': '经济决策人（EB）' };
  const ops = await options(context, extId);
  await importPack(ops, 'pack-v1.1.json', next);
  await expect(ops.getByTestId('pack-version')).toHaveText('1.1.0');

  await crm.reload();
  await expect(panel(crm).locator('.fl-topbar')).toContainText('v1.1.0');
  await expect(element(crm, 'economic-buyer')).toContainText('Economic buyer (EB)');
  await expect(status(crm, 'economic-buyer')).toHaveText('Validated');
  await expect(status(crm, 'metrics')).toHaveText('Noted');
  await expect(panel(crm).locator('.fl-glance')).toContainText('MEDDPICC 1/8');
});

test('a closed-lost opportunity asks once for the outcome; the ops console lists it and exports it', async ({ context, extId }) => {
  const crm = await context.newPage();
  await routeClosedDeal(crm);
  await crm.goto(demo('salesforce-opportunity').url);
  const p = panel(crm);
  const form = p.locator('.fl-outcome');
  await expect(form).toContainText('This deal closed lost (Closed Lost). Why?');
  await expect(p.locator('.fl-glance')).toContainText('Record the outcome');
  // The main competitor comes prefilled from the evidence on the page.
  await expect(form.getByLabel('Main competitor')).not.toHaveValue('');
  const competitor = await form.getByLabel('Main competitor').locator('option:checked').textContent();
  // Won-only reasons are not offered for a loss.
  await expect(form.getByLabel('Main reason').locator('option')).not.toContainText(['Clear business value']);
  expect(await violations(crm)).toEqual([]);

  await expect(form.getByRole('button', { name: 'Save outcome' })).toBeDisabled();
  await form.getByLabel('Main reason').selectOption({ label: 'Price' });
  await form.getByLabel('Note').fill('Globex bundled the ELA at 30% off');
  await form.getByRole('button', { name: 'Save outcome' }).click();
  await expect(p.locator('.fl-outcome-done')).toContainText(`Lost · Price · ${competitor}`);

  await crm.reload();
  await expect(panel(crm).locator('.fl-outcome-done')).toContainText('Outcome recorded on');
  await expect(panel(crm).locator('.fl-outcome')).toHaveCount(0);
  await expect(panel(crm).locator('.fl-glance')).not.toContainText('Record the outcome');

  const ops = await options(context, extId);
  const table = ops.getByTestId('outcomes');
  await expect(table).toContainText('Northwind Traders');
  await expect(table).toContainText('Price');
  await expect(table).toContainText('Globex bundled the ELA at 30% off');
  const download = ops.waitForEvent('download');
  await ops.getByTestId('outcomes-export').click();
  const csv = readFileSync((await (await download).path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toBe('\uFEFFDate,Account,Record,Result,CRM stage,Reason,Main competitor,Note,Pack version');
  expect(csv).toContain(`Northwind Traders,salesforce:opportunity:0065g00000NwOpp1AAB,Lost,Closed Lost,Price,${competitor},Globex bundled the ELA at 30% off,1.0.0`);
  const opsAxe = await new AxeBuilder({ page: ops }).include('#outcomes').analyze();
  expect(opsAxe.violations.map((v) => v.id)).toEqual([]);
});

test('a CS rep’s sentiment is saved, shown beside the score and weights it as the model says', async ({ context }) => {
  const crm = await context.newPage();
  await crm.goto(demo('salesforce-opportunity').url);
  const p = panel(crm);
  const gauge = p.locator('.fl-gauge');
  await expect(gauge).toBeVisible();
  const before = Number(await gauge.getAttribute('aria-valuenow'));
  const box = p.locator('.fl-sentiment');
  await box.getByRole('radio', { name: 'Red' }).check();
  await box.getByLabel('Comment').fill('Sponsor left in October');
  await box.getByRole('button', { name: 'Save my read' }).click();
  await expect(box.locator('.fl-sn-current')).toContainText('Red — Sponsor left in October');
  // The sample model weighs the read 0.2 against measures weighing 1.0: a sixth of the score.
  await expect(box.locator('.fl-sn-current')).toContainText('Counts for 17% of the score.');
  const after = Number(await gauge.getAttribute('aria-valuenow'));
  expect(after).toBe(Math.round((before * 5) / 6));
  expect(await violations(crm)).toEqual([]);

  await crm.reload();
  await expect(panel(crm).locator('.fl-sn-current')).toContainText('Red — Sponsor left in October');
  await expect(panel(crm).locator('.fl-gauge')).toHaveAttribute('aria-valuenow', String(after));
});

test.describe('in Chinese', () => {
  test.use({ launch: { locale: 'zh-CN' } });

  test('the scorecard and the win/loss prompt read in Chinese, with no axe violations', async ({ context }) => {
    const crm = await context.newPage();
    await routeClosedDeal(crm);
    await crm.goto(demo('salesforce-opportunity').url);
    const p = panel(crm);
    await expect(p.locator('.fl-outcome')).toContainText('此商机已丢单（Closed Lost）。原因是什么？');
    await expect(element(crm, 'economic-buyer')).toContainText('经济决策人');
    await expect(element(crm, 'economic-buyer').locator('.fl-sc-suggest')).toContainText('联系人角色“Economic Buyer”');
    expect(await violations(crm)).toEqual([]);
  });
});

test.describe('dark theme', () => {
  test.use({ launch: { colorScheme: 'dark' } });

  test('scorecard, win/loss prompt and sentiment have no axe violations', async ({ context }) => {
    const crm = await context.newPage();
    await routeClosedDeal(crm);
    await crm.goto(demo('salesforce-opportunity').url);
    await expect(panel(crm).locator('.fl-outcome')).toBeVisible();
    await expect(panel(crm).locator('.fl-sentiment')).toBeVisible();
    expect(await violations(crm)).toEqual([]);
  });
});
