/**
 * npm run build:cli — the pack CLI as one file, `.output/frontline-pack.mjs`, that runs
 * with plain `node` (20 or later) and nothing installed: cli/pack.ts and every library
 * it reaches bundled into one ES module; only Node's built-ins stay outside. The
 * release ships it, so ops can build, validate and sign packs without this repository.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, parse, resolve } from 'node:path';
import { build } from 'esbuild';
import type { CliRun } from './release/checks';

const ROOT = resolve(import.meta.dirname, '..');
export const CLI_FILE = 'frontline-pack.mjs';

export interface BuiltCli {
  file: string;
  bytes: number;
  /** Bundled packages (name@version), whose licences the file carries at its end. */
  packages: string[];
}

const BANNER = [
  '#!/usr/bin/env node',
  // yaml's Node build is CommonJS and asks for `process` with require(); an ES module
  // has no require, so give the bundle Node's own (it is only ever asked for built-ins:
  // everything else is inside the file).
  'import { createRequire as __frontlineRequire } from "node:module";',
  'const require = __frontlineRequire(import.meta.url);',
  // Node 18 still parses and starts the file, then fails late and obscurely (no global
  // WebCrypto: keygen and sign say "WebCrypto is not available here"); say so up front.
  'if (Number(process.versions.node.split(".")[0]) < 20) {',
  '  process.stderr.write(`frontline-pack needs Node.js 20 or later; this is Node.js ${process.versions.node}. Get a current one from https://nodejs.org\\n`);',
  '  process.exit(1);',
  '}',
].join('\n');

/** The licence text a bundled package ships, or a pointer when it ships none. */
function licenceOf(pkgDir: string): string {
  const file = readdirSync(pkgDir).find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
  return file ? readFileSync(join(pkgDir, file), 'utf8').trim() : `(no licence file; see package.json "license")`;
}

/**
 * Not minified by default: it halves the file (about 390 → 190 KB) but saves no measurable
 * start-up (module load is about 18 ms of CPU either way), and IT reviewing a script
 * they are asked to run, or ops pasting a stack trace, are better served by readable code.
 */
export async function buildCli(outFile = join(ROOT, '.output', CLI_FILE), { minify = false } = {}): Promise<BuiltCli> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ['cli/pack.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify,
    // Built-ins (with or without "node:") are the only imports left in the file.
    external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
    banner: { js: BANNER },
    legalComments: 'none',
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  const pkgDirs = new Set<string>();
  for (const input of Object.keys(result.metafile.inputs)) {
    const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (m) pkgDirs.add(m[1]);
  }
  const packages: string[] = [];
  const notices: string[] = [];
  for (const dir of [...pkgDirs].sort()) {
    const pkg = JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as { name: string; version: string; license?: string };
    packages.push(`${pkg.name}@${pkg.version}`);
    notices.push(`${pkg.name} ${pkg.version} (${pkg.license ?? 'see its licence'}):\n\n${licenceOf(join(ROOT, dir))}`);
  }
  const code = result.outputFiles[0].text;
  const licences = `\n/*\nThis file bundles the following packages; their licences:\n\n${notices.join('\n\n---\n\n').replaceAll('*/', '* /')}\n*/\n`;
  const text = code + licences;
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, text);
  chmodSync(outFile, 0o755);
  return { file: outFile, bytes: Buffer.byteLength(text), packages };
}

/** Folders from `dir` up to the root that hold a node_modules (the bundle must not lean on one). */
export function nodeModulesAbove(dir: string): string[] {
  const found: string[] = [];
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(join(d, 'node_modules'))) found.push(join(d, 'node_modules'));
    if (d === parse(d).root) return found;
  }
}

/**
 * A fresh folder under the system's temp directory holding only the CLI (and the given
 * folders, copied), as on an ops laptop with Node and nothing else. Refuses a place
 * with a node_modules above it, where a missing dependency could go unnoticed.
 */
export function aloneDir(cliFile: string, copies: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'frontline-pack-alone-'));
  const leaning = nodeModulesAbove(dir);
  if (leaning.length) throw new Error(`${dir} has ${leaning.join(', ')} above it: the CLI cannot be tried alone there`);
  copyFileSync(cliFile, join(dir, CLI_FILE));
  for (const [name, from] of Object.entries(copies)) cpSync(from, join(dir, name), { recursive: true });
  return dir;
}

/** `node frontline-pack.mjs …` in `dir`, with no NODE_PATH to find packages through. */
export function runCli(dir: string, ...args: string[]): CliRun {
  const { NODE_PATH: _, NODE_OPTIONS: __, ...env } = process.env;
  const r = spawnSync(process.execPath, [CLI_FILE, ...args], { cwd: dir, env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** What the release checks: `--version` and `validate` on the sample pack, run alone. */
export function tryCliAlone(cliFile: string): { version: CliRun; validateSample: CliRun } {
  const dir = aloneDir(cliFile, { sample: join(ROOT, 'packs/sample') });
  try {
    return { version: runCli(dir, '--version'), validateSample: runCli(dir, 'validate', 'sample', '--quiet') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const t0 = performance.now();
  buildCli().then(
    (r) => console.log(`${r.file.replace(`${ROOT}/`, '')}: ${(r.bytes / 1024).toFixed(0)} KB, bundles ${r.packages.join(', ')} (${Math.round(performance.now() - t0)} ms)`),
    (e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
