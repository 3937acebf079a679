import { test, expect, demo, panel } from './fixtures';

test.describe('Chinese browser', () => {
  test.use({ launch: { locale: 'zh-CN' } });

  test('the UI and the pack text are in Chinese', async ({ context }) => {
    const page = await context.newPage();
    await page.goto(demo('salesforce-opportunity').url);
    const p = panel(page);
    await expect(p.locator('.fl-account-name')).toHaveText('Northwind Traders');
    await expect(p.locator('#fl-h-battlecard')).toHaveText('竞争卡片');
    await expect(p.locator('#fl-h-next-steps')).toHaveText('下一步');
    await expect(p.getByRole('button', { name: '不是这个客户' })).toBeVisible();
    await expect(p.locator('.fl-account .fl-chip').first()).toContainText('记录编号');
    // Pack text in zh-CN: the stage goal and the checklist are written in Chinese in the sample pack.
    await expect(p.locator('[data-section="stage"]')).toContainText(/[\u4e00-\u9fff]{4}/);
    await expect(p.locator('.fl-checklist li').first()).toContainText(/[\u4e00-\u9fff]/);
    await expect(p.locator('.fl-progress-label')).toHaveText(/^已完成 0 \/ \d+$/);
  });
});

test.describe('English browser with the language set to Chinese in options', () => {
  test('the override wins', async ({ context, extId }) => {
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extId}/options.html`);
    await options.getByTestId('lang').selectOption('zh-CN');
    await expect(options.locator('html')).toHaveAttribute('lang', 'zh-CN');
    const page = await context.newPage();
    await page.goto(demo('hubspot-company').url);
    await expect(panel(page).locator('#fl-h-health')).toHaveText('健康度');
  });
});

test.describe('dark theme', () => {
  test.use({ launch: { colorScheme: 'dark' } });

  test('the panel follows the OS theme', async ({ context }) => {
    const page = await context.newPage();
    await page.goto(demo('gmail-thread').url);
    const p = panel(page);
    await expect(p.locator('.fl-account-name')).toBeVisible();
    const bg = await p.evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r, g, b] = bg.match(/\d+/g)!.map(Number);
    expect(r + g + b).toBeLessThan(200);
  });
});

test('page styles do not reach the sidebar', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(demo('salesforce-opportunity').url);
  await page.addStyleTag({ content: '* { font-family: "Comic Sans MS" !important; color: rgb(255, 0, 255) !important; } h2 { font-size: 60px !important; }' });
  const name = panel(page).locator('.fl-account-name');
  await expect(name).toHaveText('Northwind Traders');
  expect(await name.evaluate((el) => getComputedStyle(el).color)).not.toBe('rgb(255, 0, 255)');
  expect(await name.evaluate((el) => getComputedStyle(el).fontSize)).toBe('16px');
});
