/**
 * npm run demo [-- --headless] [--screenshot <dir>]
 *
 * Opens Chromium with the built extension on realistic Salesforce, HubSpot and Gmail
 * demo pages served on their real hostnames. Without a display (or with --headless)
 * it writes a screenshot of the sidebar on each page instead.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchWithExtension, extensionId } from './demo/launch';
import { DEMO_PAGES } from './demo/routes';
import { panel as sidebarPanel, sidebar } from './demo/sidebarFrame';

function parseArgs(argv: string[]) {
  const out = { headless: false, screenshot: null as string | null, lang: 'en-US', dark: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--headless') out.headless = true;
    else if (a === '--screenshot') out.screenshot = argv[++i] ?? 'demo-screenshots';
    else if (a === '--lang') out.lang = argv[++i] ?? 'en-US';
    else if (a === '--dark') out.dark = true;
    else if (a === '--help' || a === '-h') {
      console.log('usage: npm run demo -- [--headless] [--screenshot <dir>] [--lang zh-CN] [--dark]');
      process.exit(0);
    } else {
      console.error(`unknown option ${a}`);
      process.exit(2);
    }
  }
  return out;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  if (!args.headless && noDisplay) {
    console.log('No display found: running headless and writing screenshots to ./demo-screenshots instead.');
    args.headless = true;
    args.screenshot ??= 'demo-screenshots';
  }
  if (args.headless) args.screenshot ??= 'demo-screenshots';

  // Tall enough that a screenshot shows the whole sidebar: battlecard, stage, checklist and health.
  const viewport = args.screenshot ? { width: 1440, height: 2200 } : undefined;
  const context = await launchWithExtension({ headless: args.headless, locale: args.lang, colorScheme: args.dark ? 'dark' : 'light', viewport });
  const id = await extensionId(context);

  if (args.screenshot) {
    const dir = resolve(args.screenshot);
    mkdirSync(dir, { recursive: true });
    let failed = 0;
    for (const demo of DEMO_PAGES) {
      const page = await context.newPage();
      await page.goto(demo.url);
      const panel = sidebarPanel(page);
      try {
        await panel.locator('.fl-account-name').waitFor({ timeout: 15_000 });
        await sidebar(page).locator('[data-section="health"]').waitFor({ timeout: 5_000 });
        await sidebar(page).locator('[data-deferred]').first().waitFor({ state: 'detached', timeout: 5_000 });
      } catch {
        failed++;
        console.error(`✗ ${demo.title}: the sidebar did not show a matched account`);
      }
      const file = join(dir, `${demo.id}.png`);
      await page.screenshot({ path: file });
      const account = (await panel.locator('.fl-account-name').first().textContent().catch(() => null)) ?? '—';
      const cards = await panel.locator('[role=tab]').allTextContents();
      const stage = (await panel.locator('.fl-path-current').first().textContent().catch(() => null)) ?? '—';
      const health = (await panel.locator('.fl-gauge').first().textContent().catch(() => null)) ?? '—';
      console.log(`✓ ${demo.title}\n    account: ${account}\n    battlecards: ${cards.join(', ') || '—'}\n    stage: ${stage}\n    health: ${health}\n    screenshot: ${file}`);
      await page.close();
    }
    await context.close();
    process.exit(failed ? 1 : 0);
  }

  for (const demo of DEMO_PAGES) await (await context.newPage()).goto(demo.url);
  await (await context.newPage()).goto(`chrome-extension://${id}/options.html`);
  console.log('Frontline demo is open. Close the browser window to stop.');
  await new Promise<void>((done) => context.on('close', () => done()));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
