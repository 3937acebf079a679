/** The sample folder's zip opens with the system's unzip and with the workbench's reader. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc32, readZip, stripTopFolder, writeZip } from '../../../utils/pack/zip';
import { SAMPLE_ZIP_FOLDER, sampleZipBytes } from '../../../scripts/build/sampleZip';

const sampleDir = new URL('../../../packs/sample', import.meta.url).pathname;

describe('zip', () => {
  it('crc32 matches the known value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('the sample zip passes `unzip -t` and unpacks to the folder byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fl-zip-'));
    const file = join(dir, 'sample.zip');
    writeFileSync(file, sampleZipBytes(sampleDir));
    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toMatch(/No errors detected/);
    execFileSync('unzip', ['-q', file, '-d', join(dir, 'out')]);
    for (const f of ['pack.yaml', 'accounts.csv', 'competitors/globex.zh-CN.md']) {
      expect(readFileSync(join(dir, 'out', SAMPLE_ZIP_FOLDER, f))).toEqual(readFileSync(join(sampleDir, f)));
    }
  });

  it('is the same bytes on every build', () => {
    expect(sampleZipBytes(sampleDir)).toEqual(sampleZipBytes(sampleDir));
  });

  it('reads back what it wrote, and a deflated zip written by `zip`', async () => {
    const files = { 'a/pack.yaml': 'meta: 1\n', 'a/competitors/格.md': '# 中文\n' };
    const back = stripTopFolder(await readZip(writeZip(files)));
    expect(Object.keys(back).sort()).toEqual(['competitors/格.md', 'pack.yaml']);
    expect(new TextDecoder().decode(back['competitors/格.md'])).toBe('# 中文\n');

    const dir = mkdtempSync(join(tmpdir(), 'fl-zip-'));
    mkdirSync(join(dir, 'f'));
    writeFileSync(join(dir, 'f', 'notes.md'), 'repeat '.repeat(500));
    execFileSync('zip', ['-q', '-r', '-9', 'x.zip', 'f'], { cwd: dir });
    const read = await readZip(readFileSync(join(dir, 'x.zip')));
    expect(new TextDecoder().decode(read['f/notes.md'])).toBe('repeat '.repeat(500));
  });

  it('refuses what is not a zip, or a damaged one', async () => {
    await expect(readZip(new TextEncoder().encode('not a zip at all, just text'))).rejects.toThrow(/not a zip/);
    const z = writeZip({ 'x.txt': 'hello' });
    z[30 + 5] ^= 0xff;
    await expect(readZip(z)).rejects.toThrow(/damaged/);
  });
});
