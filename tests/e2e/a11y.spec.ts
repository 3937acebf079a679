import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, demo, panel, sidebar, sidebarFrame } from './fixtures';
import { PAGES_DIR } from '../../scripts/demo/launch';

/**
 * axe on the sidebar alone: the demo pages stand in for CRMs whose own markup is not ours
 * to fix. The sidebar frame sits in a closed shadow root, where axe (run from the page)
 * cannot find it, so axe runs on the frame itself, handed over as the page it analyses.
 */
async function violations(page: Page, include?: string) {
  const target = include ? page : await frameAsPage(page);
  const builder = new AxeBuilder({ page: target });
  const result = await (include ? builder.include(include) : builder).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** The sidebar frame, shaped as the part of Page that AxeBuilder uses. */
async function frameAsPage(page: Page): Promise<Page> {
  const frame = await sidebarFrame(page);
  await expect(frame.locator('#app > *').first()).toBeVisible();
  const shim = { frames: () => [frame, ...frame.childFrames()], mainFrame: () => frame, evaluate: frame.evaluate.bind(frame), evaluateHandle: frame.evaluateHandle.bind(frame), context: () => page.context() };
  return shim as unknown as Page;
}

async function gmailWith(page: Page, edit: (html: string) => string, thread: string) {
  const html = edit(readFileSync(join(PAGES_DIR, 'gmail-thread.html'), 'utf8'));
  await page.route('https://mail.google.com/**', (r) => (r.request().resourceType() === 'document' ? r.fulfill({ contentType: 'text/html', body: html }) : r.fulfill({ status: 404 })));
  await page.goto(`https://mail.google.com/mail/u/0/#inbox/${thread}`);
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ launch: { colorScheme: scheme } });

    test('open panel with every section expanded, on each demo page', async ({ context }) => {
      const page = await context.newPage();
      for (const id of ['salesforce-opportunity', 'hubspot-company', 'gmail-thread']) {
        await page.goto(demo(id).url);
        const p = panel(page);
        await expect(p.locator('.fl-account-name')).toBeVisible();
        await p.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
        expect(await violations(page), id).toEqual([]);
      }
    });

    test('collapsed rail', async ({ context }) => {
      const page = await context.newPage();
      await page.goto(demo('salesforce-opportunity').url);
      await panel(page).getByRole('button', { name: 'Collapse Frontline' }).click();
      await expect(sidebar(page).locator('.fl-rail')).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    test('palette open with results', async ({ context }) => {
      const page = await context.newPage();
      await page.goto(demo('salesforce-opportunity').url);
      const p = panel(page);
      await p.getByRole('button', { name: /Search/ }).click();
      await p.getByRole('combobox').fill('globex');
      await expect(p.getByRole('option').first()).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    test('empty state and candidates', async ({ context }) => {
      const page = await context.newPage();
      await gmailWith(page, (h) => h.replaceAll('acme.co.uk', 'unknown-co.example').replaceAll('acme.com', 'unknown-co.example').replaceAll('Acme', 'Nobody'), 'FMfcgzQbdXyzThreadEmpty01');
      await expect(panel(page).locator('.fl-account-name')).toHaveText('No account matched');
      expect(await violations(page), 'empty').toEqual([]);

      const page2 = await context.newPage();
      await gmailWith(page2, (h) => h.replaceAll('acme.co.uk', 'initech.com').replaceAll('acme.com', 'initech.com').replaceAll('Acme', 'Contoso'), 'FMfcgzQbdXyzThreadShared02');
      await expect(panel(page2).locator('.fl-candidate')).toHaveCount(2);
      await panel(page2).getByRole('button', { name: 'Search accounts' }).click();
      await panel(page2).getByRole('searchbox').fill('init');
      expect(await violations(page2), 'candidates').toEqual([]);
    });

    test('options page', async ({ context, extId }) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extId}/options.html`);
      await expect(page.getByTestId('pack-version')).toBeVisible();
      expect(await violations(page, 'body')).toEqual([]);
    });
  });
}

// The sidebar is out of axe's reach from the page (closed root): prove the check above looks inside it.
test('the check sees inside the sidebar frame: an unnamed button is reported', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(demo('salesforce-opportunity').url);
  await expect(panel(page).locator('.fl-account-name')).toBeVisible();
  await (await sidebarFrame(page)).evaluate(() => document.querySelector('.fl-panel')!.append(document.createElement('button')));
  expect((await violations(page)).join('\n')).toContain('button-name');
});

