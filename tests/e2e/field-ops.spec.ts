/**
 * Issue 19 on the demo pages: who can help (with a working prefilled link), the rules on
 * the Greater China account, the APAC pricing variant against the global one, and a
 * second product where the scenario fits it. axe runs on each new state.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, demo, panel, sidebarFrame, storedRecords } from './fixtures';

const PINNACLE = 'https://app.hubspot.com/contacts/4411223/record/0-2/6120077834';
const ACME_OPP = 'https://lumora-demo.lightning.force.com/lightning/r/Opportunity/0065g00000AcmOpAAB/view';

/** axe on the sidebar frame alone (the demo pages stand in for CRMs whose markup is not ours), as a11y.spec.ts runs it. */
async function violations(page: Page) {
  const frame = await sidebarFrame(page);
  await expect(frame.locator('#app > *').first()).toBeVisible();
  const shim = { frames: () => [frame, ...frame.childFrames()], mainFrame: () => frame, evaluate: frame.evaluate.bind(frame), evaluateHandle: frame.evaluateHandle.bind(frame), context: () => page.context() };
  const result = await new AxeBuilder({ page: shim as unknown as Page }).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function usage(context: BrowserContext): Promise<string[]> {
  const all = await storedRecords(context, 'usage');
  return all.filter((e) => e.kind === 'expert_ask').map((e) => `${e.expertId}:${e.section}:${e.accountId}`);
}

test('Northwind: the Globex specialist first, with why; Ask for help opens Teams with the account, stage, competitors and record link', async ({ context }) => {
  // Stand-in for Teams: the link must open, and what it carries is what the test reads.
  await context.route('https://teams.microsoft.com/**', (r) => r.fulfill({ contentType: 'text/html', body: '<title>Teams</title>' }));
  const page = await context.newPage();
  await page.goto(demo('salesforce-opportunity').url);
  const p = panel(page);
  await expect(p.locator('.fl-account-name')).toHaveText('Northwind Traders');
  const experts = p.locator('[data-section="experts"] .fl-expert');
  await expect(experts).toHaveCount(3);
  await expect(experts.nth(0).locator('.fl-expert-name')).toContainText('Priya Raman');
  await expect(experts.nth(0).locator('.fl-chip').first()).toHaveText('Globex Analytics specialist');
  await expect(experts.nth(1)).toContainText('Jonas Keller');
  const stage = (await p.locator('[data-section="stage"] .fl-path-current').first().textContent())?.trim();

  const ask = experts.nth(0).locator('a.fl-ask');
  await expect(ask).toHaveText('Ask for help · Teams');
  const [teams] = await Promise.all([context.waitForEvent('page'), ask.click()]);
  await teams.waitForLoadState();
  const url = new URL(teams.url());
  expect(url.host).toBe('teams.microsoft.com');
  expect(url.searchParams.get('users')).toBe('priya.raman@lumora.io');
  const message = url.searchParams.get('message')!;
  expect(message).toContain('Northwind Traders');
  expect(message).toMatch(/Stage: \S/);
  if (stage) expect(message).toContain(stage);
  expect(message).toContain('Globex Analytics');
  expect(message).toContain(`Record: ${demo('salesforce-opportunity').url}`);
  // Nothing else from the page: the notes on the record never reach the message.
  expect(message).not.toMatch(/pricing|discount|budget/i);
  const mail = new URL((await experts.nth(0).locator('a[data-channel="email"]').getAttribute('href'))!);
  expect(mail.protocol).toBe('mailto:');
  expect(mail.searchParams.get('body')).toBe(message);
  await expect.poll(() => usage(context)).toEqual(['priya-raman:teams:northwind']);

  // The second product of the retail scenario fits this Enterprise account on Kafka.
  const products = p.locator('[data-section="products"]');
  await expect(products.locator('.fl-product-fits [data-product]')).toHaveCount(2);
  await expect(products.locator('[data-product="lumora-streams"]')).toContainText('runs Kafka');
  await expect(products.locator('[data-product="lumora-streams"]')).toContainText('Harbor & Pine Outfitters');
  await expect(p.locator('[data-section="rules"]')).toHaveCount(0);
  expect(await violations(page)).toEqual([]);
});

test('Acme: Lumora Streams is not a fit here, with the pack’s reason', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(ACME_OPP);
  const p = panel(page);
  await expect(p.locator('.fl-account-name')).toHaveText('Acme Corporation');
  await expect(p.locator('[data-section="products"] .fl-product-fits [data-product]')).toHaveCount(1);
  await expect(p.locator('[data-product="lumora-streams"][data-fit="no"]')).toContainText('machine-telemetry feed');
});

