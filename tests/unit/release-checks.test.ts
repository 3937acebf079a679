import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { changelogHas, checkExtensionZip, checkPackCli, checkReleaseSet, checkSourcesZip, formatSums, importedModules, pngSize, releaseFiles, verifySums } from '../../scripts/release/checks';
import { ICON_SIZES, iconSet } from '../../utils/icons';

const PUBLIC = resolve(import.meta.dirname, '../../public');
const expectations = { version: '0.1.0', locales: ['en', 'zh_CN'], iconSizes: ICON_SIZES, files: Object.values(iconSet('record')) };

/** A zip's entries as the build makes them: the real public/ files and a manifest like WXT's. */
function buildZip(manifest: Record<string, unknown> = {}): Map<string, Uint8Array> {
  const entries = new Map<string, Uint8Array>();
  const walk = (dir: string, prefix: string) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      if (d.isDirectory()) walk(join(dir, d.name), `${prefix}${d.name}/`);
      else entries.set(`${prefix}${d.name}`, readFileSync(join(dir, d.name)));
    }
  };
  walk(PUBLIC, '');
  const m = {
    manifest_version: 3,
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    version: '0.1.0',
    default_locale: 'en',
    icons: iconSet('idle'),
    action: { default_title: 'Frontline', default_icon: iconSet('idle') },
    commands: { 'toggle-sidebar': { description: '__MSG_commandToggleSidebar__' } },
    ...manifest,
  };
  entries.set('manifest.json', new TextEncoder().encode(JSON.stringify(m)));
  return entries;
}
const without = (entries: Map<string, Uint8Array>, prefix: string) => new Map([...entries].filter(([n]) => !n.startsWith(prefix)));

describe('release checks: extension zips', () => {
  it('pass the zip the build makes (Chrome MV3 and Firefox MV2)', () => {
    expect(checkExtensionZip(buildZip(), expectations)).toEqual([]);
    const mv2 = buildZip({ manifest_version: 2, action: undefined, browser_action: { default_icon: iconSet('idle') } });
    expect(checkExtensionZip(mv2, expectations)).toEqual([]);
  });

  it('refuse a zip without icons, naming every declared icon that is missing', () => {
    const problems = checkExtensionZip(without(buildZip(), 'icon/'), expectations);
    for (const size of ICON_SIZES) {
      expect(problems).toContain(`manifest.icons["${size}"]: icon/${size}.png is not in the zip`);
      expect(problems).toContain(`manifest.action.default_icon["${size}"]: icon/${size}.png is not in the zip`);
    }
    expect(problems).toContain('run-time icon: icon/record-16.png is not in the zip');
  });

  it('refuse a manifest that declares no icons or leaves a size out, and an icon of the wrong size', () => {
    expect(checkExtensionZip(buildZip({ icons: undefined }), expectations)).toEqual(['manifest.icons is not declared']);
    const { 128: _, ...noBig } = iconSet('idle');
    expect(checkExtensionZip(buildZip({ icons: noBig }), expectations)).toEqual(['manifest.icons has no 128 px icon']);
    const swapped = buildZip();
    swapped.set('icon/16.png', swapped.get('icon/32.png')!);
    expect(checkExtensionZip(swapped, expectations)).toContain('manifest.icons["16"]: icon/16.png is 32×32, not 16×16');
  });

  it('refuse a zip without _locales', () => {
    const problems = checkExtensionZip(without(buildZip(), '_locales/'), expectations);
    expect(problems).toEqual([
      'manifest.default_locale "en" has no _locales/en/messages.json',
      '_locales/en/messages.json is missing',
      '_locales/zh_CN/messages.json is missing',
    ]);
  });

  it('refuse a locale that lacks a message the manifest uses, and a message name nobody defines', () => {
    const zip = buildZip({ short_name: '__MSG_extShortName__' });
    const zh = JSON.parse(new TextDecoder().decode(zip.get('_locales/zh_CN/messages.json')));
    delete zh.commandToggleSidebar;
    zip.set('_locales/zh_CN/messages.json', new TextEncoder().encode(JSON.stringify(zh)));
    expect(checkExtensionZip(zip, expectations).sort()).toEqual(
      [
        'manifest.commands.toggle-sidebar.description: __MSG_commandToggleSidebar__ is not in _locales/zh_CN/messages.json',
        'manifest.short_name: __MSG_extShortName__ is not in _locales/en/messages.json',
        'manifest.short_name: __MSG_extShortName__ is not in _locales/zh_CN/messages.json',
      ].sort(),
    );
  });

  it('refuse a manifest whose version is not package.json’s', () => {
    expect(checkExtensionZip(buildZip({ version: '0.0.9' }), expectations)).toEqual(['manifest.version is "0.0.9", package.json says "0.1.0"']);
  });

  it('refuse a zip with no manifest or a broken one', () => {
    expect(checkExtensionZip(without(buildZip(), 'manifest.json'), expectations)).toEqual(['manifest.json is missing']);
    const broken = buildZip();
    broken.set('manifest.json', new TextEncoder().encode('{"version": '));
    expect(checkExtensionZip(broken, expectations)[0]).toMatch(/^manifest\.json is not valid UTF-8 JSON/);
  });

  it('reads PNG sizes and refuses what is not a PNG', () => {
    expect(pngSize(readFileSync(join(PUBLIC, 'icon/48.png')))).toEqual({ width: 48, height: 48 });
    expect(pngSize(new TextEncoder().encode('<svg/>'))).toBeNull();
    const zip = buildZip();
    zip.set('icon/48.png', new TextEncoder().encode('<svg/>'));
    expect(checkExtensionZip(zip, expectations)).toContain('manifest.icons["48"]: icon/48.png is not a PNG');
  });
});

