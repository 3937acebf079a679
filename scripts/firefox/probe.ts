import { launchFirefox } from './launch';
import { DEMO_PAGES } from '../demo/routes';
const s = await launchFirefox();
const t0 = Date.now();
try {
  const page = await s.browser.newPage();
  page.on('console', (m) => console.log('console:', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('pageerror:', e));
  await page.goto(DEMO_PAGES[0].url);
  console.log('loaded', Date.now() - t0, await page.title());
  await new Promise((r) => setTimeout(r, 4000));
  console.log('host count', await page.evaluate(() => document.querySelectorAll('frontline-sidebar').length));
  for (const f of page.frames()) {
    console.log('frame', f.url());
    if (f !== page.mainFrame()) {
      console.log(await f.evaluate(() => location.href + ' ' + document.readyState + ' ' + document.documentElement.outerHTML.slice(0,400)));
      console.log(await f.evaluate(() => ({ app: document.getElementById('app')!.innerHTML.slice(0, 300), b: typeof (globalThis as any).browser, getCurrent: typeof (globalThis as any).browser?.tabs?.getCurrent })));
      console.log(await f.evaluate(() => Object.keys((globalThis as any).browser).join(',') + ' | chrome: ' + Object.keys((globalThis as any).chrome ?? {}).join(',')));
      console.log(await f.evaluate(async () => { try { const t = await (globalThis as any).browser.tabs.getCurrent(); return JSON.stringify(t); } catch (e) { return 'ERR ' + e; } }));
    }
  }
} finally {
  await s.close();
}
