/**
 * Starts Chromium with the built extension and serves the demo pages on the real
 * CRM and webmail hostnames through Playwright's request routing, so the production
 * manifest needs no localhost or demo hosts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from '@playwright/test';
import { DEMO_PAGES } from './routes';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '../..');
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
export const PAGES_DIR = join(here, 'pages');
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';
/** No first-run work or background traffic: nothing else runs in the browser we drive or measure. */
export const QUIET_CHROMIUM = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface LaunchOptions {
  headless: boolean;
  userDataDir?: string;
  extensionDir?: string;
  locale?: string;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** Extra Chromium switches (e.g. `--host-resolver-rules` for a local pack server). */
  args?: string[];
  /** The browser's environment (e.g. a HOME whose NSS database trusts a test CA). */
  env?: Record<string, string>;
}

export async function launchWithExtension(opts: LaunchOptions): Promise<BrowserContext> {
  const ext = opts.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(ext, 'manifest.json'))) throw new Error(`No built extension at ${ext}: run "npm run build" first.`);
  const context = await chromium.launchPersistentContext(opts.userDataDir ?? '', {
    // Debian's Chromium where it exists (this machine cannot download Playwright's own).
    executablePath: existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
    headless: opts.headless,
    locale: opts.locale ?? 'en-US',
    colorScheme: opts.colorScheme ?? 'light',
    viewport: opts.viewport ?? { width: 1440, height: 1000 },
    args: [
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      ...QUIET_CHROMIUM,
      ...(opts.locale ? [`--lang=${opts.locale}`] : []),
      ...(opts.args ?? []),
    ],
    ...(opts.env ? { env: opts.env } : {}),
  });
  await routeDemoPages(context);
  return context;
}

/** Every demo URL (and its aliases) answers with its page; anything else on those hosts is a 404, nothing goes out. */
export async function routeDemoPages(context: BrowserContext, pages = DEMO_PAGES): Promise<void> {
  const urlsOf = (p: (typeof pages)[number]) => [p.url, ...(p.aliases ?? [])].map((u) => new URL(u));
  const hosts = new Set(pages.flatMap((p) => urlsOf(p).map((u) => u.host)));
  for (const host of hosts) {
    await context.route(`https://${host}/**`, async (route) => {
      const url = new URL(route.request().url());
      const page = pages.find((p) => urlsOf(p).some((u) => u.host === url.host && u.pathname === url.pathname));
      if (!page || route.request().resourceType() !== 'document') return route.fulfill({ status: 404, body: '' });
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(join(PAGES_DIR, page.file)) });
    });
  }
}

/** The extension's id, read from its service worker's URL. */
export async function extensionId(context: BrowserContext): Promise<string> {
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  return new URL(worker.url()).host;
}
