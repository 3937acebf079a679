/**
 * npm run release — every artefact of one version, checked, with checksums:
 *   .output/release/<version>/frontline-<version>-chrome.zip    Chrome Web Store, Edge Add-ons, policy installs
 *   .output/release/<version>/frontline-<version>-firefox.zip   addons.mozilla.org (or self-hosted)
 *   .output/release/<version>/frontline-<version>-sources.zip   the sources AMO asks for (tracked files only)
 *   .output/release/<version>/frontline-pack.mjs                 the pack CLI as one file: `node frontline-pack.mjs validate my-pack/`
 *   .output/release/<version>/SHA256SUMS                        `sha256sum -c SHA256SUMS`
 * The version is package.json's (WXT writes it into both manifests). Refuses a dirty
 * work tree (`--allow-dirty` to try it out) and a version CHANGELOG.md does not describe;
 * writes SHA256SUMS only when every check passes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import JSZip from 'jszip';
import { zip } from 'wxt';
import { changelogHas, checkExtensionZip, checkPackCli, checkReleaseSet, checkSourcesZip, formatSums, PACK_CLI, verifySums } from './release/checks';
import { buildCli, tryCliAlone } from './build-cli';
import { ICON_SIZES, iconPixelFiles, iconSet } from '../utils/icons';

const ROOT = resolve(import.meta.dirname, '..');
const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' });
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const say = (line: string) => console.log(line);

async function readZip(file: string): Promise<Map<string, Uint8Array>> {
  const z = await JSZip.loadAsync(readFileSync(file));
  const out = new Map<string, Uint8Array>();
  for (const entry of Object.values(z.files)) if (!entry.dir) out.set(entry.name, await entry.async('uint8array'));
  return out;
}

/** addons-linter on the zip, as AMO runs it: problems are its errors and warnings. */
function lintFirefox(file: string): string[] {
  const bin = join(ROOT, 'node_modules/.bin/addons-linter');
  const run = spawnSync(bin, ['--output', 'json', '--boring', file], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  let report: { errors: { code: string; message: string; file?: string }[]; warnings: { code: string; message: string; file?: string }[] };
  try {
    report = JSON.parse(run.stdout);
  } catch {
    return [`addons-linter gave no report (exit ${run.status}): ${run.stderr.slice(0, 500)}`];
  }
  return [...report.errors.map((e) => ['error', e] as const), ...report.warnings.map((w) => ['warning', w] as const)].map(
    ([kind, m]) => `addons-linter ${kind} ${m.code}${m.file ? ` in ${m.file}` : ''}: ${m.message}`,
  );
}

/** Ignored and untracked paths as WXT exclude globs, so no local file (a key, test output) reaches the sources zip. */
function untrackedGlobs(): string[] {
  const list = (...extra: string[]) => git('ls-files', '--others', '--exclude-standard', '--directory', ...extra).split('\n').filter(Boolean);
  return [...list('--ignored'), ...list()].map((p) => (p.endsWith('/') ? `${p}**` : p));
}

async function main() {
  const allowDirty = process.argv.includes('--allow-dirty');
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const problems: string[] = [];
  const dirty = git('status', '--porcelain').trim();
  if (dirty && !allowDirty) throw new Error(`the work tree has uncommitted changes; commit them (or --allow-dirty to try a release):\n${dirty}`);
  if (!changelogHas(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8'), version)) problems.push(`CHANGELOG.md has no "## ${version}" entry`);

  const outDir = join(ROOT, '.output/release', version);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  say(`Frontline ${version}: building and zipping`);
  const chrome = await zip({ browser: 'chrome' });
  const firefox = await zip({ browser: 'firefox', zip: { excludeSources: untrackedGlobs() } });
  const artefacts = [...chrome, ...firefox].map((f) => {
    const to = join(outDir, basename(f));
    copyFileSync(f, to);
    return to;
  });
  const find = (suffix: string) => artefacts.find((f) => f.endsWith(suffix));

  // The pack CLI as one file, so ops build and sign packs without cloning the repository;
  // tried alone in an empty temp folder, as on a laptop with Node and nothing else.
  say(`pack CLI: building ${PACK_CLI}`);
  const cli = await buildCli(join(outDir, PACK_CLI));
  artefacts.push(cli.file);
  problems.push(...checkPackCli(readFileSync(cli.file, 'utf8'), tryCliAlone(cli.file), version).map((p) => `${PACK_CLI}: ${p}`));
  problems.push(...checkReleaseSet(artefacts.map((f) => basename(f)), version));

  const expectations = { version, locales: ['en', 'zh_CN'], iconSizes: ICON_SIZES, files: Object.values(iconSet('record')) };
  // Chrome's worker sets the toolbar icon from its pixel files (utils/background/toolbarIcon.ts).
  const pixels = iconPixelFiles();
  for (const suffix of ['-chrome.zip', '-firefox.zip']) {
    const file = find(suffix);
    const files = suffix === '-chrome.zip' ? [...expectations.files, ...pixels] : expectations.files;
    if (file) problems.push(...checkExtensionZip(await readZip(file), { ...expectations, files }).map((p) => `${basename(file)}: ${p}`));
  }
  const ff = find('-firefox.zip');
  if (ff) problems.push(...lintFirefox(ff).map((p) => `${basename(ff)}: ${p}`));
  const sources = find('-sources.zip');
  if (sources) {
    const tracked = new Set(git('ls-files').split('\n').filter(Boolean));
    const names = [...(await readZip(sources)).keys()];
    problems.push(...checkSourcesZip(names, tracked, ['package.json', 'package-lock.json', 'wxt.config.ts']).map((p) => `${basename(sources)}: ${p}`));
  }

  if (problems.length) {
    console.error(`\nRelease ${version} refused (${problems.length} problem${problems.length === 1 ? '' : 's'}):`);
    for (const p of problems) console.error(`  ✗ ${p}`);
    process.exit(1);
  }
  const sums = new Map(artefacts.map((f) => [basename(f), sha256(f)]));
  writeFileSync(join(outDir, 'SHA256SUMS'), formatSums(sums));
  const mismatch = verifySums(readFileSync(join(outDir, 'SHA256SUMS'), 'utf8'), new Map(artefacts.map((f) => [basename(f), sha256(f)])));
  if (mismatch.length) throw new Error(mismatch.join('\n'));

  say(`\nRelease ${version}: manifests at ${version}, _locales en + zh_CN resolve every __MSG__, icons ${ICON_SIZES.join('/')} px, addons-linter 0 errors 0 warnings, sources tracked files only, ${PACK_CLI} runs alone (${Math.round(cli.bytes / 1024)} KB)`);
  for (const f of artefacts) say(`  ${sums.get(basename(f))}  ${join('.output/release', version, basename(f))}`);
  say(`  SHA256SUMS: .output/release/${version}/SHA256SUMS`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
