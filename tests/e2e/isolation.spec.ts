/**
 * Isolation (docs/security.md): a script on the CRM or mail page — the page's
 * own code, a third-party tag, a session-replay recorder — cannot drive the extension
 * or read pack content. Everything here runs in the page's main world
 * (page.evaluate), the way such a script would.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, demo, panel, inWorker, sidebarFrame } from './fixtures';

const sample = JSON.parse(readFileSync(new URL('../../assets/sample-pack.json', import.meta.url), 'utf8'));
const globex = sample.competitors.find((c: any) => c.id === 'globex');
const en = (t: string | Record<string, string>) => (typeof t === 'string' ? t : t.en);
/** A line of battlecard text that appears nowhere on the demo page itself. */
// (A claim may carry its source: its text is what the sidebar shows.)
const firstWin = globex.battlecard.whyWeWin[0];
const secret = en(firstWin.text ?? firstWin).slice(0, 40);

/** What the extension holds, read in its own worker: the active pack and the rep's state. */
const extensionState = (context: BrowserContext) =>
  inWorker(context, async () => {
    const db: IDBDatabase = await new Promise((res, rej) => {
      const r = indexedDB.open('frontline');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const all = (store: string) =>
      new Promise<unknown[]>((res) => {
        if (!db.objectStoreNames.contains(store)) return res([]);
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => res(r.result);
        r.onerror = () => res([]);
      });
    const [packs, ticks, picks, usage] = await Promise.all([all('packs'), all('ticks'), all('picks'), all('usage')]);
    db.close();
    return JSON.stringify({ packs: (packs as { pack: { meta: unknown } }[]).map((p) => p.pack.meta), ticks, picks, usage: usage.length });
  });

async function openSalesforce(page: Page) {
  await page.goto(demo('salesforce-opportunity').url);
  const p = panel(page);
  await expect(p.locator('.fl-account-name')).toHaveText('Northwind Traders');
  await p.getByRole('tab', { name: globex.name }).click();
  await expect(p.getByRole('tabpanel')).toContainText(secret);
  return p;
}

test('the page has no way to message the extension: no chrome.runtime, and extension URLs are closed to it', async ({ context, extId }) => {
  const page = await context.newPage();
  await openSalesforce(page);
  const probe = await page.evaluate(async (id) => {
    const c = (globalThis as any).chrome;
    const out: Record<string, unknown> = {
      runtime: typeof c?.runtime,
      sendMessage: typeof c?.runtime?.sendMessage,
      connect: typeof c?.runtime?.connect,
      browser: typeof (globalThis as any).browser,
    };
    // Were sendMessage there, an extension id would be all it needs: try anyway.
    try {
      await c.runtime.sendMessage(id, { frontline: 1, type: 'pack:rollback', payload: {} });
      out.sent = 'delivered';
    } catch (e) {
      out.sent = (e as Error).name;
    }
    // Static extension URLs (the bundle with the sample pack, the manifest) cannot be fetched.
    for (const path of ['manifest.json', 'background.js', 'sidebar.html', 'options.html']) {
      try {
        const r = await fetch(`chrome-extension://${id}/${path}`);
        out[path] = r.status;
      } catch {
        out[path] = 'blocked';
      }
    }
    return out;
  }, extId);
  expect(probe).toEqual({
    runtime: 'undefined',
    sendMessage: 'undefined',
    connect: 'undefined',
    browser: 'undefined',
    sent: 'TypeError',
    'manifest.json': 'blocked',
    'background.js': 'blocked',
    'sidebar.html': 'blocked',
    'options.html': 'blocked',
  });
});

test('window.postMessage with Frontline-shaped messages does nothing: same pack, same state, same sidebar', async ({ context }) => {
  const page = await context.newPage();
  const p = await openSalesforce(page);
  const before = await extensionState(context);
  const sample2 = JSON.stringify({ ...sample, meta: { ...sample.meta, version: '9.9.9' } });
  await page.evaluate((packText) => {
    // Every shape a Frontline listener has ever read, with guessed tokens: background
    // requests, the frame handshake token, and frame ↔ content script messages.
    const guess = () => crypto.randomUUID();
    const messages = [
      { frontline: 1, type: 'pack:import', payload: { text: packText, source: 'page' } },
      { frontline: 1, type: 'pack:rollback', payload: {} },
      { frontline: 1, type: 'checklist:set', payload: { accountId: 'northwind', playbookId: 'new-business', stageId: 'proposal', itemId: 'x', done: true } },
      { frontline: 1, type: 'account:pick', payload: { recordKey: 'salesforce:opportunity:0065g00000NwOpp1AAB', accountId: 'acme' } },
      { frontline: 1, type: 'sidebar:toggle' },
      ...Array.from({ length: 50 }, () => ({ frontline: 'ui-token', token: guess() })),
      { frontline: 'ui', type: 'toggle' },
      { frontline: 'ui', type: 'changed' },
      { frontline: 'ui', type: 'exposure', exposure: { hidden: null, covered: [] } },
      { frontline: 'ui', token: guess(), type: 'ready' },
      { frontline: 'ui', token: guess(), type: 'layout', layout: { open: false, width: 1 } },
      { frontline: 'ui', token: guess(), type: 'insert', text: 'injected' },
    ];
    // The page's frames, and our frame if the host's root let the page reach it.
    const ours = (document.querySelector('frontline-sidebar')?.shadowRoot?.querySelector('iframe') as HTMLIFrameElement | null)?.contentWindow;
    const targets: Window[] = [window, window.top!, ...Array.from({ length: window.frames.length }, (_, i) => window.frames[i]), ...(ours ? [ours] : [])];
    for (const t of targets) for (const m of messages) t.postMessage(m, '*');
    // And as DOM events, for a script that listens to those.
    for (const m of messages) window.dispatchEvent(new CustomEvent('frontline', { detail: m }));
  }, sample2);
  await page.waitForTimeout(1_000);
  await expect(p.locator('.fl-account-name')).toHaveText('Northwind Traders');
  await expect(p.getByRole('tabpanel')).toContainText(secret);
  await expect(p.locator('.fl-topbar')).toContainText(`v${sample.meta.version}`);
  expect(await extensionState(context)).toBe(before);
  // The host is still the panel's size (a forged "layout" did not shrink it).
  const width = await page.locator('frontline-sidebar').evaluate((el) => el.getBoundingClientRect().width);
  expect(width).toBeGreaterThan(200);
});

test('the page cannot read pack content: not in its DOM, not through the frame', async ({ context }) => {
  const page = await context.newPage();
  await openSalesforce(page);
  const seen = await page.evaluate((secret) => {
    // Everything a DOM-recording script could reach: the document and every open shadow root.
    const texts: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      texts.push(root instanceof Document ? root.documentElement.outerHTML : root.innerHTML);
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
    };
    visit(document);
    const host = document.querySelector('frontline-sidebar');
    // The host's root is closed; a page that could reach the frame still could not read it.
    const frame = (host?.shadowRoot?.querySelector('iframe') as HTMLIFrameElement | null | undefined) ?? null;
    return {
      inDom: texts.some((t) => t.includes(secret)),
      inText: document.body.innerText.includes(secret),
      found: Boolean((window as unknown as { find?: (s: string) => boolean }).find?.(secret)),
      hostRoot: host ? host.shadowRoot : 'no host',
      frame: frame === null ? 'unreachable' : 'reachable',
    };
  }, secret);
  expect(seen).toEqual({ inDom: false, inText: false, found: false, hostRoot: null, frame: 'unreachable' });
});

test("the page's CSS cannot restyle the sidebar", async ({ context }) => {
  const page = await context.newPage();
  const p = await openSalesforce(page);
  const look = () => p.locator('.fl-account-name').evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).fontSize, getComputedStyle(el).visibility]);
  const before = await look();
  await page.addStyleTag({ content: '*, *::before, *::after { color: rgb(255, 0, 0) !important; font-size: 40px !important; visibility: hidden !important; } iframe { opacity: 0 !important; } frontline-sidebar { width: 0 !important; }' });
  expect(await look()).toEqual(before);
  const hostWidth = await page.locator('frontline-sidebar').evaluate((el) => el.getBoundingClientRect().width);
  expect(hostWidth).toBeGreaterThan(200);
});

