/**
 * The ops loop end to end: a rep flags an item in the sidebar, ops see it in the console
 * (under the card and its owner) and export it; old claims are marked in the sidebar and
 * listed in the stale report; with an endpoint set, a local OTLP receiver on loopback
 * gets valid OTLP JSON logs with ids only, catches up after it was away, and gets
 * nothing of what happened while no endpoint was set.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/demo/launch';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, demo, panel, options, inWorker } from './fixtures';
import { otlpReceiver, type OtlpReceiver } from './support/otlpReceiver';

const NOTE = 'ELA now includes 50 users';

async function crm(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(demo('salesforce-opportunity').url);
  await expect(panel(page).locator('.fl-account-name')).toHaveText('Northwind Traders');
  return page;
}

/** Flags the Globex "already in our ELA" objection (the first card's) as outdated, with a note. */
async function flagObjection(page: Page, verdict = 'Outdated', note = NOTE) {
  const part = panel(page).locator('[data-part="objections"]');
  if ((await part.getAttribute('open')) === null) await part.locator('> summary').click();
  const objection = panel(page).locator('[data-objection="gx-ela"]');
  await objection.getByRole('button', { name: /^Feedback on/ }).click();
  await objection.getByRole('radio', { name: verdict }).click();
  await objection.getByLabel('Note (optional)').fill(note);
  await objection.getByRole('button', { name: 'Send' }).click();
  await expect(objection.locator('.fl-flagged')).toHaveText(`You flagged this: ${verdict} “${note}”`);
}

async function downloaded(page: Page, testId: string): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  return readFileSync((await (await download).path())!, 'utf8').replace(/^\uFEFF/, '');
}

test('a rep flags an objection as outdated with a note: ops see it under the card and its owner, and both exports hold it', async ({ context, extId }) => {
  const page = await crm(context);
  await flagObjection(page);
  // The rep still sees what they said after the view reloads.
  await page.reload();
  await panel(page).locator('[data-part="objections"] > summary').click();
  await expect(panel(page).locator('[data-objection="gx-ela"] .fl-flagged')).toContainText('Outdated');

  const ops = await options(context, extId);
  const row = ops.locator('[data-feedback-row="objection:globex:gx-ela"]');
  await expect(row).toContainText('Priya Raman');
  await expect(row).toContainText('Globex Analytics');
  await expect(row).toContainText(NOTE);
  await expect(row.locator('td').nth(4)).toHaveText('1'); // Outdated
  await expect(row.locator('td').nth(7)).toHaveText('1'); // Open
  // The owner's queue first.
  await ops.getByTestId('feedback-owner').selectOption('Priya Raman');
  await expect(ops.getByTestId('feedback-table').locator('tbody tr').first()).toHaveAttribute('data-owner', 'Priya Raman');

  const csv = (await downloaded(ops, 'feedback-export-csv')).split('\r\n');
  expect(csv[0]).toBe('Flagged,Owner,Card,Item,Item id,Verdict,Note,Pack version,Open');
  expect(csv.find((l) => l.includes('objection:globex:gx-ela'))).toMatch(new RegExp(`,Priya Raman,Globex Analytics,.*,objection:globex:gx-ela,outdated,${NOTE},1\\.0\\.0,yes$`));
  const json = JSON.parse(await downloaded(ops, 'feedback-export-json'));
  const flagged = json.rows.find((r: any) => r.key === 'objection:globex:gx-ela');
  expect(flagged).toMatchObject({ owner: 'Priya Raman', card: 'Globex Analytics', counts: { outdated: 1 }, open: 1, packVersions: ['1.0.0'] });
  expect(flagged.notes[0]).toMatchObject({ verdict: 'outdated', note: NOTE, packVersion: '1.0.0' });

  // The reminder e-mail for the owner lists the open flag.
  const mailto = decodeURIComponent((await ops.getByTestId('reminder-Priya Raman').getAttribute('href'))!);
  expect(mailto).toContain('Open flags from reps:');
  expect(mailto).toContain('Globex Analytics · objection');
});

test('a claim older than claimMaxAgeDays is marked in the sidebar and listed in the stale report by owner', async ({ context, extId }) => {
  const page = await crm(context);
  await panel(page).locator('[data-part="pricing"] > summary').click();
  const pricing = panel(page).locator('[data-part="pricing"] .fl-claim');
  await expect(pricing).toHaveAttribute('data-claim-old', 'true');
  await expect(pricing).toContainText('Source: Globex price list (partner portal) · as of 2025-06-30');
  await expect(pricing.locator('.fl-badge')).toHaveText('older than 365 days');
  // A recent claim with a web source: a link, not marked.
  await panel(page).locator('[data-part="proofPoints"] > summary').click();
  const proof = panel(page).locator('[data-part="proofPoints"] li').first().locator('.fl-claim');
  await expect(proof.getByRole('link')).toHaveAttribute('href', 'https://lumora.io/customers/harbor-pine');
  await expect(proof).not.toHaveAttribute('data-claim-old', 'true');

  const ops = await options(context, extId);
  const claims = ops.getByTestId('old-claims');
  await expect(claims.locator('[data-owner="Priya Raman"]')).toContainText('Globex price list (partner portal)');
  await expect(claims.locator('[data-claim-path="competitors[0].battlecard.pricing"]')).toContainText('2025-06-30');
  const mailto = decodeURIComponent((await ops.getByTestId('reminder-Priya Raman').getAttribute('href'))!);
  expect(mailto).toContain('Claims older than the pack allows:');
});

