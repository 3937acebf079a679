/**
 * XSS: a pack whose every text field carries payloads — script tags, event
 * handlers, javascript: and data: links in Markdown and in HTML, CSS that tries to
 * escape the sidebar, SVG and MathML payloads, remote images — is imported through the
 * options page and shown in every section of the sidebar on every demo page. Nothing
 * may execute (no dialog, no console error, no page error, no `__xss` global), nothing
 * may be fetched from anywhere but the demo page and the extension, links are only
 * http/https/mailto with rel="noopener noreferrer", and the sidebar holds no script,
 * img, iframe, style, foreign SVG or on* attribute that came from the pack.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Frame, Page } from '@playwright/test';
import { test, expect, demo, panel, sidebar } from './fixtures';
import { DEMO_PAGES } from '../../scripts/demo/routes';
import { validatePack } from '../../utils/pack/validate';

const sample = JSON.parse(readFileSync(new URL('../../assets/sample-pack.json', import.meta.url), 'utf8'));
const EVIL = 'evil.example';
const VERSION = '6.6.6';

/** Each one tries something different; every text field gets all of them. */
const PAYLOADS = [
  `<script>window.__xss='script';alert('xss-script')</script>`,
  `<img src="https://${EVIL}/img.png" onerror="window.__xss='img';alert('xss-img')">`,
  `[js link](javascript:window.__xss='md-js';alert('xss-md-js'))`,
  `[JS link upper](  JaVaScRiPt:alert('xss-md-js-case'))`,
  `[entity link](javascript&#58;alert('xss-entity'))`,
  `[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgneHNzLWRhdGEnKTwvc2NyaXB0Pg==)`,
  `<a href="javascript:alert('xss-a')" onclick="alert('xss-onclick')">html link</a>`,
  `![remote image](https://${EVIL}/md-img.png)`,
  `<style>*{display:none!important}html,body{background:url(https://${EVIL}/css.png)!important}</style>`,
  `<div style="position:fixed;inset:0;z-index:2147483647;background:url(https://${EVIL}/bg.png)">overlay</div>`,
  `<svg onload="alert('xss-svg')"><script>alert('xss-svg-script')</script><image href="https://${EVIL}/svg.png"/></svg>`,
  `<math><mi xlink:href="javascript:alert('xss-math')">m</mi></math>`,
  `<iframe src="https://${EVIL}/frame"></iframe><object data="https://${EVIL}/obj"></object>`,
  `"><img src=x onerror=alert('xss-attr')>`,
  `{{constructor.constructor('alert("xss-template")')()}}`,
  `[safe link](https://example.com/safe) and <mailto:sales@example.com>`,
];
const PAYLOAD = ` ${PAYLOADS.join(' ')}`;

/** Fields the matcher needs verbatim (so the demo pages still match) or that are not text. */
const KEEP = new Set(['aliases', 'keywords', 'exclusions', 'crmStages', 'crmIds', 'domains', 'ownDomains', 'freeMailDomains', 'locales', 'defaultLocale', 'version']);

/**
 * The sample pack with the payloads appended to every string the schema takes as free
 * text. Strings the schema constrains (ids, dates, enums, domains) are restored from
 * the validator's own error paths until the pack is valid again.
 */
function poisonedPack() {
  const p = structuredClone(sample);
  const touched: (string | number)[][] = [];
  const walk = (node: any, path: (string | number)[]) => {
    if (Array.isArray(node)) node.forEach((x, i) => (typeof x === 'string' ? poison(node, i, path) : walk(x, [...path, i])));
    else if (node && typeof node === 'object')
      for (const [k, x] of Object.entries(node)) {
        if (KEEP.has(k)) continue;
        if (typeof x === 'string') poison(node, k, path);
        else walk(x, [...path, k]);
      }
  };
  const poison = (parent: any, key: string | number, path: (string | number)[]) => {
    parent[key] += PAYLOAD;
    touched.push([...path, key]);
  };
  walk(p, []);
  p.meta.version = VERSION;
  const original = (path: (string | number)[]) => path.reduce((o: any, k) => o?.[k], sample);
  const setAt = (path: (string | number)[], value: unknown) => {
    const parent = path.slice(0, -1).reduce((o: any, k) => o[k], p);
    parent[path[path.length - 1]] = value;
  };
  for (let round = 0; round < 5; round++) {
    const r = validatePack(p);
    if (r.ok) return { pack: p, poisoned: touched.length };
    for (const e of r.errors) {
      const path = e.path.match(/[^.[\]]+/g)!.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
      // Errors may sit on the field itself or under it (a per-locale map): restore the field.
      for (let n = path.length; n > 0; n--) {
        const here = original(path.slice(0, n));
        if (typeof here === 'string') {
          setAt(path.slice(0, n), here);
          break;
        }
      }
    }
  }
  const r = validatePack(p);
  throw new Error(`poisoned pack does not validate: ${r.ok ? '' : r.errors.slice(0, 5).map((e) => `${e.path}: ${e.message}`).join('; ')}`);
}

