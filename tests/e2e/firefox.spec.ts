/**
 * What only Firefox can show: the enterprise policy through Firefox's own
 * `storage.managed` (no stand-in, unlike the Chromium e2e build), and the production
 * Firefox manifest. The rep flows shared with Chromium are in core.spec.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { firefoxDriver } from './scenarios/firefox';
import { packServer } from './packServer';
import { FIREFOX_EXTENSION_DIR, launchFirefox } from '../../scripts/firefox/launch';

const sample = JSON.parse(readFileSync(new URL('../../assets/sample-pack.json', import.meta.url), 'utf8'));

test('Firefox: a policy (storage.managed) sets the pack URL and refresh, the options page shows them locked, and the pack is synced', async () => {
  const srv = await packServer();
  const next = structuredClone(sample);
  next.meta.version = '1.4.0';
  srv.publish(next);
  const session = await launchFirefox({ managed: { packUrl: srv.url, refreshMinutes: 30 } });
  try {
    const ops = await firefoxDriver(session).options();
    await ops.expectVisible('[data-testid=sync-locked]');
    await ops.expectText('[data-testid=locked-packUrl]', 'set by policy');
    await ops.expectText('[data-testid=pack-version]', '1.4.0');
    expect(srv.requests.some((r) => r.method === 'GET' && r.status === 200)).toBe(true);
  } finally {
    await session.close();
    await srv.close();
  }
});

test('Firefox: a self-hosted CRM from the pack\'s site rules gets the sidebar once ops grant its host', async () => {
  const session = await launchFirefox({ grantOptionalPermissions: true });
  try {
    const d = firefoxDriver(session);
    const next = structuredClone(sample);
    next.meta.version = '1.1.0';
    next.sites = [{ id: 'intranet-crm', host: 'crm.example.com', pathPrefix: '/accounts/', recordType: 'account', selectors: { accountName: 'h1' } }];
    const ops = await d.options();
    await ops.setFile('[data-testid=pack-file]', 'sites.json', JSON.stringify(next));
    await ops.click('[data-testid=activate]');
    await ops.expectText('[data-testid=pack-version]', '1.1.0');
    await ops.expectText('[data-testid=site-access-intranet-crm]', 'not allowed');
    session.serve('crm.example.com', '/accounts/42', '<!doctype html><title>Intranet CRM</title><h1>Acme Corporation</h1><p>Renewal call notes.</p>');
    // Not granted yet: the page gets no sidebar.
    const before = await d.open('https://crm.example.com/accounts/42');
    await before.page.expectText('h1', 'Acme Corporation');
    await new Promise((r) => setTimeout(r, 1_500));
    await before.page.expectCount('frontline-sidebar', 0);

    await ops.click('[data-testid=site-grant-intranet-crm]');
    await ops.expectText('[data-testid=site-access-intranet-crm]', /^allowed/);
    const tab = await d.open('https://crm.example.com/accounts/42');
    await tab.sidebar.expectText('.fl-account-name', 'Acme Corporation');
  } finally {
    await session.close();
  }
});

test('the Firefox build: MV2 background page, no managed_schema (Firefox reads policies.json), a gecko id', () => {
  const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'));
  expect(manifest.manifest_version).toBe(2);
  expect(manifest.background.scripts).toEqual(['background.js']);
  expect(manifest.storage).toBeUndefined();
  expect(manifest.browser_specific_settings.gecko.id).toBe('frontline@example.com');
});
