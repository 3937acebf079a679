/**
 * A handle on the sidebar for Playwright. The frame sits in a closed shadow root, which
 * no selector pierces (that is the point), so it is found by URL among the page's
 * frames instead. The content script replaces the frame when the rep moves from a list
 * to a record, so the handle is lazy: `sidebar(page).locator(...)` records the chain and
 * builds a real Locator on the current frame for every action or assertion, retrying
 * once the frame it used went away.
 */
import type { Frame, Locator, Page } from '@playwright/test';

export const SIDEBAR_URL = /\/sidebar\.html/;

export function sidebarFrames(page: Page): Frame[] {
  return page.frames().filter((f) => !f.isDetached() && SIDEBAR_URL.test(f.url()));
}

/** The sidebar frame, waiting up to `timeout` for it to appear. */
export async function sidebarFrame(page: Page, timeout = 10_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const [f] = sidebarFrames(page);
    if (f) return f;
    if (Date.now() > deadline) throw new Error('no Frontline sidebar frame on the page');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Methods that build a locator rather than act: recorded, not run. */
const CHAIN = new Set(['locator', 'getByRole', 'getByText', 'getByLabel', 'getByTitle', 'getByPlaceholder', 'getByAltText', 'getByTestId', 'first', 'last', 'nth', 'filter', 'and', 'or']);
const STEPS = Symbol('steps');
type Step = [string, unknown[]];

const isLazy = (x: unknown): x is { [STEPS]: Step[] } => typeof x === 'object' && x !== null && (x as { [STEPS]?: Step[] })[STEPS] !== undefined;

function build(frame: Frame, steps: Step[]): Locator {
  const arg = (a: unknown): unknown => {
    if (isLazy(a)) return build(frame, a[STEPS]);
    if (a && typeof a === 'object' && !Array.isArray(a) && !(a instanceof RegExp))
      return Object.fromEntries(Object.entries(a).map(([k, v]) => [k, isLazy(v) ? build(frame, v[STEPS]) : v]));
    return a;
  };
  return steps.reduce<unknown>((x, [m, args]) => (x as Record<string, (...a: unknown[]) => unknown>)[m](...args.map(arg)), frame) as Locator;
}

const gone = (e: unknown) => /detached|Target closed|has been closed|Execution context was destroyed|no Frontline sidebar frame/i.test(String((e as Error)?.message ?? e));

function lazy(page: Page, steps: Step[]): Locator {
  // An object, as Playwright's expect checks `typeof receiver === 'object'` and `_apiName`.
  const target = { [STEPS]: steps };
  return new Proxy(target, {
    get(t, prop) {
      if (prop === STEPS) return steps;
      if (prop === 'then') return undefined;
      if (prop === '_apiName') return 'Locator';
      if (prop === 'toString' || prop === Symbol.for('nodejs.util.inspect.custom')) return () => `sidebar ${steps.map(([m, a]) => `${m}(${a.map((x) => JSON.stringify(x)).join(', ')})`).join('.')}`;
      if (typeof prop === 'string' && CHAIN.has(prop)) return (...args: unknown[]) => lazy(page, [...steps, [prop, args]]);
      if (typeof prop !== 'string') return Reflect.get(t, prop);
      return async (...args: unknown[]) => {
        for (let attempt = 0; ; attempt++) {
          try {
            const real = build(await sidebarFrame(page), steps) as unknown as Record<string, (...a: unknown[]) => unknown>;
            return await real[prop](...args);
          } catch (e) {
            if (attempt >= 3 || !gone(e)) throw e;
          }
        }
      };
    },
  }) as unknown as Locator;
}

/** The sidebar document: `.locator()`, `.getByRole()`… as on a FrameLocator. */
export const sidebar = (page: Page) => lazy(page, []) as unknown as Pick<Locator, 'locator' | 'getByRole' | 'getByText' | 'getByLabel' | 'getByTitle' | 'getByPlaceholder' | 'getByTestId'>;
export const panel = (page: Page): Locator => lazy(page, [['locator', ['.fl-panel']]]);
