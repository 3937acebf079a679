/**
 * The pack workbench in the options page, driven as an ops person with only a browser and
 * the sample zip would: open the zip, unzip it into a folder, change a battlecard, see it
 * in the sidebar preview, sign with a key file, download, activate — and see a rep's
 * sidebar on a CRM page show the change.
 *
 * Playwright cannot drive the browser's folder picker (showDirectoryPicker), so the test
 * stands in for the person's choice only: it replaces window.showDirectoryPicker with one
 * that answers a folder of the Origin Private File System (navigator.storage.getDirectory(),
 * a real FileSystemDirectoryHandle, filled and read by the test inside the options page).
 * Everything after the pick — reading, writing back, watching for changes — is the
 * workbench's own code path, the one a folder on disk takes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PAGES_DIR } from '../../scripts/demo/launch';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, options, demo, panel } from './fixtures';
import { generateKeyPair, verifyPackDoc } from '../../utils/pack/sign';

const ZIP = new URL('../../.output/chrome-mv3/sample-pack.zip', import.meta.url).pathname;

/** The next folder picker answers OPFS folder `name` (made empty). */
async function pickerAnswers(page: Page, name: string) {
  await page.evaluate(async (dir) => {
    const root = await navigator.storage.getDirectory();
    await root.removeEntry(dir, { recursive: true }).catch(() => undefined);
    const folder = await root.getDirectoryHandle(dir, { create: true });
    window.showDirectoryPicker = async () => folder;
  }, name);
}

async function readOpfs(page: Page, dir: string, path: string): Promise<string> {
  return page.evaluate(
    async ([d, p]) => {
      let h = await (await navigator.storage.getDirectory()).getDirectoryHandle(d);
      const parts = p.split('/');
      for (const part of parts.slice(0, -1)) h = await h.getDirectoryHandle(part);
      return (await (await h.getFileHandle(parts[parts.length - 1])).getFile()).text();
    },
    [dir, path] as const,
  );
}

/** An editor saving a file in the folder, outside the workbench. */
async function writeOpfs(page: Page, dir: string, path: string, text: string) {
  await page.evaluate(
    async ([d, p, t]) => {
      let h = await (await navigator.storage.getDirectory()).getDirectoryHandle(d);
      const parts = p.split('/');
      for (const part of parts.slice(0, -1)) h = await h.getDirectoryHandle(part);
      const w = await (await h.getFileHandle(parts[parts.length - 1], { create: true })).createWritable();
      await w.write(t);
      await w.close();
    },
    [dir, path, text] as const,
  );
}

const NEW_SUMMARY = 'Globex is the ERP incumbent; lead with real-time data and a six-week go-live.';