describe('release checks: sources zip, checksums, changelog', () => {
  const tracked = new Set(['package.json', 'package-lock.json', 'wxt.config.ts', 'utils/a.ts']);
  it('the sources zip holds tracked files only — never a signing key or local output', () => {
    expect(checkSourcesZip(['package.json', 'package-lock.json', 'wxt.config.ts', 'utils/', 'utils/a.ts'], tracked, ['package.json', 'wxt.config.ts'])).toEqual([]);
    expect(checkSourcesZip(['package.json', 'frontline.key', 'test-results/x.png'], tracked, ['package.json', 'wxt.config.ts'])).toEqual([
      'sources zip holds frontline.key, which git does not track',
      'sources zip holds test-results/x.png, which git does not track',
      'sources zip lacks wxt.config.ts',
    ]);
  });

  it('SHA256SUMS reads back with sha256sum’s format and catches a changed, missing or unlisted file', () => {
    const a = 'a'.repeat(64);
    const b = 'b'.repeat(64);
    const text = formatSums(new Map([['z.zip', b], ['a.zip', a]]));
    expect(text).toBe(`${a}  a.zip\n${b}  z.zip\n`);
    expect(verifySums(text, new Map([['a.zip', a], ['z.zip', b]]))).toEqual([]);
    expect(verifySums(text, new Map([['a.zip', b], ['new.zip', a]]))).toEqual([
      `a.zip: SHA-256 is ${b}, SHA256SUMS says ${a}`,
      'SHA256SUMS lists z.zip, which is not there',
      'new.zip is not in SHA256SUMS',
    ]);
  });

  it('a version needs its changelog entry', () => {
    const log = '# Changelog\n\n## 0.2.0 — 2027-01-10\n- x\n\n## [0.1.0]\n- y\n';
    expect(changelogHas(log, '0.2.0')).toBe(true);
    expect(changelogHas(log, '0.1.0')).toBe(true);
    expect(changelogHas(log, '0.1.1')).toBe(false);
    expect(changelogHas('## 0.1.01', '0.1.0')).toBe(false);
    expect(changelogHas(readFileSync(resolve(import.meta.dirname, '../../CHANGELOG.md'), 'utf8'), JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')).version)).toBe(true);
  });
});

describe('release checks: the one-file pack CLI', () => {
  const ok = { status: 0, stdout: '', stderr: '' };
  const runs = { version: { ...ok, stdout: 'frontline-pack 0.1.0\n' }, validateSample: { ...ok, stdout: 'OK: lumora-sample 1.0.0 — 5 competitors\n' } };
  const bundle = [
    '#!/usr/bin/env node',
    'import { createRequire as r } from "node:module";',
    'import { readFile } from "node:fs/promises";',
    'import { parseArgs } from "util";',
    'var p = __require("process");',
    'const later = () => import("node:crypto");',
  ].join('\n');

  it('a release is refused without frontline-pack.mjs, and SHA256SUMS then lacks it', () => {
    const all = releaseFiles('0.1.0');
    expect(all).toContain('frontline-pack.mjs');
    expect(checkReleaseSet(all, '0.1.0')).toEqual([]);
    expect(checkReleaseSet(all.filter((f) => f !== 'frontline-pack.mjs'), '0.1.0')).toEqual([
      'frontline-pack.mjs was not made (ops without the repository build and sign packs with it)',
    ]);
    expect(checkReleaseSet(['frontline-pack.mjs'], '0.2.0')).toEqual([
      'frontline-0.2.0-chrome.zip was not made',
      'frontline-0.2.0-firefox.zip was not made',
      'frontline-0.2.0-sources.zip was not made',
    ]);
    // Every file of the set is listed in SHA256SUMS, the CLI among them.
    const sums = new Map(all.map((f) => [f, 'c'.repeat(64)]));
    expect(formatSums(sums)).toContain(`${'c'.repeat(64)}  frontline-pack.mjs\n`);
  });

  it('the CLI passes with a shebang, built-in imports only, its version and a valid sample', () => {
    expect(importedModules(bundle)).toEqual(['node:crypto', 'node:fs/promises', 'node:module', 'process', 'util']);
    expect(checkPackCli(bundle, runs, '0.1.0')).toEqual([]);
  });

  it('refuses a CLI that would need node_modules, has no shebang, or does not run', () => {
    const leaning = `${bundle}\nimport YAML from "yaml";\nconst v = require("valibot");\nimport "./chunk-x.js";`;
    expect(checkPackCli(leaning, runs, '0.1.0')).toEqual([
      'imports "./chunk-x.js", which is not a Node built-in: it would need node_modules',
      'imports "valibot", which is not a Node built-in: it would need node_modules',
      'imports "yaml", which is not a Node built-in: it would need node_modules',
    ]);
    expect(checkPackCli(bundle.replace('#!/usr/bin/env node\n', ''), runs, '0.1.0')).toEqual(['does not start with "#!/usr/bin/env node"']);
    expect(checkPackCli(bundle, runs, '0.2.0')).toEqual(['--version says "frontline-pack 0.1.0" (exit 0), not "frontline-pack 0.2.0"']);
    const crashed = { status: 1, stdout: '', stderr: 'Error: Dynamic require of "process" is not supported\n    at x' };
    expect(checkPackCli(bundle, { version: crashed, validateSample: crashed }, '0.1.0')).toEqual([
      '--version says "" (exit 1), not "frontline-pack 0.1.0": Error: Dynamic require of "process" is not supported',
      'validate on the sample pack exits 1: Error: Dynamic require of "process" is not supported /     at x',
    ]);
  });
});
