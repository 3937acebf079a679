/**
 * A hostile page (docs/security.md, "Hardening round 2 — the page"): its own scripts
 * restyle and cover the sidebar to lure the rep's clicks onto our buttons, plant a
 * hidden reply box, forge the frame handshake and WXT's restart event, and look for
 * the frame's URL and the extension id. Page code runs in the main world
 * (page.evaluate / addInitScript); the rep's clicks are real input (page.mouse).
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { BUILT_IN_SITE_IDS } from '../../utils/sites/catalog';
import { test, expect, demo, panel, inWorker, sidebarFrame } from './fixtures';

const sample = JSON.parse(readFileSync(new URL('../../assets/sample-pack.json', import.meta.url), 'utf8'));
const globex = sample.competitors.find((c: any) => c.id === 'globex');
const en = (t: string | Record<string, string>) => (typeof t === 'string' ? t : t.en);
const response = en(globex.battlecard.objections[0].response);

/** The usage log's kinds and the stored ticks, read in the worker. */
const logged = (context: BrowserContext) =>
  inWorker(context, async () => {
    const db: IDBDatabase = await new Promise((res, rej) => {
      const r = indexedDB.open('frontline');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const all = (store: string) =>
      new Promise<any[]>((res) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => res(r.result);
        r.onerror = () => res([]);
      });
    const [usage, ticks] = await Promise.all([all('usage'), all('ticks')]);
    db.close();
    return { kinds: usage.map((u) => u.kind).sort(), ticks: ticks.length };
  });

/** Gmail with the rep's cursor in the real reply box, the first objection open. */
async function gmailReady(page: Page) {
  await page.goto(demo('gmail-thread').url);
  const p = panel(page);
  await expect(p.locator('.fl-account-name')).toHaveText('Acme Corporation');
  const reply = page.locator('div[contenteditable="true"][aria-label="Message Body"]').first();
  await reply.click();
  await page.keyboard.type('Hi John, ');
  await p.locator('summary', { hasText: 'Objections' }).click();
  const insert = p.locator('.fl-objection').first().getByRole('button', { name: 'Insert in reply' });
  await insert.scrollIntoViewIfNeeded();
  await expect(insert).toBeInViewport();
  return { p, reply, insert };
}

/** The page's lure: its own button drawn over `box`, letting clicks through to what lies beneath. */
const lure = (page: Page, box: { x: number; y: number; width: number; height: number }) =>
  page.evaluate((b) => {
    const el = document.createElement('div');
    el.textContent = 'Claim your prize';
    el.style.cssText = `position:fixed;left:${b.x - 20}px;top:${b.y - 10}px;width:${b.width + 40}px;height:${b.height + 20}px;z-index:2147483647;background:#fc0;pointer-events:none`;
    // After our host in tree order, so it paints above it at the same z-index.
    document.documentElement.append(el);
  }, box);

const centre = (b: { x: number; y: number; width: number; height: number }) => [b.x + b.width / 2, b.y + b.height / 2] as const;

test('a lure over the frame: the click passes through to "Insert in reply" and is refused', async ({ context }) => {
  const page = await context.newPage();
  const { p, reply, insert } = await gmailReady(page);
  const box = (await insert.boundingBox())!;
  await lure(page, box);
  await page.waitForTimeout(400); // IntersectionObserver v2 reports after its 100 ms delay
  await page.mouse.click(...centre(box));
  await page.mouse.click(...centre(box));
  await page.waitForTimeout(500);
  await expect(reply).toHaveText('Hi John, ');
  expect((await logged(context)).kinds).not.toContain('insert');
  await expect(p.getByRole('alert')).toContainText('Click ignored');
  // Lure gone: the same click inserts.
  await page.evaluate(() => [...document.querySelectorAll('div')].find((d) => d.textContent === 'Claim your prize')?.remove());
  await page.waitForTimeout(400);
  await page.mouse.click(...centre(box));
  await expect(reply).toHaveText(`Hi John, ${response}`);
});

test('a lure over a checklist tick: the tick is refused and nothing is stored', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(demo('salesforce-opportunity').url);
  const p = panel(page);
  await expect(p.locator('.fl-account-name')).toHaveText('Northwind Traders');
  const tick = p.locator('.fl-checklist input[type=checkbox]').first();
  await tick.scrollIntoViewIfNeeded();
  const box = (await tick.boundingBox())!;
  await lure(page, box);
  await page.waitForTimeout(400);
  await page.mouse.click(...centre(box));
  await page.waitForTimeout(500);
  await expect(tick).not.toBeChecked();
  expect((await logged(context)).ticks).toBe(0);
  await expect(p.getByRole('alert')).toContainText('Click ignored');
});

