/**
 * The floor under two costs our first loads and stopped-worker paths pay before any of
 * our code runs, measured in the same run on the same demo pages: a bare MV3 extension,
 * written to a temp dir, whose content script adds an iframe of its own one-line page at
 * document_start (as ours adds the sidebar frame), and whose worker answers any message
 * at once (nothing to import, no storage).
 *
 * - frame: the frame's navigation start → its document parsed → its first module script
 *   running, beside the same milestones of our sidebar frame (its timeline);
 * - worker: one message's round trip from an extension page with the worker stopped
 *   before each run (and awake), beside ours for a message that reads no pack
 *   (`sync:status`): Chrome's start of a service worker, against that plus our script.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Frame, Page } from '@playwright/test';
import { extensionId } from '../../demo/launch';
import type { DemoPage } from '../../demo/routes';
import { controlPage, launch, type Control } from './browser';
import { progress, quantile, round } from './figures';

export interface BareFrameRow {
  page: string;
  runs: number;
  /** The bare frame: navigation start → document parsed, → its script running (p50). */
  parsedP50Ms: number;
  scriptP50Ms: number;
}

export interface BareFloor {
  frames: BareFrameRow[];
  worker: {
    runs: number;
    /** The bare extension's worker: stopped → one message answered (p50), and awake. */
    bareStoppedP50Ms: number;
    bareWarmP50Ms: number;
    /** Ours, the same way, for `sync:status` (reads no pack). */
    oursStoppedP50Ms: number;
    oursWarmP50Ms: number;
  };
}

function writeBareExtension(pages: readonly DemoPage[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'frontline-bench-bare-'));
  const matches = [...new Set(pages.map((d) => `${new URL(d.url).origin}/*`))];
  const files: Record<string, string> = {
    'manifest.json': JSON.stringify({
      manifest_version: 3,
      name: 'bench floor',
      version: '1',
      background: { service_worker: 'bg.js' },
      content_scripts: [{ matches, js: ['cs.js'], run_at: 'document_start' }],
      web_accessible_resources: [{ resources: ['frame.html', 'frame.js'], matches }],
    }),
    'bg.js': 'chrome.runtime.onMessage.addListener((m, s, reply) => { reply({ ok: true }); });',
    'cs.js': "const f = document.createElement('iframe'); f.src = chrome.runtime.getURL('frame.html'); document.documentElement.append(f);",
    'frame.html': '<!doctype html><html><head><meta charset="utf-8"><script type="module" src="frame.js"></script></head><body>floor</body></html>',
    'frame.js': "performance.mark('bare:boot');",
    'page.html': '<!doctype html><title>floor</title>',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const bareFrame = (page: Page): Frame | undefined => page.frames().find((f) => /\/frame\.html/.test(f.url()));

async function frameMilestones(page: Page): Promise<{ parsed: number; script: number }> {
  const end = Date.now() + 15_000;
  for (;;) {
    const got = await bareFrame(page)
      ?.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        const boot = performance.getEntriesByName('bare:boot')[0];
        return nav && boot ? { parsed: nav.domInteractive, script: boot.startTime } : null;
      })
      .catch(() => null);
    if (got) return got;
    if (Date.now() > end) throw new Error(`the bare extension's frame did not load on ${page.url()}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function wakes(control: Control, type: string, runs: number): Promise<{ stopped: number; warm: number }> {
  const stopped: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) {
    await control.stopWorker();
    stopped.push((await control.send(type, {})).ms);
    warm.push((await control.send(type, {})).ms);
  }
  return { stopped: round(quantile(stopped, 0.5)), warm: round(quantile(warm, 0.5), 2) };
}

export async function bareFloor(ours: Control, pages: readonly DemoPage[], runs: number): Promise<BareFloor> {
  const dir = writeBareExtension(pages);
  let context: BrowserContext | null = null;
  try {
    context = await launch(dir);
    const control = await controlPage(context, await extensionId(context), 'page.html');
    const frames: BareFrameRow[] = [];
    const page = await context.newPage();
    for (const d of pages) {
      progress(`floor: a bare extension's frame on ${d.id}`);
      const parsed: number[] = [];
      const script: number[] = [];
      for (let i = 0; i < runs; i++) {
        await page.goto('about:blank');
        await page.goto(d.url);
        const m = await frameMilestones(page);
        parsed.push(m.parsed);
        script.push(m.script);
      }
      frames.push({ page: d.id, runs, parsedP50Ms: round(quantile(parsed, 0.5)), scriptP50Ms: round(quantile(script, 0.5)) });
    }
    await page.close();
    progress("floor: a bare extension's worker, stopped and awake");
    const bare = await wakes(control, 'ping', runs);
    const mine = await wakes(ours, 'sync:status', runs);
    return { frames, worker: { runs, bareStoppedP50Ms: bare.stopped, bareWarmP50Ms: bare.warm, oursStoppedP50Ms: mine.stopped, oursWarmP50Ms: mine.warm } };
  } finally {
    await context?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
