/** JS heap added to the page (with the extension vs without), and the sidebar frame's own heap. */
import type { BrowserContext, Frame, Page } from '@playwright/test';
import { DEMO_PAGES, type DemoPage } from '../../demo/routes';
import { names, sidebarFrame } from './browser';
import { progress, quantile } from './figures';

async function heapUsed(context: BrowserContext, target: Page | Frame): Promise<number> {
  const cdp = await context.newCDPSession(target);
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) {
    await cdp.send('HeapProfiler.collectGarbage');
    samples.push(((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize);
  }
  await cdp.detach();
  return quantile(samples, 0.5);
}

export async function heap(withExt: BrowserContext, without: BrowserContext, pages: DemoPage[] = DEMO_PAGES) {
  const out = [];
  for (const d of pages) {
    progress(`heap: ${d.id}`);
    const a = await withExt.newPage();
    await a.goto(d.url);
    await names(a);
    await a.waitForTimeout(500);
    const withBytes = await heapUsed(withExt, a);
    const frame = sidebarFrame(a);
    const frameBytes = frame ? await heapUsed(withExt, frame) : NaN;
    await a.close();
    const b = await without.newPage();
    await b.goto(d.url);
    await b.waitForTimeout(1_000);
    const withoutBytes = await heapUsed(without, b);
    await b.close();
    out.push({ page: d.id, withBytes, withoutBytes, addedBytes: withBytes - withoutBytes, sidebarFrameBytes: frameBytes });
  }
  return out;
}
