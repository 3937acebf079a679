import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, demo, panel, storedRecords } from './fixtures';
import { PAGES_DIR } from '../../scripts/demo/launch';

const sample = JSON.parse(readFileSync(new URL('../../assets/sample-pack.json', import.meta.url), 'utf8'));
const en = (t: string | Record<string, string>) => (typeof t === 'string' ? t : t.en);
// The toolbar toggle, the palette, account picks and insert in reply run in Chromium and Firefox alike: scenarios/core.ts.

async function openSalesforce(page: Page) {
  await page.goto(demo('salesforce-opportunity').url);
  await expect(panel(page).locator('.fl-account-name')).toHaveText('Northwind Traders');
}

test('copy and insert, card views and ticks land in the local usage log', async ({ context }) => {
  const page = await context.newPage();
  await openSalesforce(page);
  const p = panel(page);
  await p.getByRole('tab').nth(1).click();
  await p.locator('summary', { hasText: 'Why we win' }).click();
  await p.locator('.fl-checklist input').first().check();
  await expect
    .poll(async () =>
      (await storedRecords(context, 'usage')).map((e) => `${e.kind}:${e.competitorId ?? e.itemId ?? ''}:${e.section ?? ''}:${e.accountId}`).sort(),
    )
    .toEqual(expect.arrayContaining(['card_view:beacon::northwind', 'section_view:beacon:whyWeWin:northwind', expect.stringMatching(/^tick:.+::northwind$/)]));
});

test('an ambiguous thread shows the candidates with the reason; a pick is remembered for that thread', async ({ context }) => {
  const page = await context.newPage();
  const html = readFileSync(join(PAGES_DIR, 'gmail-thread.html'), 'utf8')
    .replaceAll('acme.co.uk', 'initech.com')
    .replaceAll('acme.com', 'initech.com')
    .replaceAll('Acme', 'Contoso');
  await page.route('https://mail.google.com/**', (r) => (r.request().resourceType() === 'document' ? r.fulfill({ contentType: 'text/html', body: html }) : r.fulfill({ status: 404 })));
  await page.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdXyzThreadShared01');
  const p = panel(page);
  await expect(p.locator('.fl-account-name')).toHaveText('Which account is this?');
  await expect(p.locator('.fl-candidate')).toHaveCount(2);
  await expect(p.locator('.fl-candidates')).toContainText('share initech.com');
  await p.locator('.fl-candidate').filter({ hasText: 'Initech Labs' }).getByRole('button').click();
  await expect(p.locator('.fl-account-name')).toHaveText('Initech Labs');
  await expect(p.locator('.fl-account .fl-chip').first()).toContainText('you picked Initech Labs');
  await page.reload();
  await expect(panel(page).locator('.fl-account-name')).toHaveText('Initech Labs');
});

test('the panel resizes from its edge and keeps its width for the site', async ({ context }) => {
  const page = await context.newPage();
  await openSalesforce(page);
  const handle = panel(page).getByRole('separator');
  await handle.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
  await expect(panel(page)).toHaveJSProperty('offsetWidth', 420);
  await page.reload();
  await expect(panel(page).locator('.fl-account-name')).toBeVisible();
  await expect(panel(page)).toHaveJSProperty('offsetWidth', 420);
});

test('a stale card is flagged on its tab and in its header; health shows trend, history and drivers', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(demo('hubspot-company').url);
  const p = panel(page);
  const hooli = p.getByRole('tab', { name: /Hooli Cloud/ });
  await expect(hooli.getByRole('img', { name: 'Stale' })).toBeVisible();
  await hooli.click();
  await expect(p.locator('.fl-card-meta .fl-badge-warn')).toHaveText('Stale');
  const health = p.locator('.fl-health');
  await expect(health.locator('.fl-trend')).toContainText(/down \d+ since/);
  await expect(health.locator('svg.fl-spark path')).toHaveCount(1);
  await expect(health.locator('.fl-measures li')).toHaveCount(sample.healthModel.measures.length);
  await expect(health.locator('.fl-gauge-band')).toHaveText(en(sample.healthModel.bands.find((b: any) => b.color === 'red').label));
});

test('when nothing matches, the sidebar says so and shows what it looked for', async ({ context }) => {
  const page = await context.newPage();
  const html = readFileSync(join(PAGES_DIR, 'gmail-thread.html'), 'utf8')
    .replaceAll('acme.co.uk', 'unknown-co.example')
    .replaceAll('acme.com', 'unknown-co.example')
    .replaceAll('Acme', 'Nobody');
  await page.route('https://mail.google.com/**', (r) => (r.request().resourceType() === 'document' ? r.fulfill({ contentType: 'text/html', body: html }) : r.fulfill({ status: 404 })));
  await page.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdXyzThreadEmpty02');
  const p = panel(page);
  await expect(p.locator('.fl-account-name')).toHaveText('No account matched');
  await expect(p.locator('.fl-looked')).toContainText('unknown-co.example');
  // Our own colleagues are never looked for as the customer, and the sidebar says so.
  await expect(p.locator('.fl-looked')).not.toContainText('lumora.io');
  await expect(p.locator('.fl-empty')).toContainText('lumora.io is our own domain, skipped');
  await expect(p.locator('[data-section="next-steps"]')).toContainText('No checklist');
});
