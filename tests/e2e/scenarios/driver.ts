/**
 * What a rep-flow scenario may do, whatever the browser: open a demo URL, look into and
 * act on the page, its Frontline sidebar (the extension frame) and the options page.
 * Implemented for Playwright + Chromium (chromium.ts) and for puppeteer-core + Firefox
 * over WebDriver BiDi (firefox.ts). Every `expect…` waits (up to the suite's assertion
 * timeout) like Playwright's web-first assertions.
 */

/** A CSS selector, optionally only the elements whose text contains `hasText`. Actions act on the first match. */
export type Sel = string | { css: string; hasText?: string };

export interface Surface {
  click(sel: Sel): Promise<void>;
  /** Replaces an input's value as typing would (fires `input`). */
  fill(sel: Sel, value: string): Promise<void>;
  text(sel: Sel): Promise<string>;
  /** Whitespace-normalised text: equal to a string, or matching a RegExp. */
  expectText(sel: Sel, text: string | RegExp): Promise<void>;
  expectContains(sel: Sel, text: string | RegExp): Promise<void>;
  expectNotText(sel: Sel, text: string): Promise<void>;
  expectVisible(sel: Sel): Promise<void>;
  expectCount(sel: Sel, count: number): Promise<void>;
  expectChecked(sel: Sel, checked: boolean): Promise<void>;
  expectFocused(sel: Sel): Promise<void>;
}

export interface Tab {
  /** The page itself (the CRM or webmail). */
  page: Surface;
  /** Inside the Frontline sidebar frame. */
  sidebar: Surface;
  /** Keys as Playwright names them; `+` joins modifiers ("Control+k"). */
  press(keys: string): Promise<void>;
  type(text: string): Promise<void>;
  reload(): Promise<void>;
  url(): Promise<string>;
  /** Runs a script in the page's own world and returns its JSON-able result. */
  evaluate<T>(fn: () => T): Promise<T>;
}

export interface OptionsPage extends Surface {
  /** Picks a file in a file input, as the rep would through the file dialog. */
  setFile(sel: Sel, name: string, content: string): Promise<void>;
  /** Runs a script in the options page (an extension page: it has the full extension API). */
  evaluate<T>(fn: () => Promise<T>): Promise<T>;
}

export interface Driver {
  /** Which browser, for the rare scenario that says what a browser cannot do. */
  readonly browser: 'chromium' | 'firefox';
  open(url: string): Promise<Tab>;
  /** The extension's options page (the ops console) in its own tab. */
  options(): Promise<OptionsPage>;
}

export const css = (sel: Sel) => (typeof sel === 'string' ? sel : sel.css);
export const hasText = (sel: Sel) => (typeof sel === 'string' ? undefined : sel.hasText);
