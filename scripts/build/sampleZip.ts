/**
 * The sample authoring folder as `sample-pack.zip`, shipped in the extension so a person
 * with only a browser can start from it (options page → workbench → "Start from the
 * sample"). Written at build time from packs/sample, so it can never drift from the
 * folder `npm run pack:sample` builds; byte-identical between builds (fixed dates, sorted).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { writeZip } from '../../utils/pack/zip';

/** The zip's top folder: unzipping makes this folder, and the workbench strips it. */
export const SAMPLE_ZIP_FOLDER = 'frontline-sample-pack';

export function sampleZipBytes(dir: string): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name.startsWith('.')) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else files[`${SAMPLE_ZIP_FOLDER}/${relative(dir, p).split(sep).join('/')}`] = readFileSync(p);
    }
  };
  walk(dir);
  return writeZip(files);
}

/** Writes the zip to `out` and returns its path (the build hook ships that file). */
export function writeSampleZip(dir: string, out: string): string {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, sampleZipBytes(dir));
  return out;
}
