/**
 * axe on the ops loop's new states — the feedback form open and an item flagged, claim
 * sources and an old-claim mark in the sidebar; the Feedback, Team analytics, old claims
 * and reminders parts of the ops console — in light and dark; and the same in Chinese.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, demo, panel, sidebarFrame, options } from './fixtures';

async function frameViolations(page: Page): Promise<string[]> {
  const frame = await sidebarFrame(page);
  // The sidebar frame, shaped as the part of Page that AxeBuilder uses (as in a11y.spec.ts).
  const shim = { frames: () => [frame, ...frame.childFrames()], mainFrame: () => frame, evaluate: frame.evaluate.bind(frame), evaluateHandle: frame.evaluateHandle.bind(frame), context: () => page.context() };
  const result = await new AxeBuilder({ page: shim as unknown as Page }).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function pageViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Every section open, one objection flagged, the stage's feedback form open. */
async function sidebarWithFeedback(page: Page, t: { feedback: RegExp; outdated: string; send: string; flagged: string }) {
  await page.goto(demo('salesforce-opportunity').url);
  const p = panel(page);
  await expect(p.locator('.fl-account-name')).toBeVisible();
  await p.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  const objection = p.locator('[data-objection="gx-ela"]');
  await objection.getByRole('button', { name: t.feedback }).click();
  await objection.getByRole('radio', { name: t.outdated }).click();
  await objection.getByRole('button', { name: t.send }).click();
  await expect(objection.locator('.fl-flagged')).toContainText(t.flagged);
  await p.locator('[data-section="stage"] .fl-feedback-open').click();
  await expect(p.locator('[data-section="stage"] .fl-feedback-form')).toBeVisible();
  await expect(p.locator('.fl-claim-old').first()).toBeVisible();
}

const EN = { feedback: /^Feedback on/, outdated: 'Outdated', send: 'Send', flagged: 'You flagged this: Outdated' };

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ launch: { colorScheme: scheme } });

    test('sidebar with claim sources, a flagged objection and an open feedback form', async ({ context }) => {
      const page = await context.newPage();
      await sidebarWithFeedback(page, EN);
      expect(await frameViolations(page)).toEqual([]);
    });

    test('ops console with feedback, team analytics, old claims and reminders', async ({ context, extId }) => {
      const page = await context.newPage();
      await sidebarWithFeedback(page, EN);
      const ops = await options(context, extId);
      await expect(ops.getByTestId('feedback-table')).toBeVisible();
      await ops.getByTestId('team-endpoint').fill('http://127.0.0.1:9/v1/logs');
      await ops.getByTestId('team-save').click();
      await expect(ops.getByTestId('team-counts')).toBeVisible();
      await ops.locator('#team details').evaluate((d) => ((d as HTMLDetailsElement).open = true));
      await expect(ops.getByTestId('old-claims')).toContainText('Globex');
      await expect(ops.getByTestId('reminders').getByRole('link').first()).toBeVisible();
      expect(await pageViolations(ops)).toEqual([]);
    });
  });
}

test.describe('zh-CN', () => {
  test.use({ launch: { locale: 'zh-CN' } });

  test('the feedback form, claim marks and the console parts are in Chinese', async ({ context, extId }) => {
    const page = await context.newPage();
    await sidebarWithFeedback(page, { feedback: /^对“/, outdated: '已过时', send: '提交', flagged: '您的反馈：已过时' });
    await expect(panel(page).locator('[data-part="pricing"] .fl-claim')).toContainText('来源：');
    await expect(panel(page).locator('[data-part="pricing"] .fl-badge-warn')).toHaveText('已超过 365 天');
    expect(await frameViolations(page)).toEqual([]);
    const ops = await options(context, extId);
    await expect(ops.getByRole('heading', { name: '反馈', exact: true })).toBeVisible();
    await expect(ops.getByRole('heading', { name: '团队分析' })).toBeVisible();
    await expect(ops.getByTestId('old-claims')).toContainText('过时的说法');
    expect(await pageViolations(ops)).toEqual([]);
  });
});
