/**
 * The ops console against a real pack server: a node:http server on 127.0.0.1 that
 * serves the pack with an ETag (and CORS, as a static host would), and the built
 * extension syncing from it.
 */
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, demo, panel, options } from './fixtures';
import { ROOT } from '../../scripts/demo/launch';
import { generateKeyPair, signPack } from '../../utils/pack/sign';
import { packServer, type PackServer } from './packServer';

const sample = JSON.parse(readFileSync(join(ROOT, 'assets/sample-pack.json'), 'utf8'));
const version = (v: string, patch?: (p: any) => void) => {
  const p = structuredClone(sample);
  p.meta.version = v;
  patch?.(p);
  return p;
};

let srv: PackServer;
test.beforeEach(async () => {
  srv = await packServer();
});
test.afterEach(async () => {
  await srv.close();
});

async function configureSync(page: Page, url: string, publicKey = '') {
  await page.getByTestId('sync-url').fill(url);
  await page.getByTestId('sync-key').fill(publicKey);
  await page.getByTestId('sync-save').click();
}

const result = (page: Page) => page.getByTestId('sync-result');

// The first sync and its 304 run in Chromium and Firefox alike: scenarios/core.ts.

test('sync with a public key: a tampered pack is refused and the active pack is kept', async ({ context, extId }) => {
  const key = await generateKeyPair();
  srv.publish(await signPack(version('1.1.0'), key.privateKeyPem));
  const page = await options(context, extId);
  await configureSync(page, srv.url, key.publicKey);
  await expect(result(page)).toContainText('Activated v1.1.0.');

  // v1.2.0, signed, then changed on the server: one digit of an ARR.
  const signed = await signPack(version('1.2.0'), key.privateKeyPem);
  const text = JSON.stringify(signed).replace('"arr":180000', '"arr":980000');
  expect(text).not.toBe(JSON.stringify(signed));
  srv.publish(text);
  await page.getByTestId('sync-now').click();
  await expect(result(page)).toContainText('Refused: the signature check failed');
  await expect(result(page)).toContainText('the pack was changed after it was signed');
  await expect(page.getByTestId('pack-version')).toHaveText('1.1.0');

  // An unsigned pack is refused the same way.
  srv.publish(version('1.3.0'));
  await page.getByTestId('sync-now').click();
  await expect(result(page)).toContainText('the pack is not signed');
  await expect(page.getByTestId('pack-version')).toHaveText('1.1.0');
});