/** Every attribute key the receiver saw; and the bodies must hold no page text. */
function assertIdsOnly(rx: OtlpReceiver) {
  for (const r of rx.received) {
    expect(r.problems).toEqual([]);
    // Page text, customer names and addresses never leave: the demo record's account, contacts and domains.
    for (const text of ['Northwind', 'northwindtraders', '@', 'Proposal/Price Quote', NOTE]) expect(r.body).not.toContain(text);
  }
}

test('team analytics: OTLP JSON batches with ids only, nothing from before the endpoint was set, and offline events arrive once the receiver is back', async ({ context, extId }) => {
  const rx = await otlpReceiver();
  try {
    // No endpoint: a flag is stored locally, nothing is queued.
    const page = await crm(context);
    await flagObjection(page, 'Helpful', 'before any endpoint');
    const ops = await options(context, extId);
    await expect(ops.getByTestId('team-status')).toContainText('Off: nothing is queued or sent.');

    await ops.getByTestId('team-endpoint').fill(rx.url);
    await ops.getByTestId('team-save').click();
    await expect(ops.getByTestId('team-notice')).toHaveText('Saved.');
    await expect(ops.getByTestId('team-counts')).toContainText('0 events waiting');

    // Usage and a flag with the endpoint set: they arrive as OTLP logs.
    await page.bringToFront();
    await flagObjection(page);
    await expect.poll(() => rx.records().filter((r) => r.attrs['frontline.event'] === 'feedback').length).toBe(1);
    const feedback = rx.records().find((r) => r.attrs['frontline.event'] === 'feedback')!;
    expect(feedback.body).toBe('frontline.feedback');
    expect(feedback.attrs).toMatchObject({ 'frontline.verdict': 'outdated', 'frontline.target': 'objection', 'frontline.competitor_id': 'globex', 'frontline.objection_id': 'gx-ela', 'frontline.pack.id': 'lumora-sample', 'frontline.pack.version': '1.0.0' });
    expect(feedback.attrs['frontline.rep_id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(feedback.attrs['frontline.note']).toBeUndefined();
    expect(rx.records().some((r) => r.attrs['frontline.verdict'] === 'helpful')).toBe(false);
    expect(rx.received[0].json.resourceLogs[0].resource.attributes).toContainEqual({ key: 'service.name', value: { stringValue: 'frontline' } });

    // The receiver goes away: events wait in the queue.
    await rx.stop();
    const before = rx.records().length;
    await panel(page).locator('[data-part="landmines"] > summary').click();
    await panel(page).locator('[data-part="whyWeWin"] > summary').click();
    await ops.reload();
    await ops.getByTestId('team-send-now').click();
    await expect(ops.getByTestId('team-counts')).toContainText(/^[1-9]\d* events waiting/);
    await expect(ops.getByTestId('team-status')).toContainText('Last problem: could not reach the endpoint');

    // Back again: the retry alarm (brought forward here, as if its backoff had passed) sends what waited.
    await rx.start();
    await inWorker(context, async () => {
      const { chrome } = globalThis as unknown as { chrome: { alarms: { create(name: string, info: { when: number }): Promise<void> } } };
      await chrome.alarms.create('frontline-telemetry', { when: Date.now() + 200 });
    });
    await expect.poll(() => rx.records().filter((r) => r.attrs['frontline.section'] === 'whyWeWin').length).toBeGreaterThan(0);
    expect(rx.records().length).toBeGreaterThan(before);
    assertIdsOnly(rx);
  } finally {
    await rx.close();
  }
});

test.describe('team analytics set by policy', () => {
  // As in ops.spec.ts: this build reads the policy from a local item (utils/sync/managed.ts, `--mode e2e` only).
  const E2E_DIR = join(ROOT, '.output/chrome-mv3-e2e');
  test.use({ launch: { extensionDir: E2E_DIR } });
  test.beforeAll(() => {
    execFileSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['wxt', 'build', '--mode', 'e2e'], { cwd: ROOT, stdio: 'pipe' });
    expect(existsSync(join(E2E_DIR, 'manifest.json'))).toBe(true);
  });

  test('a policy endpoint is locked on the options page and the receiver gets the events', async ({ context, extId }) => {
    const rx = await otlpReceiver();
    try {
      let [worker] = context.serviceWorkers();
      worker ??= await context.waitForEvent('serviceworker');
      await worker.evaluate(
        (policy) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ 'e2e.managedPolicy': policy }),
        { telemetryEndpoint: rx.url },
      );
      const ops = await options(context, extId);
      await expect(ops.getByTestId('team-endpoint')).toBeDisabled();
      await expect(ops.getByTestId('team-endpoint')).toHaveValue(rx.url);
      await expect(ops.locator('#team .policy')).toBeVisible();
      const page = await crm(context);
      await panel(page).locator('[data-part="pricing"] > summary').click();
      await expect.poll(() => rx.records().filter((r) => r.attrs['frontline.section'] === 'pricing').length).toBe(1);
      assertIdsOnly(rx);
    } finally {
      await rx.close();
    }
  });
});