interface Watch {
  problems: string[];
}

/** Everything that would show a payload ran or reached out. */
function watch(context: BrowserContext, page: Page, extId: string): Watch {
  const w: Watch = { problems: [] };
  const allowed = (url: string) =>
    url.startsWith(`chrome-extension://${extId}/`) ||
    url.startsWith('about:') ||
    DEMO_PAGES.some((d) => new URL(d.url).origin === new URL(url).origin && !url.endsWith('/favicon.ico'));
  context.on('request', (r) => {
    if (!allowed(r.url())) w.problems.push(`request to ${r.url()}`);
  });
  page.on('dialog', (d) => {
    w.problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => w.problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/favicon/.test(m.location().url)) w.problems.push(`console error: ${m.text()}`);
  });
  page.on('popup', (p) => w.problems.push(`popup: ${p.url()}`));
  return w;
}

async function importThroughOptions(context: BrowserContext, extId: string, pack: unknown) {
  const options = await context.newPage();
  const w = watch(context, options, extId);
  await options.goto(`chrome-extension://${extId}/options.html`);
  await options.getByTestId('pack-file').setInputFiles({ name: 'poisoned.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pack)) });
  // The import flow may preview the pack (with a diff of its text) before an Activate button.
  const activate = options.getByTestId('activate');
  const version = options.getByTestId('pack-version');
  await expect(activate.or(version.filter({ hasText: VERSION }))).toBeVisible({ timeout: 20_000 });
  if (await activate.isVisible()) {
    // The preview renders pack text too: inspect it before activating.
    await options.locator('details').evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    expect(await inspect(options.mainFrame(), '[data-testid="preview"]')).toEqual(clean());
    await activate.click();
  }
  await expect(version).toHaveText(VERSION, { timeout: 20_000 });
  expect(await inspect(options.mainFrame(), '[data-testid="pack-info"]')).toEqual(clean());
  expect(w.problems).toEqual([]);
  await options.close();
}

const clean = () => ({ forbidden: [], handlers: [], badLinks: [], styled: [], xss: null });

/**
 * Looks inside `rootSelector` (in the sidebar frame, or the shadow root when there is
 * no frame) for anything a payload could have produced.
 */
async function inspect(frame: Frame, rootSelector: string, shadowHost?: string) {
  return frame.evaluate(
    ({ rootSelector, shadowHost }) => {
      const scope = shadowHost ? document.querySelector(shadowHost)?.shadowRoot : document;
      const root = scope?.querySelector(rootSelector);
      if (!root) return { forbidden: ['no sidebar root'], handlers: [], badLinks: [], styled: [], xss: null };
      const all = [root, ...root.querySelectorAll('*')];
      const forbidden = all
        .filter((el) => /^(script|img|image|iframe|object|embed|style|link|math|form|base|meta|video|audio|source)$/i.test(el.localName) || (el.localName === 'svg' && !el.classList.contains('fl-spark')))
        .map((el) => el.outerHTML.slice(0, 120));
      // Inside our own sparkline only our own shapes.
      for (const svg of root.querySelectorAll('svg.fl-spark'))
        for (const el of svg.querySelectorAll('*')) if (!/^(path|polyline|circle|line|rect|title|g)$/.test(el.localName)) forbidden.push(`sparkline child ${el.localName}`);
      const handlers = all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.localName}[${a.name}]`));
      const badLinks = [...root.querySelectorAll('a, area, [href], [src], [action], [formaction], [xlink\\:href]')]
        .map((el) => {
          const href = el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action') ?? el.getAttribute('xlink:href') ?? '';
          const rel = (el.getAttribute('rel') ?? '').split(/\s+/);
          // The experts' chat apps (utils/pack/contactHref.ts allow-lists them at intake) beside web and mail links.
          const okScheme = /^(https?:|mailto:|slack:\/\/|dingtalk:\/\/|wxwork:\/\/)/i.test(href) && el.localName === 'a';
          const okRel = /^mailto:/i.test(href) || (rel.includes('noopener') && rel.includes('noreferrer'));
          return okScheme && okRel ? null : `${el.localName} ${href.slice(0, 60)} rel=${rel.join(' ')}`;
        })
        .filter((x): x is string => x !== null);
      const styled = all
        .map((el) => el.getAttribute('style') ?? '')
        .filter((s) => /url\(|expression|position\s*:\s*fixed|evil/i.test(s));
      return { forbidden, handlers, badLinks, styled, xss: (window as any).__xss ?? null };
    },
    { rootSelector, shadowHost },
  );
}

/** The sidebar's document: the extension frame when the panel is one, else the shadow root. */
async function sidebarRoot(page: Page): Promise<{ frame: Frame; root: string; host?: string }> {
  const frame = page.frames().find((f) => /\/sidebar\.html/.test(f.url()));
  return frame ? { frame, root: '#app' } : { frame: page.mainFrame(), root: 'body', host: 'frontline-sidebar' };
}

test('a pack full of payloads renders as text in every section of every demo page; nothing runs, nothing loads', async ({ context, extId }) => {
  test.setTimeout(180_000);
  await context.route(`https://${EVIL}/**`, (r) => r.abort());
  const { pack, poisoned } = poisonedPack();
  expect(poisoned).toBeGreaterThan(100);
  await importThroughOptions(context, extId, pack);

  for (const d of DEMO_PAGES) {
    const page = await context.newPage();
    const w = watch(context, page, extId);
    const pageBg = async () => page.evaluate(() => [getComputedStyle(document.body).backgroundImage, getComputedStyle(document.body).display, document.body.checkVisibility()]);
    await page.goto(d.url);
    const before = await pageBg();
    const p = panel(page);
    await expect(p.locator('.fl-topbar')).toContainText(`v${VERSION}`, { timeout: 20_000 });
    await expect(p.locator('.fl-account-name')).toContainText('<script>');

    // Every tab, every section opened.
    const tabs = p.getByRole('tab');
    const n = await tabs.count();
    for (let i = 0; i < n; i++) {
      // A click in the panel's first moment is held until the click guard has a visibility
      // verdict and refused when none comes within HOLD_MS (utils/ui/clickGuard.ts): on a
      // machine loaded by the rest of the suite that happened to the first tab of a new
      // page. What this test checks is the payloads' rendering, so a refused click is tried again.
      await expect(async () => {
        await tabs.nth(i).click();
        await expect(tabs.nth(i)).toHaveAttribute('aria-selected', 'true', { timeout: 2_000 });
      }).toPass({ timeout: 20_000 });
      const summaries = p.locator('details:not([open]) > summary');
      while ((await summaries.count()) > 0) await summaries.first().click();
      const { frame, root, host } = await sidebarRoot(page);
      expect(await inspect(frame, root, host), `${d.id}, tab ${i}`).toEqual(clean());
    }
    const summaries = p.locator('details:not([open]) > summary');
    while ((await summaries.count()) > 0) await summaries.first().click();
    // The payload text itself is on screen, as text.
    await expect(p.getByText(`alert('xss-img')`).first()).toBeVisible();

    // The palette, searching for words that occur only in the payloads.
    for (const q of ['script', 'onerror', 'javascript', 'svg']) {
      await p.getByRole('button', { name: /Search/ }).click();
      await p.getByRole('combobox').fill(q);
      await expect(p.getByRole('option').first()).toBeVisible();
      const { frame, root, host } = await sidebarRoot(page);
      expect(await inspect(frame, root, host), `${d.id}, palette "${q}"`).toEqual(clean());
      await p.getByRole('option').first().click();
      await expect(p.locator('.fl-account-name')).toBeVisible();
      const after = await sidebarRoot(page);
      expect(await inspect(after.frame, after.root, after.host), `${d.id}, opened "${q}"`).toEqual(clean());
    }

    // The collapsed rail (its label carries the account name) and back.
    await p.getByRole('button', { name: /Collapse Frontline|Close/ }).first().click();
    const { frame, root, host } = await sidebarRoot(page);
    expect(await inspect(frame, root, host), `${d.id}, rail`).toEqual(clean());
    // Open again: the collapsed state is kept per site, and a later demo page may be on the same one.
    await sidebar(page).locator('.fl-rail').click();
    await expect(p.locator('.fl-account-name')).toBeVisible();

    // The page itself: unstyled by the pack, no global set, nothing ran.
    expect(await pageBg()).toEqual(before);
    expect(await page.evaluate(() => (window as any).__xss ?? null)).toBeNull();
    await page.waitForTimeout(300);
    expect(w.problems, d.id).toEqual([]);
    await page.close();
  }
});

test('Markdown links keep only http, https and mailto targets, each opening with noopener noreferrer', async ({ context, extId }) => {
  const pack = structuredClone(sample);
  pack.meta.version = VERSION;
  const globex = pack.competitors.find((c: any) => c.id === 'globex');
  globex.battlecard.summary = {
    en: '[web](https://example.com/a) [plain](http://example.com/b) [mail](mailto:sales@example.com) [js](javascript:alert(1)) [data](data:text/html,hi) [vb](vbscript:msgbox) [file](file:///etc/passwd) [rel](/relative) [proto](//evil.example/x)',
  };
  await importThroughOptions(context, extId, pack);
  const page = await context.newPage();
  await page.goto(demo('salesforce-opportunity').url);
  const p = panel(page);
  await p.getByRole('tab', { name: globex.name }).click();
  const links = p.getByRole('tabpanel').locator('.fl-rich a');
  await expect(links).toHaveCount(3);
  expect(await links.evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('rel'), a.getAttribute('target')]))).toEqual([
    ['web', 'https://example.com/a', 'noopener noreferrer', '_blank'],
    ['plain', 'http://example.com/b', 'noopener noreferrer', '_blank'],
    ['mail', 'mailto:sales@example.com', 'noopener noreferrer', '_blank'],
  ]);
  // The refused ones are still there, as text.
  await expect(p.getByRole('tabpanel')).toContainText('js');
  await expect(p.getByRole('tabpanel')).toContainText('file');
});