test('sync refuses a downgrade; an explicit rollback on the page is allowed', async ({ context, extId }) => {
  srv.publish(version('1.2.0'));
  const page = await options(context, extId);
  await configureSync(page, srv.url);
  await expect(page.getByTestId('pack-version')).toHaveText('1.2.0');

  srv.publish(version('1.1.0'));
  await page.getByTestId('sync-now').click();
  await expect(result(page)).toContainText('Refused: v1.1.0 is older than the active pack');
  await expect(page.getByTestId('pack-version')).toHaveText('1.2.0');

  // The same older pack as a file: the preview says it is older, and Activate needs the rollback box.
  await page.getByTestId('pack-file').setInputFiles({ name: 'pack-1.1.0.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(version('1.1.0'))) });
  await expect(page.getByTestId('diff-direction')).toHaveText('older version');
  await expect(page.getByTestId('activate')).toBeDisabled();
  await page.getByTestId('allow-downgrade').check();
  await page.getByTestId('activate').click();
  await expect(page.getByTestId('pack-version')).toHaveText('1.1.0');
  // The stages the background reported, each with its time: checked at preview, stored, active.
  const stages = page.getByTestId('activation-stages');
  await expect(stages.locator('li')).toHaveText([/^✓ Checked at preview \d+ ms$/, /^✓ Storing .* \d+ ms$/, /^✓ Active in \d+ ms$/]);
  await expect(stages.locator('progress')).toHaveAttribute('value', '3');
});

test('sync refuses a pack URL whose redirect ends on an address the https rule refuses', async ({ context, extId }) => {
  // The pack host sends the browser to plain http on another machine (127.0.0.2 is not "this machine" for the rule).
  const target = createServer((_req, res) => void res.writeHead(200, { 'Access-Control-Allow-Origin': '*' }).end(JSON.stringify(version('9.9.9'))));
  await new Promise<void>((r) => target.listen(0, '127.0.0.2', r));
  const moved = createServer((_req, res) => void res.writeHead(302, { 'Access-Control-Allow-Origin': '*', Location: `http://127.0.0.2:${(target.address() as AddressInfo).port}/pack.json` }).end());
  await new Promise<void>((r) => moved.listen(0, '127.0.0.1', r));
  try {
    const page = await options(context, extId);
    await configureSync(page, `http://127.0.0.1:${(moved.address() as AddressInfo).port}/pack.json`);
    await expect(result(page)).toContainText('the server redirected to http://127.0.0.2:');
    await expect(result(page)).toContainText('the pack URL must start with https://');
    await expect(page.getByTestId('pack-version')).toHaveText(sample.meta.version);
  } finally {
    await Promise.all([target, moved].map((s) => new Promise((r) => s.close(r))));
  }
});

test('rollback brings the previous pack back, and it sticks while the server has nothing new', async ({ context, extId }) => {
  srv.publish(version('1.1.0'), '"a"');
  const page = await options(context, extId);
  await configureSync(page, srv.url);
  await expect(page.getByTestId('pack-version')).toHaveText('1.1.0');

  await page.getByTestId('rollback').click();
  await expect(page.getByTestId('pack-version')).toHaveText(sample.meta.version);
  await page.getByTestId('sync-now').click();
  await expect(result(page)).toContainText('Not modified (304)');
  await expect(page.getByTestId('pack-version')).toHaveText(sample.meta.version);

  srv.publish(version('1.1.1'), '"b"');
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('pack-version')).toHaveText('1.1.1');
});

test('import from a URL: a progress bar while it downloads, every error listed, a preview, then Activate', async ({ context, extId }) => {
  const page = await options(context, extId);
  srv.publish(version('1.1.0', (p) => (p.accounts[0].arr = 'lots')));
  await page.getByTestId('import-url').fill(srv.url);
  await page.getByTestId('import-fetch').click();
  await expect(page.getByTestId('notice')).toContainText('Not imported: 1 problem.');
  await expect(page.getByTestId('pack-errors')).toContainText('accounts[0].arr: expected a number, got text');

  srv.publish(version('1.1.0', (p) => (p.competitors[4].owner = 'Lin Wei')));
  const gate = srv.hold();
  await page.getByTestId('import-fetch').click();
  const progress = page.getByTestId('import-progress');
  await expect(progress.locator('progress')).toBeVisible();
  await expect(progress).toContainText(' of ');
  gate.release();
  await expect(page.getByTestId('diff-competitors')).toContainText('0 added · 1 changed · 0 removed');
  await expect(page.getByTestId('diff-competitors')).toContainText('→ "Lin Wei"');
  await expect(page.getByTestId('pack-version')).toHaveText(sample.meta.version);
  await page.getByTestId('activate').click();
  await expect(page.getByTestId('pack-version')).toHaveText('1.1.0');
});

test('stale cards by owner, site rules with their permission, and the local usage table', async ({ context, extId }) => {
  const crm = await context.newPage();
  await crm.goto(demo('salesforce-opportunity').url);
  await panel(crm).locator('.fl-checklist input[type=checkbox]').first().check();
  await expect(panel(crm).locator('.fl-progress-label')).toHaveText(/^1 \//);

  const page = await options(context, extId);
  const next = version('1.1.0', (p) => {
    // An owner that a spreadsheet would run as a formula: the export must make it text.
    p.competitors[0].owner = '=Priya Raman';
    p.competitors[0].reviewedAt = '2020-01-01';
    p.sites = [{ id: 'intranet-crm', host: 'crm.example.com', pathPrefix: '/accounts/', recordType: 'account', selectors: { accountName: 'h1' } }];
  });
  await page.getByTestId('pack-file').setInputFiles({ name: 'next.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(next)) });
  await page.getByTestId('activate').click();
  await expect(page.getByTestId('pack-version')).toHaveText('1.1.0');

  const stale = page.getByTestId('stale');
  await expect(stale.getByRole('heading', { name: /^=Priya Raman: \d+$/ })).toBeVisible();
  await expect(stale).toContainText(next.competitors[0].name);
  const staleDownload = page.waitForEvent('download');
  await page.getByTestId('stale-export').click();
  const staleCsv = readFileSync((await (await staleDownload).path())!, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
  expect(staleCsv[0]).toBe('Owner,Card,ID,Reviewed,Review was due,Overdue');
  expect(staleCsv[1]).toMatch(new RegExp(`^'=Priya Raman,${next.competitors[0].name},${next.competitors[0].id},2020-01-01,`));
  await expect(page.getByTestId('site-access-intranet-crm')).toHaveText('not allowed');
  await expect(page.getByTestId('site-grant-intranet-crm')).toBeVisible();

  const usage = page.getByTestId('usage-table');
  await expect(usage.locator('thead')).toContainText('Ticks');
  const weekRow = usage.locator('tbody tr').first();
  await expect(weekRow.locator('td').first()).toHaveText(/^\d{4}-W\d{2}$/);
  await expect(weekRow.locator('td').last()).toHaveText('1');
  const checklist = page.getByTestId('checklist-table');
  await expect(checklist.locator('tr', { hasText: 'Proposal' }).first().locator('td').nth(3)).toHaveText('1');

  await page.getByTestId('usage-group').selectOption('segment');
  await expect(usage.locator('tbody tr').first().locator('td').first()).toHaveText('Enterprise');
  const download = page.waitForEvent('download');
  await page.getByTestId('usage-export').click();
  const csv = readFileSync((await (await download).path())!, 'utf8');
  expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('Segment,Card views,Section views,Objection views,Copies,Inserts,Ticks');
  expect(csv).toContain('Enterprise,');

  await page.getByTestId('usage-clear').click();
  await page.getByTestId('usage-clear').click(); // confirm
  await expect(page.getByTestId('usage-summary')).toHaveText('No usage recorded yet.');
});

test('the production build has no stand-in for the browser policy', () => {
  const bundle = readFileSync(join(ROOT, '.output/chrome-mv3/background.js'), 'utf8');
  expect(bundle).not.toContain('e2e.managedPolicy');
  const manifest = JSON.parse(readFileSync(join(ROOT, '.output/chrome-mv3/manifest.json'), 'utf8'));
  expect(manifest.storage.managed_schema).toBe('managed_schema.json');
  expect(manifest.permissions).toContain('alarms');
  const schema = JSON.parse(readFileSync(join(ROOT, '.output/chrome-mv3/managed_schema.json'), 'utf8'));
  expect(Object.keys(schema.properties)).toEqual(['packUrl', 'publicKey', 'refreshMinutes', 'allowPackSwitch', 'defaultRole', 'lockSettings', 'telemetryEndpoint', 'telemetryIncludeNotes']);
});

test.describe('managed (enterprise) settings', () => {
  // Browsers let nobody write managed storage, so this build reads the policy from a
  // local item instead (utils/sync/managed.ts; only in `wxt build --mode e2e`).
  const E2E_DIR = join(ROOT, '.output/chrome-mv3-e2e');
  test.use({ launch: { extensionDir: E2E_DIR } });
  test.beforeAll(() => {
    execFileSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['wxt', 'build', '--mode', 'e2e'], { cwd: ROOT, stdio: 'pipe' });
    expect(existsSync(join(E2E_DIR, 'manifest.json'))).toBe(true);
  });

  test('a policy sets the pack URL and refresh, the page shows them locked, and the pack is synced', async ({ context, extId }) => {
    srv.publish(version('1.4.0'));
    let [worker] = context.serviceWorkers();
    worker ??= await context.waitForEvent('serviceworker');
    // What IT's policy would hand the extension as managed storage.
    await worker.evaluate(
      (policy) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ 'e2e.managedPolicy': policy }),
      { packUrl: srv.url, refreshMinutes: 30 },
    );
    const page = await options(context, extId);
    await expect(page.getByTestId('sync-locked')).toBeVisible();
    await expect(page.getByTestId('locked-packUrl')).toHaveText('set by policy');
    await expect(page.getByTestId('sync-url')).toBeDisabled();
    await expect(page.getByTestId('sync-url')).toHaveValue(srv.url);
    await expect(page.getByTestId('sync-refresh')).toHaveValue('30');
    await expect(page.getByTestId('sync-refresh')).toBeDisabled();
    // The public key was not set by the policy: ops may still set it.
    await expect(page.getByTestId('sync-key')).toBeEnabled();
    await expect(page.getByTestId('pack-version')).toHaveText('1.4.0');
    await expect(result(page)).toContainText('Activated v1.4.0.');
  });

  test('a policy public key that cannot be used refuses every pack, and the page says why', async ({ context, extId }) => {
    const key = await generateKeyPair();
    srv.publish(await signPack(version('1.4.0'), key.privateKeyPem));
    let [worker] = context.serviceWorkers();
    worker ??= await context.waitForEvent('serviceworker');
    await worker.evaluate(
      (policy) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ 'e2e.managedPolicy': policy }),
      { packUrl: srv.url, publicKey: `ssh-ed25519 ${key.publicKey}` },
    );
    const page = await options(context, extId);
    await expect(page.getByTestId('key-problem')).toContainText('Every pack is refused');
    await expect(result(page)).toContainText('Refused: the signature check failed');
    await expect(result(page)).toContainText('the public key is not usable');
    await expect(page.getByTestId('pack-version')).toHaveText(sample.meta.version);
  });
});
