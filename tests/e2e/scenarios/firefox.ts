/**
 * The scenario Driver on Debian's Firefox ESR over WebDriver BiDi (puppeteer-core).
 * Puppeteer has no auto-waiting locators, so every look is a poll of one small query in
 * the right document (Playwright's expect.poll, same timeout as the Chromium suite).
 *
 * Two Firefox facts shape it: the sidebar frame's URL is not reported to BiDi clients
 * until they ask the frame itself (so frames are recognised by their own location), and
 * BiDi will not navigate a tab to a moz-extension:// page — the options page is opened
 * the way a person's click would, by window.open from the extension's own frame.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import type { Frame, KeyInput, Page } from 'puppeteer-core';
import { DEMO_PAGES } from '../../../scripts/demo/routes';
import type { FirefoxSession } from '../../../scripts/firefox/launch';
import { css, hasText, type Driver, type OptionsPage, type Sel, type Surface, type Tab } from './driver';

interface Seen {
  count: number;
  index: number;
  text: string;
  visible: boolean;
  checked: boolean;
  focused: boolean;
}

/** Runs in the page or frame: what the first element matching the selector looks like. */
function look(selector: string, contains: string | null): Seen {
  const norm = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
  const els = [...document.querySelectorAll(selector)];
  const index = contains === null ? (els.length ? 0 : -1) : els.findIndex((e) => norm(e.textContent).includes(contains));
  const el = els[index] as HTMLInputElement | undefined;
  const rect = el?.getBoundingClientRect();
  return {
    count: contains === null ? els.length : els.filter((e) => norm(e.textContent).includes(contains)).length,
    index,
    text: norm(el?.textContent ?? null),
    visible: !!el && !!rect && rect.width > 0 && rect.height > 0 && getComputedStyle(el).visibility !== 'hidden',
    checked: !!el?.checked,
    focused: !!el && document.activeElement === el,
  };
}

const matches = (text: string, want: string | RegExp) => (typeof want === 'string' ? text === want.replace(/\s+/g, ' ').trim() : want.test(text));
const within = (text: string, want: string | RegExp) => (typeof want === 'string' ? text.includes(want) : want.test(text));

function surface(doc: () => Promise<Frame>): Surface {
  const seen = async (sel: Sel): Promise<Seen> => {
    try {
      return await (await doc()).evaluate(look, css(sel), hasText(sel) ?? null);
    } catch {
      return { count: 0, index: -1, text: '', visible: false, checked: false, focused: false };
    }
  };
  const until = async (sel: Sel, ok: (s: Seen) => boolean, what: string) => {
    await expect.poll(async () => ok(await seen(sel)), { message: `${what}: ${JSON.stringify(sel)}` }).toBe(true);
  };
  const element = async (sel: Sel) => {
    await until(sel, (s) => s.visible, 'visible');
    const frame = await doc();
    const { index } = await frame.evaluate(look, css(sel), hasText(sel) ?? null);
    const handle = (await frame.$$(css(sel)))[index];
    if (!handle) throw new Error(`gone: ${JSON.stringify(sel)}`);
    return handle;
  };
  return {
    async click(sel) {
      await (await element(sel)).click();
    },
    async fill(sel, value) {
      const handle = await element(sel);
      await handle.evaluate((el, v) => {
        const input = el as HTMLInputElement;
        input.focus();
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, v);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, value);
    },
    text: async (sel) => {
      await until(sel, (s) => s.count > 0, 'present');
      return (await seen(sel)).text;
    },
    expectText: (sel, text) => until(sel, (s) => s.count > 0 && matches(s.text, text), `text ${String(text)}`),
    expectContains: (sel, text) => until(sel, (s) => s.count > 0 && within(s.text, text), `contains ${String(text)}`),
    expectNotText: (sel, text) => until(sel, (s) => s.count > 0 && !matches(s.text, text), `not text ${text}`),
    expectVisible: (sel) => until(sel, (s) => s.visible, 'visible'),
    expectCount: (sel, count) => until(sel, (s) => s.count === count, `count ${count}`),
    expectChecked: (sel, checked) => until(sel, (s) => s.count > 0 && s.checked === checked, `checked ${checked}`),
    expectFocused: (sel) => until(sel, (s) => s.focused, 'focused'),
  };
}

/** The tab's live Frontline frame (it is replaced when the sidebar unmounts and mounts again). */
async function sidebarFrame(page: Page, origin: string): Promise<Frame> {
  for (const f of page.frames()) {
    if (f === page.mainFrame() || f.detached) continue;
    const href = await f.evaluate(() => location.href).catch(() => '');
    if (href.startsWith(`${origin}sidebar.html`)) return f;
  }
  throw new Error('no Frontline sidebar frame in this tab');
}

async function press(page: Page, keys: string) {
  const parts = keys.split('+') as KeyInput[];
  const key = parts.pop()!;
  for (const m of parts) await page.keyboard.down(m);
  await page.keyboard.press(key);
  for (const m of parts.reverse()) await page.keyboard.up(m);
}

export function firefoxDriver(session: FirefoxSession): Driver {
  const { browser, origin } = session;
  const tab = (page: Page): Tab => ({
    page: surface(async () => page.mainFrame()),
    sidebar: surface(() => sidebarFrame(page, origin)),
    press: (keys) => press(page, keys),
    type: (text) => page.keyboard.type(text),
    reload: async () => void (await page.reload()),
    url: () => page.evaluate(() => location.href),
    evaluate: <T>(fn: () => T) => page.evaluate(fn) as Promise<T>,
  });
  let files: string | null = null;
  return {
    browser: 'firefox',
    async open(url) {
      const page = await browser.newPage();
      await page.goto(url);
      return tab(page);
    },
    async options(): Promise<OptionsPage> {
      // Any open sidebar frame will do; open a CRM record for one if none is open yet.
      let frame: Frame | null = null;
      for (const p of await browser.pages()) frame ??= await sidebarFrame(p, origin).catch(() => null);
      if (!frame) {
        const helper = await browser.newPage();
        await helper.goto(DEMO_PAGES[0].url);
        await expect.poll(() => sidebarFrame(helper, origin).then(() => true, () => false)).toBe(true);
        frame = await sidebarFrame(helper, origin);
      }
      const before = new Set(await browser.pages());
      await frame.evaluate((url) => void window.open(url, '_blank'), `${origin}options.html`);
      let page: Page | undefined;
      await expect
        .poll(async () => {
          for (const p of await browser.pages()) {
            if (before.has(p)) continue;
            if ((await p.evaluate(() => location.href).catch(() => '')).startsWith(`${origin}options.html`)) page = p;
          }
          return page !== undefined;
        })
        .toBe(true);
      const ops = page!;
      return {
        ...surface(async () => ops.mainFrame()),
        async setFile(sel, name, content) {
          files ??= mkdtempSync(join(tmpdir(), 'frontline-upload-'));
          const path = join(files, name);
          writeFileSync(path, content);
          const input = await ops.waitForSelector(css(sel));
          await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(path);
        },
        evaluate: (fn) => ops.evaluate(fn),
      };
    },
  };
}
