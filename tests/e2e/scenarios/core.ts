/**
 * The rep flows every supported browser must pass, written once against the Driver
 * interface and run by core-chromium.spec.ts (Playwright) and core-firefox.spec.ts
 * (puppeteer-core over WebDriver BiDi).
 */
import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import { DEMO_PAGES } from '../../../scripts/demo/routes';
import type { Driver, Tab } from './driver';
import { packServer } from '../packServer';

const sample = JSON.parse(readFileSync(new URL('../../../assets/sample-pack.json', import.meta.url), 'utf8'));
const en = (t: string | Record<string, string>) => (typeof t === 'string' ? t : t.en);
const competitor = (id: string) => sample.competitors.find((c: any) => c.id === id);
/** The new-business stage the pack maps Salesforce's "Proposal/Price Quote" to. */
const proposalStage = () => en(sample.playbooks.find((p: any) => p.id === 'new-business').stages.find((s: any) => s.crmStages?.salesforce?.includes('Proposal/Price Quote')).name);

function demo(id: string) {
  const d = DEMO_PAGES.find((p) => p.id === id);
  if (!d) throw new Error(`no demo page ${id}`);
  return d;
}

const NAME = '.fl-account-name';
const CHECKBOX = '.fl-checklist input[type=checkbox]';

async function salesforce(d: Driver): Promise<Tab> {
  const tab = await d.open(demo('salesforce-opportunity').url);
  await tab.sidebar.expectText(NAME, 'Northwind Traders');
  return tab;
}

export interface Scenario {
  name: string;
  run(d: Driver): Promise<void>;
}

