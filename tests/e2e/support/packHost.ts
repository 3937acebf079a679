/**
 * Fixtures for the specs that sync from a real nginx: one nginx and one test CA per
 * worker; each test gets a fresh browser profile whose HOME trusts that CA and whose
 * resolver sends the test host names to 127.0.0.1. Without nginx, openssl or certutil
 * the specs skip with a message — unless FRONTLINE_REQUIRE_NGINX is set (CI), where
 * a missing tool is a failure.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { test as base, expect } from '../fixtures';
import { ROOT, type LaunchOptions } from '../../../scripts/demo/launch';
import { HOSTS, missingTools, startNginx, type Nginx } from './nginx';
import { homeTrusting, makePki, type TestPki } from './tls';

export { expect };

const missing = missingTools();
export const skipReason = missing.length ? `nginx pack-host tests skipped: ${missing.join(', ')} not installed (.ci/run installs them)` : '';
const required = !!process.env.FRONTLINE_REQUIRE_NGINX;
if (skipReason && !required) console.warn(skipReason);

interface PackHost {
  nginx: Nginx;
  pki: TestPki;
  /**
   * Browser options for a fresh profile that resolves the test hosts to 127.0.0.1 and
   * whose HOME trusts the test CA (or, with `trustCa: false`, trusts nothing extra).
   */
  browser(opts?: { trustCa?: boolean; extensionDir?: string }): Partial<LaunchOptions>;
}

export const test = base.extend<{ nginx: Nginx }, { host: PackHost }>({
  host: [
    async ({}, use) => {
      if (missing.length && required) throw new Error(skipReason.replace('skipped', 'cannot run'));
      const dir = mkdtempSync(join(tmpdir(), 'frontline-nginx-'));
      let nginx: Nginx;
      let pki: TestPki;
      try {
        pki = makePki(join(dir, 'pki'), Object.values(HOSTS));
        nginx = await startNginx(join(dir, 'nginx'), pki, { gzip: false, cacheSeconds: 1 });
      } catch (e) {
        rmSync(dir, { recursive: true, force: true });
        throw e;
      }
      let n = 0;
      const rules = Object.values(HOSTS)
        .map((h) => `MAP ${h} 127.0.0.1`)
        .join(', ');
      await use({
        nginx,
        pki,
        browser({ trustCa = true, extensionDir } = {}) {
          const home = join(dir, `home-${++n}`);
          mkdirSync(home);
          if (trustCa) homeTrusting(home, pki.caPem);
          return { args: [`--host-resolver-rules=${rules}`], env: { ...process.env, HOME: home } as Record<string, string>, ...(extensionDir ? { extensionDir } : {}) };
        },
      });
      await nginx.stop();
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  launch: async ({ host }, use) => {
    await use(host.browser());
  },
  // Each test starts from the documented setup and an empty log.
  nginx: async ({ host }, use) => {
    const n = host.nginx;
    await n.start();
    await n.reconfigure({ gzip: false, cacheSeconds: 1 });
    for (const f of ['pack.json', 'big.json']) n.remove(f);
    for (const f of ['fail-500', 'origin-down', 'edge-b'] as const) n.flag(f, false);
    n.takeLog();
    await use(n);
  },
});

const sample = JSON.parse(readFileSync(join(ROOT, 'assets/sample-pack.json'), 'utf8'));
export const version = (v: string) => {
  const p = structuredClone(sample);
  p.meta.version = v;
  return p;
};

export { options } from '../fixtures';

export async function configureSync(page: Page, url: string) {
  await page.getByTestId('sync-url').fill(url);
  await page.getByTestId('sync-save').click();
}

export const result = (page: Page) => page.getByTestId('sync-result');

/** Clicks *Check now* and waits for the line it shows, which must contain `expected`. */
export async function checkNow(page: Page, expected: string | RegExp, timeout?: number) {
  const before = await result(page).textContent();
  // The line carries the time to the second: start in a new second, so even the same
  // outcome twice shows a new line.
  await page.waitForTimeout(1020 - (Date.now() % 1000));
  await page.getByTestId('sync-now').click();
  await expect(result(page)).not.toHaveText(before ?? '', { timeout });
  await expect(result(page)).toContainText(expected);
}
