/** The scenario Driver on Playwright + Chromium: each method is one Playwright locator call. */
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { sidebar } from '../fixtures';
import { css, hasText, type Driver, type OptionsPage, type Sel, type Surface } from './driver';

function surface(root: Pick<Page, 'locator'> | ReturnType<typeof sidebar>): Surface {
  const all = (sel: Sel): Locator => {
    const t = hasText(sel);
    return root.locator(css(sel), t === undefined ? undefined : { hasText: t });
  };
  const one = (sel: Sel) => all(sel).first();
  return {
    click: (sel) => one(sel).click(),
    fill: (sel, value) => one(sel).fill(value),
    text: async (sel) => (await one(sel).textContent()) ?? '',
    expectText: (sel, text) => expect(one(sel)).toHaveText(text),
    expectContains: (sel, text) => expect(one(sel)).toContainText(text),
    expectNotText: (sel, text) => expect(one(sel)).not.toHaveText(text),
    expectVisible: (sel) => expect(one(sel)).toBeVisible(),
    expectCount: (sel, count) => expect(all(sel)).toHaveCount(count),
    expectChecked: (sel, checked) => expect(one(sel)).toBeChecked({ checked }),
    expectFocused: (sel) => expect(one(sel)).toBeFocused(),
  };
}

export function chromiumDriver(context: BrowserContext, extId: string): Driver {
  const tab = (page: Page) => ({
    page: surface(page),
    // The frame sits in a closed shadow root no selector pierces: found by URL.
    sidebar: surface(sidebar(page)),
    press: (keys: string) => page.keyboard.press(keys),
    type: (text: string) => page.keyboard.type(text),
    reload: async () => void (await page.reload()),
    url: async () => page.url(),
    evaluate: <T>(fn: () => T) => page.evaluate(fn) as Promise<T>,
  });
  return {
    browser: 'chromium',
    async open(url) {
      const page = await context.newPage();
      await page.goto(url);
      return tab(page);
    },
    async options(): Promise<OptionsPage> {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extId}/options.html`);
      return {
        ...surface(page),
        setFile: (sel, name, content) => page.locator(css(sel)).setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) }),
        evaluate: (fn) => page.evaluate(fn),
      };
    },
  };
}
