import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decode, rasterise, renderIcons, samePicture, staleIcons, SOURCE } from '../../scripts/icons';
import { straightRgba, writeIconPixels } from '../../scripts/build/iconPixels';
import { iconsByPage, iconStateFor } from '../../utils/background/toolbarIcon';
import { ICON_SIZES, iconPixelFiles, iconPixelsPath, iconSet, TOOLBAR_SIZES } from '../../utils/icons';

/** RGBA of one pixel of a PNG. */
function pixel(png: Buffer, x: number, y: number): number[] {
  const img = decode(png);
  const i = (y * img.width + x) * 4;
  return [...img.pixels.subarray(i, i + 4)];
}

describe('icons', () => {
  it('the committed PNGs are what assets/icon.svg renders to (npm run icons)', () => {
    expect(staleIcons()).toEqual([]);
  });

  it('a changed colour is a changed picture; a rounding difference is not', () => {
    const svg = readFileSync(SOURCE, 'utf8');
    const files = renderIcons(svg);
    const recoloured = renderIcons(svg.replace('#1d4ed8', '#2563eb'));
    expect(samePicture(files.get('public/icon/16.png')!, recoloured.get('public/icon/16.png')!)).toBe(false);
    expect(staleIcons(recoloured)).toContain('public/icon/128.png');
    // One unit of blue apart, as another platform's rasteriser might round: other bytes, same picture.
    const png = files.get('public/icon/48.png')!;
    const again = renderIcons(svg.replace('#1d4ed8', '#1d4ed9')).get('public/icon/48.png')!;
    expect(again.equals(png)).toBe(false);
    expect(samePicture(png, again)).toBe(true);
  });

  it('renders every declared size, and the record state carries a green dot the plain mark lacks', () => {
    const files = renderIcons(readFileSync(SOURCE, 'utf8'));
    for (const state of ['idle', 'record'] as const) {
      for (const size of ICON_SIZES) {
        const path = iconSet(state)[String(size)];
        expect(files.get(`public/${path}`)!.readUInt32BE(16), path).toBe(size); // the PNG's IHDR width
      }
    }
    const [r, g, b] = pixel(files.get('public/icon/record-128.png')!, 100, 100);
    expect(g).toBeGreaterThan(r + 60);
    expect(g).toBeGreaterThan(b + 60);
    const [, g0, b0] = pixel(files.get('public/icon/128.png')!, 100, 100);
    expect(b0).toBeGreaterThan(g0);
  });

  it('the 128 px store icon keeps its artwork to 96 px inside transparent padding', () => {
    const png = renderIcons().get('public/icon/128.png')!;
    expect(pixel(png, 10, 64)[3]).toBe(0); // left padding
    expect(pixel(png, 64, 10)[3]).toBe(0); // top padding
    expect(pixel(png, 20, 64)[3]).toBe(255); // the tile starts at 16 px
  });
});

describe("the toolbar icon's pixels (Chrome's worker sets these instead of drawing the PNGs)", () => {
  it('are straight RGBA, as ImageData holds them: a half-transparent orange stays orange', () => {
    const png = rasterise('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128"><rect width="128" height="128" fill="#ff8000" fill-opacity="0.5"/></svg>', 16);
    const { width, height, rgba } = straightRgba(png);
    expect([width, height, rgba.length]).toEqual([16, 16, 16 * 16 * 4]);
    const [r, g, b, a] = rgba.subarray(0, 4);
    expect(a).toBe(128);
    expect(r).toBe(255);
    expect(Math.abs(g - 128)).toBeLessThanOrEqual(1);
    expect(b).toBe(0);
  });

  it('are written for both states at the toolbar sizes from the committed PNGs, the record state with its dot', () => {
    const out = mkdtempSync(join(tmpdir(), 'frontline-icon-pixels-'));
    try {
      const files = writeIconPixels('public', out);
      expect(files.map((f) => f.relativeDest).sort()).toEqual(
        iconPixelFiles().sort(),
      );
      for (const size of TOOLBAR_SIZES) {
        const at = (state: 'idle' | 'record') => {
          const bytes = readFileSync(join(out, iconPixelsPath(state, size)));
          expect(bytes.length).toBe(size * size * 4);
          const i = (Math.round(size * 0.78) * size + Math.round(size * 0.78)) * 4; // inside the dot (centre 100 of 128)
          return [...bytes.subarray(i, i + 4)];
        };
        const [r, g, b, a] = at('record');
        expect(a).toBe(255);
        expect(g).toBeGreaterThan(r + 60);
        expect(g).toBeGreaterThan(b + 60);
        const [r0, g0, b0] = at('idle');
        expect(b0).toBeGreaterThan(Math.max(r0, g0));
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('toolbar icon state', () => {
  const view = (account: unknown) => ({ account }) as never;
  it('the dot when the view has an account for the record, the plain mark when it has none or the page has no record', () => {
    expect(iconStateFor('view:get', { ctx: {}, lang: 'en' }, view({ id: 'acme' }))).toBe('record');
    expect(iconStateFor('view:get', { ctx: {}, lang: 'en' }, view(null))).toBe('idle');
    expect(iconStateFor('record:none', {}, { ok: true })).toBe('idle');
  });
  it('says nothing for palette browsing or messages that are not about the record', () => {
    expect(iconStateFor('view:get', { ctx: {}, lang: 'en', focus: { accountId: 'acme' } }, view({ id: 'acme' }))).toBeNull();
    expect(iconStateFor('usage:log', { kind: 'copy' }, { ok: true })).toBeNull();
    expect(iconStateFor('index:warm', {}, { ok: true })).toBeNull();
  });

  it('sets a tab\'s icon again only when its state changes within a page, or the page is new', async () => {
    const calls: string[] = [];
    let fail = false;
    const icons = iconsByPage(async (tabId, state) => {
      calls.push(`${tabId}:${state}`);
      if (fail) throw new Error('tab closed');
    });
    await icons.show(1, 'record', 'page-a');
    await icons.show(1, 'record', 'page-a'); // an in-app switch to another matched record
    await icons.show(1, 'idle', 'page-a');
    await icons.show(1, 'idle', 'page-b'); // a new document: the browser dropped the icon
    await icons.show(2, 'idle', 'page-b');
    await icons.show(1, 'idle'); // no page known (the frame's own pull): always set
    await icons.show(1, 'idle', 'page-b');
    expect(calls).toEqual(['1:record', '1:idle', '1:idle', '2:idle', '1:idle', '1:idle']);
    // A set that failed is tried again on the next view.
    fail = true;
    await expect(icons.show(3, 'record', 'page-c')).rejects.toThrow('tab closed');
    fail = false;
    await icons.show(3, 'record', 'page-c');
    expect(calls.slice(-2)).toEqual(['3:record', '3:record']);
    icons.forget(2);
    await icons.show(2, 'idle', 'page-b');
    expect(calls.at(-1)).toBe('2:idle');
  });

  it('setIcon is given the toolbar\'s sizes, the manifest every size', () => {
    expect(Object.keys(iconSet('record', [16, 32]))).toEqual(['16', '32']);
    expect(Object.keys(iconSet('idle'))).toEqual(ICON_SIZES.map(String));
  });
});