export const SCENARIOS: Scenario[] = [
  {
    name: 'Salesforce opportunity: account, battlecards with evidence, stage from the CRM, checklist and health',
    async run(d) {
      const tab = await salesforce(d);
      const s = tab.sidebar;
      await s.expectContains('.fl-account .fl-chip', '0015g00000NwTrdAAB');
      // The CRM competitor field names Globex, so its card comes first.
      await s.expectText('[role=tab]', competitor('globex').name);
      await s.expectContains('[role=tabpanel]', 'Globex Analytics');
      await s.expectText('.fl-path-current', proposalStage());
      await s.expectContains('[data-section="stage"]', 'Proposal/Price Quote');
      await s.expectVisible(CHECKBOX);
      await s.expectVisible('.fl-gauge');
      await s.expectText('.fl-gauge-band', /\S/);
    },
  },
  {
    name: 'HubSpot company in Chinese: the red account shows its play',
    async run(d) {
      const tab = await d.open(demo('hubspot-company').url);
      const s = tab.sidebar;
      await s.expectText(NAME, '上海云杉科技有限公司');
      await s.expectVisible({ css: '[role=tab]', hasText: competitor('shuce').name });
      await s.expectVisible('.fl-health.fl-band-red');
      await s.expectVisible('.fl-play');
      await s.expectContains('.fl-renewal', '2026-12-31');
    },
  },
  {
    name: 'Gmail thread: the customer from the participants, Globex from the body',
    async run(d) {
      const tab = await d.open(demo('gmail-thread').url);
      const s = tab.sidebar;
      await s.expectText(NAME, 'Acme Corporation');
      await s.expectContains('.fl-account .fl-chip', 'acme.com');
      await s.expectText('[role=tab]', competitor('globex').name);
      await s.expectContains('.fl-evidence', /mentioned \d+× on this page/);
      await s.expectContains('.fl-snippets li', 'Globex');
    },
  },
  {
    name: 'Salesforce-like SPA: switching records in place updates the sidebar, with one sidebar and no reload',
    async run(d) {
      const first = demo('salesforce-opportunity');
      const tab = await salesforce(d);
      await tab.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
      const acme = `a[data-recent-record][href="${new URL(first.aliases![0]).pathname}"]`;
      const northwind = `a[data-recent-record][href="${new URL(first.url).pathname}"]`;
      for (let i = 0; i < 3; i++) {
        await tab.page.click(acme);
        await expect.poll(() => tab.url()).toBe(first.aliases![0]);
        await tab.sidebar.expectText(NAME, 'Acme Corporation');
        await tab.sidebar.expectVisible('.fl-path-current');
        await tab.page.click(northwind);
        await tab.sidebar.expectText(NAME, 'Northwind Traders');
      }
      expect(await tab.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload === true)).toBe(true);
      await tab.page.expectCount('frontline-sidebar', 1);
    },
  },
  {
    name: 'Gmail-like SPA: the inbox has no sidebar, opening a thread shows its account',
    async run(d) {
      const tab = await d.open(demo('gmail-thread').url);
      await tab.sidebar.expectText(NAME, 'Acme Corporation');
      await tab.evaluate(() => (location.hash = '#inbox'));
      // The frame is kept for the next thread, parked: nothing of it shows or takes a click.
      await expect
        .poll(() => tab.evaluate(() => [...document.querySelectorAll('frontline-sidebar')].map((h) => [getComputedStyle(h).visibility, getComputedStyle(h).pointerEvents].join(' '))))
        .toEqual(['hidden none']);
      await tab.page.click('tr.zA[data-demo-thread="FMfcgzQbdXyzThreadNwnd02"]');
      await tab.sidebar.expectText(NAME, 'Northwind Traders');
      await tab.sidebar.expectVisible({ css: '[role=tab]', hasText: 'Beacon' });
    },
  },
  {
    name: 'the toolbar button / keyboard command collapses the sidebar to its rail and opens it again',
    async run(d) {
      const tab = await salesforce(d);
      const ops = await d.options();
      // What the background does on a toolbar click or the Alt+Shift+F command.
      const toggle = () =>
        ops.evaluate(async () => {
          const { browser: b } = globalThis as any;
          const api = b ?? (globalThis as any).chrome;
          const tabs: { id: number }[] = await api.tabs.query({});
          await Promise.all(tabs.map((t) => api.tabs.sendMessage(t.id, { frontline: 1, type: 'sidebar:toggle' }).catch(() => undefined)));
        });
      await toggle();
      await tab.sidebar.expectVisible('.fl-rail');
      await tab.sidebar.expectCount('.fl-panel', 0);
      await toggle();
      await tab.sidebar.expectText(NAME, 'Northwind Traders');
    },
  },
  {
    name: 'a checklist tick survives a reload',
    async run(d) {
      const tab = await salesforce(d);
      await tab.sidebar.expectChecked(CHECKBOX, false);
      const before = await tab.sidebar.text('.fl-progress-label');
      await tab.sidebar.click(CHECKBOX);
      await tab.sidebar.expectNotText('.fl-progress-label', before);
      await tab.reload();
      await tab.sidebar.expectText(NAME, 'Northwind Traders');
      await tab.sidebar.expectChecked(CHECKBOX, true);
      await tab.sidebar.expectText('.fl-progress-label', /^1 \//);
    },
  },
  {
    name: '"Not this account" searches by name; the pick is remembered for the record until forgotten',
    async run(d) {
      const tab = await salesforce(d);
      await tab.sidebar.click({ css: '.fl-account button', hasText: 'Not this account' });
      await tab.sidebar.fill('input[type=search]', 'acme');
      await tab.sidebar.click({ css: '.fl-hits button', hasText: 'Acme Corporation' });
      await tab.sidebar.expectText(NAME, 'Acme Corporation');
      await tab.reload();
      await tab.sidebar.expectText(NAME, 'Acme Corporation');
      await tab.sidebar.click({ css: 'button', hasText: 'Forget my choice' });
      await tab.sidebar.expectText(NAME, 'Northwind Traders');
    },
  },
  {
    name: 'Ctrl+K finds a Chinese account, a competitor with a typo and an objection; Back returns to the record; Escape closes',
    async run(d) {
      const tab = await salesforce(d);
      const s = tab.sidebar;
      await s.click('.fl-brand');
      await tab.press('Control+k');
      await s.expectFocused('[role=combobox]');
      await s.fill('[role=combobox]', '云杉');
      await s.expectContains('[role=option]', '上海云杉科技有限公司');
      await tab.press('Enter');
      await s.expectText(NAME, '上海云杉科技有限公司');
      await s.expectVisible('.fl-browsing');
      await s.click({ css: 'button', hasText: 'Back to this record' });
      await s.expectText(NAME, 'Northwind Traders');
      await s.click('.fl-topbar button[aria-label^="Search"]');
      await s.fill('[role=combobox]', 'hoolii');
      await s.expectContains('[role=option]', 'Hooli Cloud');
      await tab.press('Enter');
      await s.expectContains('[role=tab][aria-selected=true]', 'Hooli Cloud');
      await s.expectContains('.fl-evidence', 'opened from search');

      // An objection opens its card with the objection in view.
      const objection = competitor('globex').battlecard.objections[0];
      await s.click('.fl-topbar button[aria-label^="Search"]');
      await s.fill('[role=combobox]', en(objection.objection).split(/\s+/).slice(0, 3).join(' '));
      await s.click({ css: '[role=option]', hasText: 'Objection' });
      await s.expectText('[role=tab][aria-selected=true]', competitor('globex').name);
      await s.expectVisible(`[data-objection="${objection.id}"].fl-objection-hl`);

      // Escape closes the palette.
      await s.click('.fl-topbar button[aria-label^="Search"]');
      await s.expectFocused('[role=combobox]');
      await tab.press('Escape');
      await s.expectCount('[role=combobox]', 0);
    },
  },
  {
    name: 'insert puts an objection response at the cursor of the Gmail reply',
    async run(d) {
      const tab = await d.open(demo('gmail-thread').url);
      await tab.sidebar.expectText(NAME, 'Acme Corporation');
      const reply = 'div[contenteditable="true"][aria-label="Message Body"]';
      await tab.page.click(reply);
      await tab.type('Hi John, ');
      await tab.sidebar.click({ css: 'summary', hasText: 'Objections' });
      await tab.sidebar.click({ css: '.fl-objection button', hasText: 'Insert in reply' });
      await tab.sidebar.expectVisible({ css: '.fl-objection button', hasText: 'Inserted' });
      await tab.page.expectText(reply, `Hi John, ${en(competitor('globex').battlecard.objections[0].response)}`);
    },
  },
  {
    name: 'options: a bad pack is refused with its paths; a new pack is previewed, activated, seen by reps and rolled back',
    async run(d) {
      const ops = await d.options();
      await ops.expectText('[data-testid=pack-version]', sample.meta.version);
      const bad = structuredClone(sample);
      bad.meta.version = '9.9.9';
      bad.competitors[3].battlecard.objections[0].response = 42;
      await ops.setFile('[data-testid=pack-file]', 'broken.json', JSON.stringify(bad));
      await ops.expectContains('[data-testid=notice]', '1 problem');
      await ops.expectContains('[data-testid=pack-errors] li', 'competitors[3].battlecard.objections[0].response: expected text, got number');
      await ops.expectText('[data-testid=pack-version]', sample.meta.version);

      const next = structuredClone(sample);
      next.meta.version = '2.0.0';
      next.accounts.find((a: any) => a.id === 'northwind').name = 'Northwind Traders Group';
      await ops.setFile('[data-testid=pack-file]', 'pack-v2.json', JSON.stringify(next));
      // Checked and previewed; nothing changes for reps before Activate.
      await ops.expectContains('[data-testid=diff]', 'Northwind Traders Group');
      await ops.expectText('[data-testid=pack-version]', sample.meta.version);
      await ops.click('[data-testid=activate]');
      await ops.expectText('[data-testid=pack-version]', '2.0.0');

      const crm = await d.open(demo('salesforce-opportunity').url);
      await crm.sidebar.expectText(NAME, 'Northwind Traders Group');

      await ops.click('[data-testid=rollback]');
      await ops.expectText('[data-testid=pack-version]', sample.meta.version);
      await crm.reload();
      await crm.sidebar.expectText(NAME, 'Northwind Traders');
    },
  },
  {
    name: 'sync: the first sync activates the published pack, the next one costs a 304, and reps see it',
    async run(d) {
      const srv = await packServer();
      try {
        const next = structuredClone(sample);
        next.meta.version = '1.1.0';
        next.accounts.find((a: any) => a.id === 'northwind').name = 'Northwind Traders (synced)';
        srv.publish(next, '"v1.1.0"');
        const ops = await d.options();
        await ops.fill('[data-testid=sync-url]', srv.url);
        await ops.click('[data-testid=sync-save]');
        await ops.expectContains('[data-testid=sync-result]', 'Activated v1.1.0.');
        await ops.expectText('[data-testid=pack-version]', '1.1.0');
        await ops.click('[data-testid=sync-now]');
        await ops.expectContains('[data-testid=sync-result]', 'Not modified (304)');
        const gets = srv.requests.filter((r) => r.method === 'GET');
        expect(gets.map((r) => [r.ifNoneMatch, r.status])).toEqual([
          [null, 200],
          ['"v1.1.0"', 304],
        ]);
        const crm = await d.open(demo('salesforce-opportunity').url);
        await crm.sidebar.expectText(NAME, 'Northwind Traders (synced)');
      } finally {
        await srv.close();
      }
    },
  },
  {
    name: 'Beside the page: the CRM and its fixed drawer reflow into the width left of the panel, and get it back over the page',
    async run(d) {
      const tab = await salesforce(d);
      await tab.evaluate(() => {
        const drawer = document.createElement('div');
        drawer.id = 'fl-test-drawer';
        drawer.style.cssText = 'position:fixed;right:0;top:60px;width:200px;height:300px;background:#eee';
        document.body.append(drawer);
      });
      const layout = () =>
        tab.evaluate(() => {
          const vw = document.documentElement.clientWidth;
          const right = (sel: string) => vw - Math.round(document.querySelector(sel)!.getBoundingClientRect().right);
          return { body: right('body'), drawer: right('#fl-test-drawer') };
        });
      // What is left free at the right edge: the panel's default width, for normal flow and the fixed drawer alike.
      await expect.poll(layout).toEqual({ body: 360, drawer: 360 });
      await tab.sidebar.click('button[aria-pressed="true"][aria-label^="Beside the page"]');
      await expect.poll(layout).toEqual({ body: 0, drawer: 0 });
    },
  },
];
