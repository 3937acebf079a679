/**
 * npm run icons — the extension's PNG icons from assets/icon.svg, at every size the
 * manifest declares, in two toolbar states:
 *   public/icon/<size>.png         the mark (manifest icons, default toolbar icon)
 *   public/icon/record-<size>.png  the mark with a green dot: this tab shows a matched account
 * plus docs/store/icon-preview.png, both states on light and dark toolbars.
 * `--check` writes nothing and exits 1 when a committed PNG differs from what the SVG gives.
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { ICON_SIZES, iconPath, type IconState } from '../utils/icons';

const ROOT = resolve(import.meta.dirname, '..');
export const SOURCE = join(ROOT, 'assets/icon.svg');
const PREVIEW = 'docs/store/icon-preview.png';

/** The record state: the same mark with a dot in the lower right, ringed so it reads on any toolbar. */
export function withState(svg: string, state: IconState): string {
  if (state === 'idle') return svg;
  const dot = '<circle cx="100" cy="100" r="24" fill="#16a34a" stroke="#ffffff" stroke-width="8"/>';
  return svg.replace('</svg>', `${dot}</svg>`);
}

/**
 * The 128 px icon is the store's and the extensions page's: Chrome's guidelines want the
 * artwork at 96×96 with transparent padding around it, so the tile (116 of 128 units) is
 * drawn 96 px wide by widening the view box. The toolbar sizes use the full square.
 */
export function withStorePadding(svg: string): string {
  const view = 116 * (128 / 96);
  const offset = (128 - view) / 2;
  return svg.replace('viewBox="0 0 128 128"', `viewBox="${offset.toFixed(3)} ${offset.toFixed(3)} ${view.toFixed(3)} ${view.toFixed(3)}"`);
}

export function rasterise(svg: string, size: number): Buffer {
  // No system fonts: the mark has no text, and loading fonts would make output machine-dependent.
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render().asPng();
}

/** Light and dark toolbars (Chrome's and Firefox's defaults), each state at 16 px and 32 px (2x screens), then 4x zoomed. */
function preview(icons: Map<string, Buffer>): Buffer {
  const uri = (p: string) => `data:image/png;base64,${icons.get(p)!.toString('base64')}`;
  const bars = [
    { y: 0, bg: '#f1f3f4', fg: '#202124', label: 'light toolbar' },
    { y: 120, bg: '#35363a', fg: '#e8eaed', label: 'dark toolbar' },
  ];
  let body = '';
  for (const bar of bars) {
    body += `<rect x="0" y="${bar.y}" width="640" height="120" fill="${bar.bg}"/>`;
    (['idle', 'record'] as IconState[]).forEach((state, i) => {
      const x = 20 + i * 310;
      body += `<image x="${x}" y="${bar.y + 20}" width="16" height="16" href="${uri(iconPath(state, 16))}"/>`;
      body += `<image x="${x + 30}" y="${bar.y + 12}" width="32" height="32" href="${uri(iconPath(state, 32))}"/>`;
      body += `<image x="${x + 80}" y="${bar.y + 12}" width="64" height="64" image-rendering="optimizeSpeed" href="${uri(iconPath(state, 16))}"/>`;
      body += `<image x="${x + 160}" y="${bar.y + 12}" width="96" height="96" href="${uri(iconPath(state, 48))}"/>`;
    });
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="240" viewBox="0 0 640 240">${body}</svg>`;
  return new Resvg(svg, { font: { loadSystemFonts: false } }).render().asPng();
}

/** Every generated file, by path relative to the repository. */
export function renderIcons(svg = readFileSync(SOURCE, 'utf8')): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const state of ['idle', 'record'] as IconState[]) {
    for (const size of ICON_SIZES) {
      const drawn = withState(svg, state);
      out.set(`public/${iconPath(state, size)}`, rasterise(size === 128 ? withStorePadding(drawn) : drawn, size));
    }
  }
  const byUrl = new Map([...out].map(([p, b]) => [p.slice('public/'.length), b]));
  out.set(PREVIEW, preview(byUrl));
  return out;
}

/** A PNG's size and RGBA pixels (resvg draws it 1:1, which decodes it). */
export function decode(png: Buffer): { width: number; height: number; pixels: Buffer } {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
  return { width, height, pixels: new Resvg(svg, { font: { loadSystemFonts: false } }).render().pixels };
}

/**
 * Same picture: same size, no channel of any pixel more than 8 apart. Pixels, not bytes,
 * so another platform's rasteriser (float rounding, PNG encoder) does not count as a change.
 */
export function samePicture(a: Buffer, b: Buffer): boolean {
  if (a.equals(b)) return true;
  const [x, y] = [decode(a), decode(b)];
  if (x.width !== y.width || x.height !== y.height) return false;
  for (let i = 0; i < x.pixels.length; i++) if (Math.abs(x.pixels[i] - y.pixels[i]) > 8) return false;
  return true;
}

/** Paths whose committed picture differs from what the SVG renders to (missing counts). */
export function staleIcons(files = renderIcons()): string[] {
  return [...files].filter(([p, png]) => !existsSync(join(ROOT, p)) || !samePicture(readFileSync(join(ROOT, p)), png)).map(([p]) => p);
}

function main() {
  const files = renderIcons();
  if (process.argv.includes('--check')) {
    const stale = staleIcons(files);
    if (stale.length) {
      console.error(`out of step with assets/icon.svg (run npm run icons): ${stale.join(', ')}`);
      process.exit(1);
    }
    console.log(`icons in step with assets/icon.svg (${files.size} files)`);
    return;
  }
  for (const [p, png] of files) {
    mkdirSync(dirname(join(ROOT, p)), { recursive: true });
    writeFileSync(join(ROOT, p), png);
    console.log(`wrote ${p} (${png.length} bytes)`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
