/**
 * `npm run pack -- …` as ops use it: exit codes, what is printed, what is written.
 * Runs main() in-process on temporary folders; one test runs the real command line.
 */
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/pack';
import { miniFolder } from '../pack/miniFolder';

const root = new URL('../../../', import.meta.url).pathname;

function tmp() {
  return mkdtempSync(join(tmpdir(), 'frontline-cli-'));
}
function writeFolder(dir: string, files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}
async function run(cwd: string, ...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s), tty: false, cwd });
  return { code, out, err };
}

describe('pack CLI', () => {
  it('build writes the pack and reports what it built, with progress per CSV', async () => {
    const dir = tmp();
    writeFolder(join(dir, 'src'), miniFolder());
    const r = await run(dir, 'build', 'src', '-o', 'out/pack.json');
    expect(r.code).toBe(0);
    expect(r.err).toContain('accounts.csv: 2 rows');
    expect(r.err).toMatch(/Built acme-emea 1\.2\.0: 1 competitors, 1 playbooks, 2 accounts, 3 health snapshots → out\/pack\.json/);
    const pack = JSON.parse(readFileSync(join(dir, 'out/pack.json'), 'utf8'));
    expect(pack.accounts[0].id).toBe('northwind');
    expect((await run(dir, 'validate', 'out/pack.json')).out).toMatch(/^OK: acme-emea 1\.2\.0/m);
  });

  it('validate lists every problem with file:line for a folder, and exits 1', async () => {
    const dir = tmp();
    const f = miniFolder();
    f['competitors/beacon.yaml'] = f['competitors/beacon.yaml'].replace('reviewEvery: 60', 'reviewEvery: soon');
    f['accounts.csv'] = f['accounts.csv'].replace('"180,000"', 'n/a');
    writeFolder(dir, f);
    const r = await run(dir, 'validate', '.');
    expect(r.code).toBe(1);
    const problems = r.out.trim().split('\n').filter((l) => !l.startsWith('warning:'));
    expect(problems.sort()).toEqual([
      'accounts.csv:2: accounts[0].arr: column "ARR": expected a number, got "n/a"',
      'competitors/beacon.yaml:8: competitors[0].reviewEvery: expected a number of days, got text',
    ]);
    expect(r.err).toContain('2 problems.');
    // build refuses too, and writes nothing
    const b = await run(dir, 'build', '.', '-o', 'pack.json');
    expect(b.code).toBe(1);
    expect(() => statSync(join(dir, 'pack.json'))).toThrow();
  });

  it('validate names JSON paths in a JSON file, and the line of a syntax error', async () => {
    const dir = tmp();
    const bad = JSON.parse(readFileSync(join(root, 'assets/sample-pack.json'), 'utf8'));
    bad.accounts[2].arr = 'lots';
    bad.competitors[0].battlecard.whyWeWinn = [];
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad, null, 2));
    writeFileSync(join(dir, 'broken.json'), '{\n  "meta": {\n    "id": "x",\n  }\n}\n');
    const r = await run(dir, 'validate', 'bad.json');
    expect(r.code).toBe(1);
    expect(r.out).toContain('accounts[2].arr: expected a number, got text');
    expect(r.out).toContain('competitors[0].battlecard.whyWeWinn: unknown field');
    const s = await run(dir, 'validate', 'broken.json');
    expect(s.code).toBe(1);
    expect(s.out).toMatch(/^broken\.json:4: not valid JSON/);
  });

  it('diff prints what changed, and --json gives the same as data', async () => {
    const dir = tmp();
    writeFolder(join(dir, 'v1'), miniFolder());
    const f = miniFolder();
    f['pack.yaml'] = f['pack.yaml'].replace('version: 1.2.0', 'version: 1.3.0');
    f['competitors/beacon.en.md'] = f['competitors/beacon.en.md'].replace('- Consent built in.', '- Consent and deletion built in.');
    f['accounts.csv'] = f['accounts.csv'].replace(/\n"acme".*\n/, '\n');
    f['health.csv'] = f['health.csv'].replace(/0015g00000AcmeAAA.*\n/, '');
    writeFolder(join(dir, 'v2'), f);
    const r = await run(dir, 'diff', 'v1', 'v2');
    expect(r.code).toBe(0);
    expect(r.out).toContain('acme-emea: 1.2.0 → 1.3.0');
    expect(r.out).toContain('competitors: 1 changed, 0 unchanged');
    expect(r.out).toContain('      ~ battlecard.whyWeWin[1].en: "Consent built in." → "Consent and deletion built in."');
    expect(r.out).toContain('accounts: 1 removed, 1 unchanged');
    expect(r.out).toContain('  - acme  Acme, Inc.');
    const j = JSON.parse((await run(dir, 'diff', 'v1', 'v2', '--json')).out);
    expect(j.direction).toBe('upgrade');
    expect(j.sections.accounts.removed).toEqual([{ id: 'acme', name: 'Acme, Inc.' }]);
  });

  it('keygen, sign and verify; a one-byte change fails verification', async () => {
    const dir = tmp();
    expect((await run(dir, 'keygen', '-o', 'keys/ops')).code).toBe(0);
    expect(statSync(join(dir, 'keys/ops.key')).mode & 0o777).toBe(0o600);
    expect((await run(dir, 'keygen', '-o', 'keys/ops')).code).toBe(1); // never overwrites silently
    writeFileSync(join(dir, 'pack.json'), readFileSync(join(root, 'assets/sample-pack.json')));
    const s = await run(dir, 'sign', 'pack.json', '--key', 'keys/ops.key');
    expect(s.code).toBe(0);
    expect(s.err).toContain('→ pack.signed.json');
    const ok = await run(dir, 'verify', 'pack.signed.json', '--pub', 'keys/ops.pub');
    expect(ok).toMatchObject({ code: 0 });
    expect(ok.out).toMatch(/^OK: lumora-sample 1\.0\.0 is signed by key [0-9a-f]{16}/);
    // The public key can be given inline too.
    const pub = readFileSync(join(dir, 'keys/ops.pub'), 'utf8').trim();
    expect((await run(dir, 'verify', 'pack.signed.json', `--pub=${pub}`)).code).toBe(0);
    // …in any form the extension accepts (one parser): base64url, quoted, labelled.
    const url = pub.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    for (const form of [url, `"${pub}"`, `ed25519:${pub}`]) expect((await run(dir, 'verify', 'pack.signed.json', `--pub=${form}`)).code, form).toBe(0);

    const text = readFileSync(join(dir, 'pack.signed.json'), 'utf8');
    const at = text.indexOf('"arr": 180000') + 8;
    writeFileSync(join(dir, 'tampered.json'), `${text.slice(0, at)}9${text.slice(at + 1)}`); // 180000 → 980000
    const bad = await run(dir, 'verify', 'tampered.json', '--pub', 'keys/ops.pub');
    expect(bad.code).toBe(1);
    expect(bad.out).toBe('FAILED: the signature does not match: the pack was changed after it was signed\n');
    expect((await run(dir, 'verify', 'pack.json', '--pub', 'keys/ops.pub')).out).toContain('FAILED: the pack is not signed');
    // A signed pack is still a pack: validate and diff read it.
    expect((await run(dir, 'validate', 'pack.signed.json')).out).toMatch(/signed with key [0-9a-f]{16}/);
  });

  it('refuses to sign an invalid pack', async () => {
    const dir = tmp();
    await run(dir, 'keygen');
    writeFileSync(join(dir, 'p.json'), '{"meta":{}}');
    const r = await run(dir, 'sign', 'p.json', '--key', 'frontline-pack.key');
    expect(r.code).toBe(1);
    expect(r.err).toContain('not signed: fix the pack first.');
  });

  it('explains usage mistakes with exit code 2', async () => {
    const r = await run(tmp(), 'build', 'x');
    expect(r.code).toBe(2);
    expect(r.err).toContain('missing -o <pack.json>');
    expect((await run(tmp(), 'frobnicate')).err).toContain('unknown command "frobnicate"');
  });

  it('runs as `npm run pack -- validate` from the command line', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'cli/pack.ts'), 'validate', join(root, 'packs/sample')], { encoding: 'utf8', cwd: root });
    expect(out).toMatch(/^OK: lumora-sample 1\.0\.0 — 5 competitors, 3 playbooks, 26 accounts/m);
  });
});
