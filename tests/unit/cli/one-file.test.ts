/**
 * frontline-pack.mjs as ops get it from a release: the one file, copied alone into a
 * temp folder with no node_modules anywhere above it, run with plain `node`. It must do
 * what `npm run pack` does: same output, same exit codes, the same pack.json bytes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../cli/pack';
import { aloneDir, buildCli, CLI_FILE, nodeModulesAbove, runCli, tryCliAlone } from '../../../scripts/build-cli';
import { checkPackCli } from '../../../scripts/release/checks';

const root = new URL('../../../', import.meta.url).pathname;
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;
const cleanup: string[] = [];
let built: string;
let dir: string;

beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), 'frontline-pack-build-'));
  cleanup.push(out);
  built = (await buildCli(join(out, CLI_FILE))).file;
  dir = aloneDir(built, { sample: join(root, 'packs/sample'), broken: join(root, 'packs/sample') });
  cleanup.push(dir);
  // The same mistake an author makes: text where the number of days goes.
  const beacon = join(dir, 'broken/competitors/beacon.yaml');
  writeFileSync(beacon, readFileSync(beacon, 'utf8').replace('reviewEvery: 60', 'reviewEvery: soon'));
}, 60_000);

afterAll(() => {
  for (const d of cleanup) rmSync(d, { recursive: true, force: true });
});

/** The same command in-process from source, as `npm run pack` runs it. */
async function fromSource(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const status = await main(argv, { out: (s) => (stdout += s), err: (s) => (stderr += s), tty: false, cwd: dir, prog: `node ${CLI_FILE}` });
  return { status, stdout, stderr };
}

// Each case starts Node (about 0.1 s alone, seconds on a busy CI machine).
describe('frontline-pack.mjs, alone', { timeout: 30_000 }, () => {
  it('runs from a folder with no node_modules above it', () => {
    expect(nodeModulesAbove(dir)).toEqual([]);
    expect(readFileSync(join(dir, CLI_FILE), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(runCli(dir, '--version')).toMatchObject({ status: 0, stdout: `frontline-pack ${version}\n` });
  });

  it('validates the sample pack, and names file:line in a broken copy with exit code 1', () => {
    const ok = runCli(dir, 'validate', 'sample');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^OK: lumora-sample 1\.0\.0 — 5 competitors, 3 playbooks, 26 accounts/m);
    const bad = runCli(dir, 'validate', 'broken/');
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/^competitors\/beacon\.yaml:21: competitors\[\d+\]\.reviewEvery: expected a number of days, got text$/m);
    expect(bad.stderr).toContain('1 problem.');
  });

  it('builds a pack.json byte-identical to the bundled sample pack', () => {
    const r = runCli(dir, 'build', 'sample', '-o', 'out/pack.json');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Built lumora-sample 1\.0\.0: .* → out\/pack\.json/);
    expect(readFileSync(join(dir, 'out/pack.json')).equals(readFileSync(join(root, 'assets/sample-pack.json')))).toBe(true);
  });

  it('prints and exits exactly as the commands from source do, usage mistakes included', async () => {
    const cases = [['validate', 'broken'], ['validate', 'missing'], ['--help'], [], ['frobnicate'], ['build', 'sample'], ['--nope'], ['diff', 'sample', 'broken'], ['diff', 'sample', 'sample', '--json'], ['verify', 'sample']];
    for (const argv of cases) expect(runCli(dir, ...argv), argv.join(' ')).toEqual(await fromSource(...argv));
    expect((await fromSource('--help')).stdout).toMatch(/^Usage: node frontline-pack\.mjs <command> \[options\]/);
    expect((await fromSource()).status).toBe(2);
  });

  it('keygen, sign and verify with nothing but Node', () => {
    const d = aloneDir(built, { 'pack.json': join(root, 'assets/sample-pack.json') });
    cleanup.push(d);
    expect(runCli(d, 'keygen', '-o', 'ops').status).toBe(0);
    expect(runCli(d, 'sign', 'pack.json', '--key', 'ops.key')).toMatchObject({ status: 0 });
    expect(runCli(d, 'verify', 'pack.signed.json', '--pub', 'ops.pub').stdout).toMatch(/^OK: lumora-sample 1\.0\.0 is signed by key [0-9a-f]{16}/);
    const text = readFileSync(join(d, 'pack.signed.json'), 'utf8');
    writeFileSync(join(d, 'pack.signed.json'), text.replace('"arr": 180000', '"arr": 980000'));
    expect(runCli(d, 'verify', 'pack.signed.json', '--pub', 'ops.pub')).toMatchObject({ status: 1, stdout: 'FAILED: the signature does not match: the pack was changed after it was signed\n' });
  });

  it('diffs and unbuilds alone: a pack.json turned back into a folder builds the same pack', () => {
    const d = aloneDir(built, { 'pack.json': join(root, 'assets/sample-pack.json') });
    cleanup.push(d);
    const r = runCli(d, 'unbuild', 'pack.json', '-o', 'back');
    expect(r, r.stderr).toMatchObject({ status: 0 });
    expect(r.stderr).toMatch(/Wrote \d+ files to back; it builds back into the same pack\./);
    expect(runCli(d, 'validate', 'back', '--quiet')).toMatchObject({ status: 0 });
    expect(runCli(d, 'diff', 'pack.json', 'back')).toMatchObject({ status: 0, stdout: expect.stringMatching(/^No changes\.$/m) });
  });

  it('refuses an older Node with a message saying which version it needs', () => {
    // Node 20+ is all a machine can have here; make the file see 18 (still common on laptops).
    const fake18 = 'data:text/javascript,Object.defineProperty(process.versions,"node",{value:"18.20.4"})';
    const r = spawnSync(process.execPath, ['--import', fake18, CLI_FILE, 'validate', 'sample'], { cwd: dir, encoding: 'utf8' });
    expect(r).toMatchObject({ status: 1, stdout: '', stderr: 'frontline-pack needs Node.js 20 or later; this is Node.js 18.20.4. Get a current one from https://nodejs.org\n' });
  });

  it('runs through a symlinked folder (as /tmp is on macOS)', () => {
    const link = join(mkdtempSync(join(tmpdir(), 'frontline-pack-link-')), 'via');
    cleanup.push(join(link, '..'));
    symlinkSync(dir, link);
    // Node runs the file's real path; argv[1] stays the path as typed.
    const r = spawnSync(process.execPath, [join(link, CLI_FILE), '--version'], { cwd: tmpdir(), encoding: 'utf8' });
    expect(r).toMatchObject({ status: 0, stdout: `frontline-pack ${version}\n` });
  });

  it('passes the release check it must pass to ship', () => {
    expect(checkPackCli(readFileSync(built, 'utf8'), tryCliAlone(built), version)).toEqual([]);
  });
});
