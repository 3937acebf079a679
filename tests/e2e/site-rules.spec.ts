/**
 * A real self-hosted CRM's markup (Atomic CRM: React, hash routing, the deal open as a
 * dialog over the board) on its own internal hostname, read by the pack's site rules
 * once ops allowed the host — and "Try this rule on the current tab" in the ops console.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { test as base, expect, options, panel } from './fixtures';
import { extensionId, launchWithExtension, ROOT } from '../../scripts/demo/launch';
import { grantedCopy } from './support/granted';

const FIXTURES = join(ROOT, 'tests/fixtures/pages/generic');
const sample = JSON.parse(readFileSync(join(ROOT, 'assets/sample-pack.json'), 'utf8'));
const { rules } = JSON.parse(readFileSync(join(FIXTURES, 'atomic-deal.expected.json'), 'utf8'));
const HOST = 'crm.acme.internal';

const pack = () => {
  const p = structuredClone(sample);
  p.meta.version = '1.1.0';
  p.sites = rules;
  p.accounts.push({ id: 'mcd', name: 'McCullough, Doyle and Collins', domains: [], crmIds: { generic: ['7'] } });
  return p;
};

// The browser starts with the host allowed, as after ops click *Allow* (support/granted.ts).
const test = base.extend<{ granted: { context: BrowserContext; extId: string } }>({
  granted: async ({}, use) => {
    const copy = grantedCopy([`https://${HOST}/*`]);
    const context = await launchWithExtension({ headless: true, extensionDir: copy.dir });
    // Every screen of the app is one HTML document; the hash picks the screen.
    await context.route(`https://${HOST}/**`, (r) =>
      r.request().resourceType() === 'document' ? r.fulfill({ contentType: 'text/html', body: readFileSync(join(FIXTURES, 'atomic-deal.html'), 'utf8') }) : r.fulfill({ status: 404 }),
    );
    try {
      await use({ context, extId: await extensionId(context) });
    } finally {
      await context.close();
      copy.remove();
    }
  },
});

async function activate(page: Page) {
  await page.getByTestId('pack-file').setInputFiles({ name: 'atomic.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pack())) });
  await page.getByTestId('activate').click();
  await expect(page.getByTestId('pack-version')).toHaveText('1.1.0');
  await expect(page.getByTestId('site-access-atomic')).toHaveText(/^allowed/);
}

test('a deal whose company is only a link: the sidebar finds the account, and "Try this rule" shows what each field read', async ({ granted: { context, extId } }) => {
  const ops = await options(context, extId);
  await activate(ops);

  const crm = await context.newPage();
  await crm.goto(`https://${HOST}/#/deals/3/show`);
  await expect(panel(crm).locator('.fl-account-name')).toHaveText('McCullough, Doyle and Collins');

  await ops.bringToFront();
  await ops.getByTestId('site-try-atomic').click();
  const trial = ops.getByTestId('site-trial-atomic');
  await expect(trial.getByRole('heading')).toContainText('Rule “atomic” on');
  await expect(trial).toContainText('Route #/deals/{id}/show (id = 3)');
  const row = (field: string) => trial.locator(`tr[data-field="${field}"] td`);
  await expect(row('accountName').nth(2)).toHaveText('1');
  await expect(row('accountName').nth(3)).toHaveText('McCullough, Doyle and Collins');
  await expect(row('accountId').nth(3)).toHaveText('7');
  await expect(row('stage').nth(3)).toHaveText('Proposal Sent');
  await expect(trial.getByTestId('trial-account')).toContainText('Account: McCullough, Doyle and Collins');

  // The board behind the dialog is no record: the trial says no route matches.
  await crm.goto(`https://${HOST}/#/deals`);
  await ops.bringToFront();
  await ops.getByTestId('site-try-atomic').click();
  await expect(trial).toContainText('No route of this rule matches this URL');
  await expect(trial.locator('tr[data-field]')).toHaveCount(0);

  // No tab of the host: say what to open.
  await crm.close();
  await ops.getByTestId('site-try-atomic').click();
  await expect(trial).toHaveText(`No tab shows ${HOST}. Open the record you want to check in a tab, then try again.`);
});

test('a tab opened before the rule existed has no site-rule script: the trial asks for a reload, and works after it', async ({ granted: { context, extId } }) => {
  const crm = await context.newPage();
  await crm.goto(`https://${HOST}/#/deals/3/show`);
  const ops = await options(context, extId);
  await activate(ops);
  await ops.getByTestId('site-try-atomic').click();
  const trial = ops.getByTestId('site-trial-atomic');
  await expect(trial).toContainText('reload it, then try again');
  await crm.reload();
  await expect(panel(crm).locator('.fl-account-name')).toHaveText('McCullough, Doyle and Collins');
  await ops.getByTestId('site-try-atomic').click();
  await expect(trial.getByTestId('trial-account')).toContainText('McCullough, Doyle and Collins');
});
