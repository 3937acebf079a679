/**
 * npm run screenshots — the README's pictures: the sidebar light and dark, English and
 * Chinese, open and collapsed, on the demo pages (docs/screenshots/*.png); and the store
 * listing's, 1280×800 whole windows in each listing language (docs/store/<lang>/*.png).
 * `-- --only readme` or `-- --only store` makes one set.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { launchWithExtension } from './demo/launch';
import { DEMO_PAGES } from './demo/routes';
import { panel as sidebarPanel, sidebar } from './demo/sidebarFrame';
import { prepareRoleShot, type RoleShot } from './screenshots/roleShots';
import { routeClosedDeal } from './demo/closedDeal';

const DOCS = resolve(import.meta.dirname, '../docs');
const url = (id: string) => DEMO_PAGES.find((p) => p.id === id)!.url;

interface Shot extends RoleShot {
  file: string;
  page: string;
  locale: string;
  scheme: 'light' | 'dark';
  collapsed?: boolean;
  palette?: string;
  /** The whole 1280×800 window (store listings) instead of the page's right part. */
  store?: boolean;
  /** Sidebar sections (ids) to bring into view, the first at the top (issue 19's experts, rules, products). */
  sections?: string[];
  /** Scrolls this sidebar section (its id) to the top of the panel. */
  section?: string;
  /** Serves the demo opportunity with its stage closed lost (scripts/demo/closedDeal.ts). */
  closedLost?: boolean;
}

const README_SHOTS: Shot[] = [
  { file: 'panel-light-en.png', page: 'salesforce-opportunity', locale: 'en-US', scheme: 'light' },
  { file: 'panel-dark-en.png', page: 'gmail-thread', locale: 'en-US', scheme: 'dark' },
  { file: 'panel-light-zh.png', page: 'hubspot-company', locale: 'zh-CN', scheme: 'light' },
  { file: 'panel-dark-zh.png', page: 'salesforce-opportunity', locale: 'zh-CN', scheme: 'dark' },
  { file: 'rail-light-en.png', page: 'salesforce-opportunity', locale: 'en-US', scheme: 'light', collapsed: true },
  { file: 'palette-light-en.png', page: 'salesforce-opportunity', locale: 'en-US', scheme: 'light', palette: 'globex' },
  // Issue 16: the CS role's layout, and a card updated since the rep last looked.
  { file: 'role-cs-light-en.png', page: 'hubspot-company', locale: 'en-US', scheme: 'light', role: 'cs' },
  { file: 'updated-card-light-zh.png', page: 'salesforce-opportunity', locale: 'zh-CN', scheme: 'light', updated: true },
  // Issue 19: experts and the data-residency rule on the Greater China account; product fit on Northwind.
  { file: 'experts-rules-light-zh.png', page: 'hubspot-company', locale: 'zh-CN', scheme: 'light', sections: ['rules', 'experts'] },
  { file: 'product-fit-light-en.png', page: 'salesforce-opportunity', locale: 'en-US', scheme: 'light', sections: ['products'] },
  { file: 'scorecard-light-en.png', page: 'salesforce-opportunity', locale: 'en-US', scheme: 'light', section: 'scorecard' },
  { file: 'win-loss-light-zh.png', page: 'salesforce-opportunity', locale: 'zh-CN', scheme: 'light', section: 'outcome', closedLost: true },
];

/** Chrome Web Store and AMO both take 1280×800; the same five scenes in each listing language. */
const STORE_SCENES = [
  { name: '1-salesforce-battlecard', page: 'salesforce-opportunity', scheme: 'light' as const },
  { name: '2-gmail-thread-dark', page: 'gmail-thread', scheme: 'dark' as const },
  { name: '3-hubspot-health', page: 'hubspot-company', scheme: 'light' as const },
  { name: '4-search', page: 'salesforce-opportunity', scheme: 'light' as const, palette: 'globex' },
  { name: '5-collapsed-rail', page: 'salesforce-opportunity', scheme: 'light' as const, collapsed: true },
];
const STORE_SHOTS: Shot[] = [
  { dir: 'en', locale: 'en-US' },
  { dir: 'zh-CN', locale: 'zh-CN' },
].flatMap(({ dir, locale }) => STORE_SCENES.map(({ name, ...scene }) => ({ ...scene, file: `store/${dir}/${name}.png`, locale, store: true })));

async function main() {
  const only = process.argv[process.argv.indexOf('--only') + 1];
  const shots = only === 'store' ? STORE_SHOTS : only === 'readme' ? README_SHOTS : [...README_SHOTS, ...STORE_SHOTS];
  for (const shot of shots) {
    const path = join(DOCS, shot.store ? shot.file : `screenshots/${shot.file}`);
    mkdirSync(dirname(path), { recursive: true });
    const viewport = shot.store ? { width: 1280, height: 800 } : { width: 1280, height: 1000 };
    const context = await launchWithExtension({ headless: true, locale: shot.locale, colorScheme: shot.scheme, viewport });
    const page = await context.newPage();
    if (shot.closedLost) await routeClosedDeal(page);
    await page.goto(url(shot.page));
    const panel = sidebarPanel(page);
    await panel.locator('.fl-account-name').waitFor();
    // The panel paints its top first (components/Sidebar.tsx): the shot waits for every section.
    await panel.locator('[data-deferred]').first().waitFor({ state: 'detached' });
    if (shot.section) await panel.locator(`#fl-h-${shot.section}`).evaluate((h) => h.scrollIntoView({ block: 'start' }));
    if (shot.collapsed) {
      await panel.locator('.fl-topbar button').last().click();
      await sidebar(page).locator('.fl-rail').waitFor();
    }
    await prepareRoleShot(context, page, shot);
    if (shot.palette) {
      await panel.locator('.fl-topbar button').first().click();
      await panel.getByRole('combobox').fill(shot.palette);
      await panel.getByRole('option').first().waitFor();
    }
    if (shot.sections?.length) {
      const first = panel.locator(`[data-section="${shot.sections[0]}"]`);
      await first.waitFor();
      await first.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    }
    // README: the right part of the page, enough CRM to see where the sidebar sits. Store: all of it.
    await page.screenshot({ path, clip: shot.store ? undefined : { x: 560, y: 0, width: 720, height: 1000 } });
    console.log(`wrote ${relative(resolve(DOCS, '..'), path)}`);
    await context.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
