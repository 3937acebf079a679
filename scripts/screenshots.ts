/**
 * npm run screenshots — the README's pictures: the sidebar light and dark, English and
 * Chinese, open and collapsed, on the demo pages. Writes docs/screenshots/*.png.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchWithExtension } from './demo/launch';
import { DEMO_PAGES } from './demo/routes';
import { panel as sidebarPanel, sidebar } from './demo/sidebarFrame';

const OUT = resolve(import.meta.dirname, '../docs/screenshots');
const url = (id: string) => DEMO_PAGES.find((p) => p.id === id)!.url;

const SHOTS = [
  { file: 'panel-light-en.png', page: 'salesforce-opportunity', locale: 'en-US', scheme: 'light' as const },
  { file: 'panel-dark-en.png', page: 'gmail-thread', locale: 'en-US', scheme: 'dark' as const },
  { file: 'panel-light-zh.png', page: 'hubspot-company', locale: 'zh-CN', scheme: 'light' as const },
  { file: 'panel-dark-zh.png', page: 'salesforce-opportunity', locale: 'zh-CN', scheme: 'dark' as const },
  { file: 'rail-light-en.png', page: 'salesforce-opportunity', locale: 'en-US', scheme: 'light' as const, collapsed: true },
  { file: 'palette-light-en.png', page: 'salesforce-opportunity', locale: 'en-US', scheme: 'light' as const, palette: 'globex' },
];

async function main() {
  mkdirSync(OUT, { recursive: true });
  for (const shot of SHOTS) {
    const context = await launchWithExtension({ headless: true, locale: shot.locale, colorScheme: shot.scheme, viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    await page.goto(url(shot.page));
    const panel = sidebarPanel(page);
    await panel.locator('.fl-account-name').waitFor();
    if (shot.collapsed) {
      await panel.locator('.fl-topbar button').last().click();
      await sidebar(page).locator('.fl-rail').waitFor();
    }
    if (shot.palette) {
      await panel.locator('.fl-topbar button').first().click();
      await panel.getByRole('combobox').fill(shot.palette);
      await panel.getByRole('option').first().waitFor();
    }
    // The right part of the page: enough CRM to see where the sidebar sits.
    await page.screenshot({ path: join(OUT, shot.file), clip: { x: 560, y: 0, width: 720, height: 1000 } });
    console.log(`wrote docs/screenshots/${shot.file}`);
    await context.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