test('from the sample zip to a signed pack: change a battlecard, preview it, sign, activate', async ({ context, extId }) => {
  const page = await options(context, extId);
  const wb = page.getByTestId('workbench');
  await expect(page.getByTestId('guide')).toContainText('Make this your pack');
  await expect(page.getByTestId('guide-prompt')).toContainText('the button that has the focus is Deny');

  // The zip the guide offers, opened here, then unzipped into a folder the person picks.
  await wb.getByTestId('wb-zip-input').setInputFiles(ZIP);
  await expect(wb.getByTestId('wb-result')).toContainText('No errors: Lumora field pack (sample) v1.0.0');
  await pickerAnswers(page, 'my-pack');
  await wb.getByTestId('wb-save-into').click();
  await expect(wb.getByTestId('wb-folder')).toContainText('my-pack (edits are saved into its files');
  await expect(wb.getByTestId('wb-checked-at')).toContainText('Checked at');

  // The preview is the real sidebar for the account and stage picked.
  const preview = wb.getByTestId('wb-sidebar');
  await wb.getByTestId('wb-account').selectOption({ label: 'Northwind Traders' });
  await wb.getByTestId('wb-stage').selectOption('new-business/discovery');
  await expect(preview.locator('.fl-account-name')).toHaveText('Northwind Traders');
  await expect(preview.locator('[data-section="stage"]')).toContainText('Discovery & qualification');

  // Change one card: Globex's summary, written back into competitors/globex.en.md.
  const before = await readOpfs(page, 'my-pack', 'competitors/globex.en.md');
  await wb.getByTestId('wb-edit-competitor').selectOption('globex');
  await wb.getByTestId('wb-edit-section').selectOption('summary');
  await wb.getByTestId('wb-edit-text').fill(NEW_SUMMARY);
  await wb.getByTestId('wb-save').click();
  await expect(wb.getByTestId('wb-saved')).toHaveText('Saved into competitors/globex.en.md.');
  const after = await readOpfs(page, 'my-pack', 'competitors/globex.en.md');
  expect(after).toContain(`## Summary\n\n${NEW_SUMMARY}\n\n## Why we win`);
  expect(after.replace(NEW_SUMMARY, '')).toBe(before.replace(/## Summary\n\n[^\n]+\n/, '## Summary\n\n\n'));
  await preview.getByRole('tab', { name: /Globex/ }).click();
  await expect(preview.getByRole('tabpanel')).toContainText(NEW_SUMMARY);

  // An editor breaks a file: checked again on its own, the problem shown as file:line with its docs.
  const yaml = await readOpfs(page, 'my-pack', 'competitors/globex.yaml');
  await writeOpfs(page, 'my-pack', 'competitors/globex.yaml', yaml.replace('reviewEvery: 90', 'reviewEvery: -5'));
  const errors = wb.getByTestId('wb-errors');
  await expect(errors).toContainText('competitors/globex.yaml:10');
  await expect(errors.getByRole('link', { name: 'Documentation for competitors' })).toHaveAttribute('href', /knowledge-pack\.md#6-competitors-and-battlecards/);
  await writeOpfs(page, 'my-pack', 'competitors/globex.yaml', yaml);
  await expect(wb.getByTestId('wb-result')).toContainText('No errors');

  // Sign with the key file the pack tool's keygen writes; the download verifies.
  const key = await generateKeyPair();
  await wb.getByTestId('wb-key-file').setInputFiles({ name: 'frontline-pack.key', mimeType: 'text/plain', buffer: Buffer.from(key.privateKeyPem) });
  await expect(wb.getByTestId('wb-signed')).toHaveText(`Signed with key ${key.keyId}.`);
  const [dl] = await Promise.all([page.waitForEvent('download'), wb.getByTestId('wb-download-signed').click()]);
  const signed = JSON.parse(readFileSync((await dl.path())!, 'utf8'));
  expect(await verifyPackDoc(signed, key.publicKey)).toMatchObject({ ok: true });
  expect(JSON.stringify(signed.pack)).toContain(NEW_SUMMARY);

  // Activate it here, through the import's own checks and diff.
  await wb.getByTestId('wb-try').click();
  await expect(wb.getByTestId('preview')).toContainText('Globex Analytics');
  await wb.getByTestId('allow-downgrade').check();
  await wb.getByTestId('activate').click();
  await expect(wb.getByTestId('wb-try-notice')).toHaveText('Activated Lumora field pack (sample) v1.0.0.');
  await expect(page.getByTestId('pack-source')).toContainText('my-pack (workbench)');

  // A rep's sidebar on the CRM shows the changed card.
  const crm = await context.newPage();
  await crm.goto(demo('salesforce-opportunity').url);
  await expect(panel(crm)).toContainText(NEW_SUMMARY);
});

test('the sample opens in the workbench; the page has no accessibility violations, in English and Chinese', async ({ context, extId }) => {
  const page = await options(context, extId);
  const wb = page.getByTestId('workbench');
  await wb.getByTestId('wb-open-sample').click();
  await expect(wb.getByTestId('wb-result')).toContainText('No errors');
  await expect(wb.getByTestId('wb-sidebar').locator('.fl-account-name')).toBeVisible();

  // A saved CRM page, read by the extension's own adapter at the address given (as npm run explain does).
  const opp = demo('salesforce-opportunity');
  await wb.getByTestId('wb-page-url').fill(opp.url);
  await wb.getByTestId('wb-page-file').setInputFiles(join(PAGES_DIR, 'salesforce-opportunity.html'));
  await expect(wb.getByTestId('wb-page-note')).toContainText('Read salesforce-opportunity.html as the page at this address.');
  await expect(wb.getByTestId('wb-sidebar').locator('.fl-account-name')).toHaveText('Northwind Traders');
  await expect(wb.getByTestId('wb-sidebar')).toContainText('Globex Analytics');

  for (const kind of ['objection', 'checklist', 'competitors', 'section']) {
    await wb.getByTestId('wb-edit-kind').selectOption(kind);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), kind).toEqual([]);
  }
  await page.getByTestId('lang').selectOption('zh-CN');
  await expect(wb).toContainText('知识包工作台');
  await expect(page.getByTestId('guide')).toContainText('把它变成你的知识包');
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