// docs/security.md, "Frames the page makes": the page cannot read the frame's URL (closed
// root, cross-origin location), and Chromium serves sidebar.html to pages only at a dynamic
// id it never tells them, so a frame the page makes from the static URL is refused. Where a
// copy does load (Firefox, to a page that learned the install's id), it has no token in its
// fragment: it gets no record and shows nothing.
test('a sidebar frame the page makes is refused; a copy without the token loads and shows nothing', async ({ context }) => {
  const page = await context.newPage();
  await openSalesforce(page);
  const url = new URL((await sidebarFrame(page)).url());
  url.hash = '';
  await page.evaluate((src) => {
    const rogue = Object.assign(document.createElement('iframe'), { id: 'rogue', src });
    rogue.style.cssText = 'position:fixed;left:0;top:0;width:420px;height:900px;opacity:0.01';
    document.body.append(rogue);
  }, url.href);
  const rogue = await (await page.locator('#rogue').elementHandle())!.contentFrame();
  await expect.poll(() => rogue!.url()).toMatch(/^chrome-error:/);

  // The copy that loads, opened by the browser itself: first proof it is the extension's own
  // sidebar page (not an error page, where "nothing shown" would prove nothing), then time
  // for a context to arrive, as it does in our own frame within a second.
  const copy = await context.newPage();
  await copy.goto(url.href);
  await expect(copy.locator('main h1')).toHaveText('Frontline');
  await expect(copy.locator('#app')).toBeAttached();
  await copy.waitForTimeout(3_000);
  await expect(copy.locator('#app > *')).toHaveCount(0);
  await expect(copy.getByText(secret)).toHaveCount(0);
  // And the page's sidebar is still its own.
  await expect(panel(page).locator('.fl-account-name')).toHaveText('Northwind Traders');
});

// docs/security.md, "Fingerprinting": WXT's "content script started" postMessage (which
// carries the extension id) is switched off in every defineContentScript.
test('the page is never told the extension id', async ({ context, extId }) => {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as any).__frontlineProbe = seen;
    window.addEventListener('message', (e) => seen.push(JSON.stringify(e.data)));
  });
  await openSalesforce(page);
  const seen: string[] = await page.evaluate(() => (window as any).__frontlineProbe);
  expect(seen.filter((m) => m.includes(extId))).toEqual([]);
});
