import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import config from '../../wxt.config';
import { pngSize } from '../../scripts/release/checks';

const ROOT = resolve(import.meta.dirname, '../..');
const LISTINGS = [
  { file: 'docs/store/en/listing.md', locale: 'en' },
  { file: 'docs/store/zh-CN/listing.md', locale: 'zh_CN' },
];
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');

/** The manifest wxt.config.ts gives for a browser (before WXT adds entrypoints). */
async function manifest(browser: 'chrome' | 'firefox') {
  const m = config.manifest as (env: { browser: string; manifestVersion: number; mode: string; command: string }) => Record<string, any>;
  return m({ browser, manifestVersion: browser === 'firefox' ? 2 : 3, mode: 'production', command: 'build' });
}

describe.each(LISTINGS)('store listing $file', ({ file, locale }) => {
  const text = read(file);

  it('says what the extension says of itself (the short description is the manifest’s, ≤ 132 characters)', () => {
    const messages = JSON.parse(read(`public/_locales/${locale}/messages.json`));
    // The third section of each listing: Name, then the short description as a quote.
    const short = /^> (.+)$/m.exec(text.split('\n## ')[2])?.[1];
    expect(short).toBe(messages.extDescription.message);
    expect([...short!].length).toBeLessThanOrEqual(132);
  });

  it('gives a reason for every permission the manifest asks for, in both builds', async () => {
    for (const browser of ['chrome', 'firefox'] as const) {
      const m = await manifest(browser);
      const asked = [...(m.permissions ?? []), ...(m.optional_host_permissions ? ['optional_host_permissions'] : []), ...(m.optional_permissions ? ['optional_permissions'] : [])];
      for (const p of asked) expect(text, `${browser}: ${p}`).toContain(`\`${p}\``);
    }
  });

  it('links screenshots that exist, at the stores’ 1280×800', () => {
    const images = [...text.matchAll(/\]\(([^)]+\.png)\)/g)].map((m) => resolve(ROOT, dirname(file), m[1]));
    const shots = images.filter((p) => /\/\d-[^/]+\.png$/.test(p));
    expect(shots.length).toBeGreaterThanOrEqual(5);
    for (const p of images) expect(existsSync(p), p).toBe(true);
    for (const p of shots) expect(pngSize(readFileSync(p)), p).toEqual({ width: 1280, height: 800 });
  });
});
