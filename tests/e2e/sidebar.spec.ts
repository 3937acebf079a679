import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, demo, panel, sidebar } from './fixtures';

const sample = JSON.parse(readFileSync(new URL('../../assets/sample-pack.json', import.meta.url), 'utf8'));
const en = (t: string | Record<string, string>) => (typeof t === 'string' ? t : t.en);
const competitorName = (id: string) => sample.competitors.find((c: any) => c.id === id).name;
/** The new-business stage the pack maps Salesforce's "Proposal/Price Quote" to. */
const proposalStage = () => {
  const pb = sample.playbooks.find((p: any) => p.id === 'new-business');
  return en(pb.stages.find((s: any) => s.crmStages?.salesforce?.includes('Proposal/Price Quote')).name);
};


test('Salesforce opportunity: account, battlecards with evidence, stage from the CRM, checklist and health', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(demo('salesforce-opportunity').url);
  const p = panel(page);
  await expect(p.locator('.fl-account-name')).toHaveText('Northwind Traders');
  await expect(p.locator('.fl-account .fl-chip').first()).toContainText('0015g00000NwTrdAAB');
  // The CRM competitor field names Globex, so its card comes first.
  await expect(p.getByRole('tab').first()).toHaveText(competitorName('globex'));
  await expect(p.getByRole('tabpanel')).toContainText('Globex Analytics');
  await expect(p.locator('.fl-path-current')).toHaveText(proposalStage());
  await expect(p.locator('[data-section="stage"]')).toContainText('Proposal/Price Quote');
  await expect(p.locator('.fl-checklist input[type=checkbox]').first()).toBeVisible();
  await expect(p.locator('.fl-gauge')).toBeVisible();
  await expect(p.locator('.fl-gauge-band')).not.toBeEmpty();
});

test('HubSpot company in Chinese: the red account shows its play', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(demo('hubspot-company').url);
  const p = panel(page);
  await expect(p.locator('.fl-account-name')).toHaveText('上海云杉科技有限公司');
  await expect(p.getByRole('tab', { name: competitorName('shuce') })).toBeVisible();
  await expect(p.locator('.fl-health')).toHaveClass(/fl-band-red/);
  await expect(p.locator('.fl-play')).toBeVisible();
  await expect(p.locator('.fl-renewal')).toContainText('2026-12-31');
});

test('Gmail thread: the customer from the participants, Globex from the body, our own people ignored', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(demo('gmail-thread').url);
  const p = panel(page);
  await expect(p.locator('.fl-account-name')).toHaveText('Acme Corporation');
  await expect(p.locator('.fl-account .fl-chip').first()).toContainText('acme.com');
  await expect(p.getByRole('tab').first()).toHaveText(competitorName('globex'));
  await expect(p.locator('.fl-evidence')).toContainText(/mentioned \d+× on this page/);
  await expect(p.locator('.fl-snippets li').first()).toContainText('Globex');
});

test('a checklist tick survives a reload', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(demo('salesforce-opportunity').url);
  const first = panel(page).locator('.fl-checklist input[type=checkbox]').first();
  await expect(first).not.toBeChecked();
  const progress = panel(page).locator('.fl-progress-label');
  const before = await progress.textContent();
  await first.check();
  await expect(progress).not.toHaveText(before!);
  await page.reload();
  await expect(panel(page).locator('.fl-checklist input[type=checkbox]').first()).toBeChecked();
  await expect(panel(page).locator('.fl-progress-label')).toHaveText(/^1 \//);
});

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

test('importing a new pack changes what reps see, and rollback brings the old one back', async ({ context, extId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extId}/options.html`);
  const next = structuredClone(sample);
  next.meta.version = '2.0.0';
  next.accounts.find((a: any) => a.id === 'northwind').name = 'Northwind Traders Group';
  await importPack(page, 'pack-v2.json', next, { activate: false });
  // Checked and previewed; nothing changes for reps before Activate.
  await expect(page.getByTestId('diff')).toContainText('Northwind Traders Group');
  await expect(page.getByTestId('pack-version')).toHaveText(sample.meta.version);
  await page.getByTestId('activate').click();
  await expect(page.getByTestId('notice')).toContainText('2.0.0');
  await expect(page.getByTestId('pack-version')).toHaveText('2.0.0');

  const crm = await context.newPage();
  await crm.goto(demo('salesforce-opportunity').url);
  await expect(panel(crm).locator('.fl-account-name')).toHaveText('Northwind Traders Group');

  await page.getByTestId('rollback').click();
  await expect(page.getByTestId('pack-version')).toHaveText(sample.meta.version);
  await crm.reload();
  await expect(panel(crm).locator('.fl-account-name')).toHaveText('Northwind Traders');
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