test('the host cannot be made transparent, moved or blended: its styles come back at once', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(demo('salesforce-opportunity').url);
  await expect(panel(page).locator('.fl-account-name')).toHaveText('Northwind Traders');
  const look = await page.evaluate(async () => {
    const host = document.querySelector('frontline-sidebar') as HTMLElement;
    const sheet = document.createElement('style');
    sheet.textContent = 'frontline-sidebar { opacity: 0 !important; transform: translateX(-300px) !important; mix-blend-mode: multiply !important; clip-path: inset(40%) !important; filter: opacity(0) !important; width: 1px !important; }';
    document.head.append(sheet);
    host.style.setProperty('opacity', '0', 'important');
    host.style.setProperty('pointer-events', 'none', 'important');
    host.setAttribute('class', 'hidden');
    host.setAttribute('hidden', '');
    await new Promise((r) => setTimeout(r, 100));
    const cs = getComputedStyle(host);
    return { opacity: cs.opacity, transform: cs.transform, blend: cs.mixBlendMode, clip: cs.clipPath, filter: cs.filter, events: cs.pointerEvents, width: host.getBoundingClientRect().width, attrs: host.getAttributeNames() };
  });
  expect(look).toEqual({ opacity: '1', transform: 'none', blend: 'normal', clip: 'none', filter: 'none', events: 'auto', width: expect.any(Number), attrs: ['style'] });
  expect(look.width).toBeGreaterThan(300);
});

test('a transparent page around the frame: clicks are refused while it lasts', async ({ context }) => {
  const page = await context.newPage();
  const { p, reply, insert } = await gmailReady(page);
  const box = (await insert.boundingBox())!;
  // The host is a child of <html>: the page fades the root, our host with it.
  await page.evaluate(() => document.documentElement.style.setProperty('opacity', '0.02'));
  await page.waitForTimeout(700);
  await page.mouse.click(...centre(box));
  await page.waitForTimeout(500);
  await expect(reply).toHaveText('Hi John, ');
  await page.evaluate(() => document.documentElement.style.removeProperty('opacity'));
  await expect(p.getByRole('alert')).toContainText('Click ignored');
});

test('a hidden reply box the page focuses from script never receives text', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(demo('gmail-thread').url);
  const p = panel(page);
  await expect(p.locator('.fl-account-name')).toHaveText('Acme Corporation');
  await page.evaluate(() => {
    const trap = document.createElement('div');
    trap.id = 'trap';
    trap.setAttribute('contenteditable', 'true');
    trap.setAttribute('role', 'textbox');
    trap.setAttribute('aria-label', 'Message Body');
    trap.style.cssText = 'position:fixed;left:0;top:0;width:300px;height:100px;opacity:0';
    document.body.prepend(trap);
    trap.focus();
  });
  await p.locator('summary', { hasText: 'Objections' }).click();
  await p.locator('.fl-objection').first().getByRole('button', { name: 'Insert in reply' }).click();
  await expect(p.getByRole('alert')).toContainText('click into the reply first');
  expect(await page.locator('#trap').textContent()).toBe('');
  expect((await logged(context)).kinds).not.toContain('insert');
  // Even once the rep clicked into it: hidden is hidden.
  await page.locator('#trap').click({ force: true });
  await p.locator('.fl-objection').first().getByRole('button', { name: 'Insert in reply' }).click();
  await page.waitForTimeout(500);
  expect(await page.locator('#trap').textContent()).toBe('');
});

test('a flood of forged frame tokens does not blank the sidebar', async ({ context }) => {
  const page = await context.newPage();
  await page.addInitScript(() => {
    // Every window the page can reach: its frames, and the sidebar frame itself where the host's root lets it.
    const forge = () => {
      const ours = (document.querySelector('frontline-sidebar')?.shadowRoot?.querySelector('iframe') as HTMLIFrameElement | null)?.contentWindow;
      const targets = [...Array.from({ length: window.length }, (_, i) => window[i]), ...(ours ? [ours] : [])];
      for (const w of targets) for (let k = 0; k < 20; k++) w.postMessage({ frontline: 'ui-token', token: crypto.randomUUID() }, '*');
    };
    setInterval(forge, 1);
  });
  await page.goto(demo('salesforce-opportunity').url);
  await expect(panel(page).locator('.fl-account-name')).toHaveText('Northwind Traders');
});

