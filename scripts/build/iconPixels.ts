/**
 * The toolbar icon's pixels for Chrome's worker (utils/background/toolbarIcon.ts), written
 * at build time from the committed PNGs, so they can never drift from them. In a service
 * worker, `action.setIcon({ path })` fetches each PNG and draws it on an OffscreenCanvas to
 * read its pixels back: a CPU profile of warm first loads here put that canvas at ~53 ms of
 * the worker's time per page, on the two cores the sidebar frame boots on. Given
 * `imageData`, setIcon draws nothing.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { decode } from '../icons';
import { iconPath, iconPixelsPath, TOOLBAR_SIZES, type IconState } from '../../utils/icons';

/**
 * A PNG's pixels as ImageData holds them: straight (not premultiplied) RGBA. resvg,
 * which decodes it, gives premultiplied colour; a canvas's getImageData would divide the
 * same way.
 */
export function straightRgba(png: Buffer): { width: number; height: number; rgba: Buffer } {
  const { width, height, pixels } = decode(png);
  const rgba = Buffer.from(pixels);
  for (let i = 0; i < rgba.length; i += 4) {
    const a = rgba[i + 3];
    if (a === 0 || a === 255) continue;
    for (let c = i; c < i + 3; c++) rgba[c] = Math.min(255, Math.round((rgba[c] * 255) / a));
  }
  return { width, height, rgba };
}

/** Writes every state's toolbar-size pixels under `outDir`; returns the files for WXT's public assets. */
export function writeIconPixels(publicDir: string, outDir: string): { absoluteSrc: string; relativeDest: string }[] {
  const files: { absoluteSrc: string; relativeDest: string }[] = [];
  for (const state of ['idle', 'record'] as IconState[]) {
    for (const size of TOOLBAR_SIZES) {
      const { width, height, rgba } = straightRgba(readFileSync(join(publicDir, iconPath(state, size))));
      if (width !== size || height !== size) throw new Error(`${iconPath(state, size)} is ${width}×${height}, not ${size}×${size}`);
      const dest = iconPixelsPath(state, size);
      const out = join(outDir, dest);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, rgba);
      files.push({ absoluteSrc: out, relativeDest: dest });
    }
  }
  return files;
}