test('the checks have teeth: an injected payload, a dialog and a stray request are all caught', async ({ context, extId }) => {
  await context.route(`https://${EVIL}/**`, (r) => r.abort());
  const page = await context.newPage();
  const w = watch(context, page, extId);
  await page.goto(demo('salesforce-opportunity').url);
  await expect(panel(page).locator('.fl-account-name')).toHaveText('Northwind Traders');
  const { frame, root, host } = await sidebarRoot(page);
  expect(await inspect(frame, root, host)).toEqual(clean());
  await frame.evaluate(
    ({ root, host }) => {
      const scope = host ? document.querySelector(host)!.shadowRoot! : document;
      const el = scope.querySelector(root)!;
      const img = document.createElement('img');
      img.setAttribute('onerror', 'void 0');
      const a = document.createElement('a');
      a.href = 'javascript:void 0';
      el.append(img, a);
    },
    { root, host },
  );
  const found = await inspect(frame, root, host);
  expect(found.forbidden).toHaveLength(1);
  expect(found.handlers).toEqual(['img[onerror]']);
  expect(found.badLinks).toHaveLength(1);
  await page.evaluate((evil) => {
    setTimeout(() => alert('caught'));
    void fetch(`https://${evil}/x`).catch(() => undefined);
  }, EVIL);
  await expect.poll(() => w.problems.some((p) => p.includes(`request to https://${EVIL}/x`))).toBe(true);
  await expect.poll(() => w.problems.some((p) => p.includes('dialog: caught'))).toBe(true);
});