test('Pinnacle Cloud (APAC): the Hooli card shows the APAC pricing, marked regional; the APAC presales engineer is first', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(PINNACLE);
  const p = panel(page);
  await expect(p.locator('.fl-account-name')).toHaveText('Pinnacle Cloud Software Pte. Ltd.');
  const tab = p.getByRole('tab', { name: /Hooli Cloud/ });
  if (await tab.count()) await tab.click();
  const pricing = p.locator('details[data-part="pricing"]');
  await pricing.locator('summary').click();
  await expect(pricing.locator('summary .fl-badge-regional')).toHaveText('Regional · APAC');
  await expect(pricing).toContainText('Singapore, Sydney and Tokyo');
  await expect(p.locator('details[data-part="summary"] .fl-badge-regional, h4 .fl-badge-regional')).toHaveCount(0);
  const first = p.locator('[data-section="experts"] .fl-expert').first();
  await expect(first).toContainText('Tan Wei Lin');
  await expect(first.locator('.fl-chip').nth(2)).toHaveText('APAC coverage');
  // Slack takes no prefilled text: the link is the pack's, the message goes to the clipboard.
  await expect(first.locator('a.fl-ask')).toHaveAttribute('href', 'https://lumora.slack.com/team/U0APAC001');
  expect(await violations(page)).toEqual([]);
});

test.describe('Chinese browser', () => {
  test.use({ launch: { locale: 'zh-CN' } });

  test('上海云杉 (Greater China): the data-residency rule with its date and source, the Greater China experts, and the global Hooli pricing', async ({ context }) => {
    const page = await context.newPage();
    await page.goto(demo('hubspot-company').url);
    const p = panel(page);
    await expect(p.locator('.fl-account-name')).toHaveText('上海云杉科技有限公司');
    const rules = p.locator('[data-section="rules"]');
    await expect(rules.locator('#fl-h-rules')).toHaveText('适用的监管政策');
    await expect(rules.locator('[data-rule="gc-data-residency"]')).toContainText('个人信息境内存储');
    await expect(rules.locator('[data-rule="gc-data-residency"]')).toContainText('2021-11-01 起生效');
    await expect(rules.locator('[data-rule="gc-data-residency"] a')).toHaveAttribute('href', 'https://www.cac.gov.cn/');
    const first = p.locator('[data-section="experts"] .fl-expert').first();
    await expect(first).toContainText('王磊 (Wang Lei)');
    await expect(first).toContainText('大中华区售前架构师');
    await expect(first.locator('a.fl-ask')).toHaveText('请求支援 · 企业微信');
    await expect(first.locator('a.fl-ask')).toHaveAttribute('href', 'wxwork://message?username=wanglei');
    const mail = new URL((await first.locator('a[data-channel="email"]').getAttribute('href'))!);
    expect(mail.searchParams.get('body')).toContain('上海云杉科技有限公司');
    expect(mail.searchParams.get('body')).toContain(`记录：${demo('hubspot-company').url}`);

    const tab = p.getByRole('tab', { name: /Hooli Cloud/ });
    await tab.click();
    const pricing = p.locator('details[data-part="pricing"]');
    await pricing.locator('summary').click();
    await expect(pricing.locator('.fl-badge-regional')).toHaveCount(0);
    await expect(pricing).not.toContainText('新加坡');
    expect(await violations(page)).toEqual([]);
  });
});