test("a forged WXT 'content script started' event does not stop Frontline", async ({ context, extId }) => {
  const page = await context.newPage();
  const first = demo('salesforce-opportunity');
  await page.goto(first.url);
  const p = panel(page);
  await expect(p.locator('.fl-account-name')).toHaveText('Northwind Traders');
  // Every content script's name (one per built-in site, and the generic one).
  await page.evaluate(({ id, names }) => {
    for (const name of names)
      document.dispatchEvent(new CustomEvent(`${id}:${name}:wxt:content-script-started`, { detail: { contentScriptName: name, messageId: 'forged' } }));
  }, { id: extId, names: [...BUILT_IN_SITE_IDS, 'generic'] });
  await page.waitForTimeout(1_500);
  await expect(page.locator('frontline-sidebar')).toHaveCount(1);
  // Still reading the page: an in-place record switch updates the sidebar.
  await page.locator(`a[data-recent-record][href="${new URL(first.aliases![0]).pathname}"]`).click();
  await expect(p.locator('.fl-account-name')).toHaveText('Acme Corporation');
});

test('the page cannot find the frame, its URL or the extension id', async ({ context, extId }) => {
  const page = await context.newPage();
  // A page that hooks attachShadow before any other script runs.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as any).__roots = seen;
    const original = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init: ShadowRootInit) {
      seen.push(this.localName);
      return original.call(this, { ...init, mode: 'open' });
    };
  });
  await page.goto(demo('gmail-thread').url);
  await expect(panel(page).locator('.fl-account-name')).toHaveText('Acme Corporation');
  const frameUrl = (await sidebarFrame(page)).url();
  const token = new URL(frameUrl).hash.slice(1);
  expect(token).toMatch(/^t=[0-9a-f-]{36}$/);
  const probe = await page.evaluate(() => {
    const host = document.querySelector('frontline-sidebar')!;
    const locations = Array.from({ length: window.length }, (_, i) => {
      try {
        return window[i].location.href;
      } catch (e) {
        return (e as Error).name;
      }
    });
    return {
      hooked: (window as any).__roots as string[],
      shadowRoot: host.shadowRoot === null,
      iframes: [...document.querySelectorAll('iframe')].map((f) => f.src),
      html: document.documentElement.outerHTML,
      timing: performance.getEntries().map((e) => e.name),
      locations,
    };
  });
  expect(probe.hooked).toEqual([]);
  expect(probe.shadowRoot).toBe(true);
  const everything = JSON.stringify(probe);
  for (const secret of [extId, 'sidebar.html', new URL(frameUrl).host, token]) expect(everything).not.toContain(secret);
});

/**
 * A click at the first moment the panel has a control: inside the frame, the top bar's
 * search button is clicked in the same task that first renders it, before the content
 * script has said whether the frame is in plain view and before the browser has any
 * visibility verdict on it (clickGuard.ts holds such a click). Runs in the frame's own
 * world, where the sidebar's handlers are.
 */
const clickOnFirstRender = (context: BrowserContext) =>
  context.addInitScript(() => {
    if (location.protocol !== 'chrome-extension:' || !location.pathname.endsWith('/sidebar.html')) return;
    const mo = new MutationObserver(() => {
      const b = document.querySelector<HTMLButtonElement>('.fl-topbar .fl-icon-btn');
      if (!b) return;
      mo.disconnect();
      b.click();
    });
    mo.observe(document, { childList: true, subtree: true });
  });

/** The record opened a second time, warm (on a fresh browser's first load the panel can take longer to show than a click is held). */
async function reloadedWarm(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(demo('salesforce-opportunity').url);
  await expect(panel(page).locator('.fl-account-name')).toBeVisible();
  await page.goto('about:blank');
  await page.goto(demo('salesforce-opportunity').url);
  return page;
}

test('a click the moment the panel shows is kept: it waits for the verdict that the control is in view, then acts', async ({ context }) => {
  await clickOnFirstRender(context);
  const page = await reloadedWarm(context);
  const p = panel(page);
  await expect(p.getByRole('combobox')).toBeVisible();
  await expect(p.getByRole('alert')).toHaveCount(0);
});

test('a click the moment the panel shows, under a lure already in place, is refused once the verdict comes', async ({ context }) => {
  await clickOnFirstRender(context);
  // The page's lure over the whole panel strip from its first paint, letting clicks through.
  await context.addInitScript(() => {
    if (location.protocol === 'chrome-extension:') return;
    addEventListener('DOMContentLoaded', () => {
      const el = document.createElement('div');
      el.textContent = 'Claim your prize';
      el.style.cssText = 'position:fixed;right:0;top:0;width:420px;height:100vh;z-index:2147483647;background:#fc0;pointer-events:none';
      document.documentElement.append(el);
      // After our host in tree order, whenever it is added, so it paints above it.
      new MutationObserver(() => document.documentElement.lastElementChild !== el && document.documentElement.append(el)).observe(document.documentElement, { childList: true });
    });
  });
  const page = await reloadedWarm(context);
  const p = panel(page);
  await expect(p.getByRole('alert')).toContainText('Click ignored');
  await expect(p.getByRole('combobox')).toHaveCount(0);
});
