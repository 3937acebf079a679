/**
 * What a release artefact must be before it goes to a store or to IT. Pure: the zips
 * arrive as maps of entry name → bytes, so a test can hand in a zip with a file
 * missing and see the problem named. Each function returns the problems found
 * (empty = the artefact passes).
 */

import { builtinModules } from 'node:module';

export type Entries = ReadonlyMap<string, Uint8Array>;

export interface ExtensionExpectations {
  /** package.json's version: the one place the version is written. */
  version: string;
  /** Locales the store listing and the manifest must carry, as folder names (zh_CN). */
  locales: readonly string[];
  /** Sizes the manifest must declare for `icons` and the toolbar's default icon. */
  iconSizes: readonly number[];
  /** Files the code loads at run time (e.g. the toolbar's other state), beyond what the manifest names. */
  files?: readonly string[];
}

type Json = Record<string, unknown>;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function readJson(entries: Entries, name: string, problems: string[]): unknown {
  const bytes = entries.get(name);
  if (!bytes) {
    problems.push(`${name} is missing`);
    return undefined;
  }
  try {
    // Chrome accepts a UTF-8 byte-order mark in messages.json; so do we.
    return JSON.parse(utf8.decode(bytes).replace(/^\uFEFF/, ''));
  } catch (e) {
    problems.push(`${name} is not valid UTF-8 JSON: ${(e as Error).message}`);
    return undefined;
  }
}

/** Manifest paths may start with "/"; zip entries never do. */
const entryName = (path: string) => path.replace(/^\/+/, '');

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || sig.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function checkIconSet(entries: Entries, where: string, set: unknown, sizes: readonly number[], problems: string[]) {
  if (!isObject(set)) {
    problems.push(`${where} is not declared`);
    return;
  }
  for (const size of sizes) {
    const path = set[String(size)];
    if (typeof path !== 'string') {
      problems.push(`${where} has no ${size} px icon`);
      continue;
    }
    checkPng(entries, `${where}["${size}"]`, path, size, problems);
  }
}

function checkPng(entries: Entries, where: string, path: string, size: number | null, problems: string[]) {
  const bytes = entries.get(entryName(path));
  if (!bytes) return void problems.push(`${where}: ${path} is not in the zip`);
  const dims = pngSize(bytes);
  if (!dims) return void problems.push(`${where}: ${path} is not a PNG`);
  if (size !== null && (dims.width !== size || dims.height !== size)) problems.push(`${where}: ${path} is ${dims.width}×${dims.height}, not ${size}×${size}`);
}

/** Every string in the manifest, with where it sits (for __MSG_…__ look-ups). */
function strings(value: unknown, path: string, out: { path: string; text: string }[] = []) {
  if (typeof value === 'string') out.push({ path, text: value });
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, out));
  else if (isObject(value)) for (const [k, v] of Object.entries(value)) strings(v, path ? `${path}.${k}` : k, out);
  return out;
}

function checkLocales(entries: Entries, manifest: Json, locales: readonly string[], problems: string[]) {
  const declared = new Set([...entries.keys()].map((n) => /^_locales\/([^/]+)\/messages\.json$/.exec(n)?.[1]).filter((l): l is string => Boolean(l)));
  const def = manifest.default_locale;
  if (typeof def !== 'string') problems.push('manifest.default_locale is not set');
  else if (!declared.has(def)) problems.push(`manifest.default_locale "${def}" has no _locales/${def}/messages.json`);
  for (const locale of locales) if (!declared.has(locale)) problems.push(`_locales/${locale}/messages.json is missing`);

  // Message names are case-insensitive (Chrome and Firefox both fold them).
  const messages = new Map<string, Set<string>>();
  for (const locale of declared) {
    const name = `_locales/${locale}/messages.json`;
    const json = readJson(entries, name, problems);
    if (!isObject(json)) {
      if (json !== undefined) problems.push(`${name} is not an object of messages`);
      continue;
    }
    const keys = new Set<string>();
    for (const [key, entry] of Object.entries(json)) {
      if (!isObject(entry) || typeof entry.message !== 'string') problems.push(`${name}: "${key}" has no "message" string`);
      else keys.add(key.toLowerCase());
    }
    messages.set(locale, keys);
  }
  for (const { path, text } of strings(manifest, '')) {
    for (const [, key] of text.matchAll(/__MSG_([A-Za-z0-9_@]+?)__/g)) {
      if (key.startsWith('@@')) continue; // predefined (@@extension_id, @@ui_locale, …)
      for (const [locale, keys] of messages) {
        if (!keys.has(key.toLowerCase())) problems.push(`manifest.${path}: __MSG_${key}__ is not in _locales/${locale}/messages.json`);
      }
    }
  }
}

/** The Chrome or Firefox zip: manifest, version, locales, icons. */
export function checkExtensionZip(entries: Entries, expect: ExtensionExpectations): string[] {
  const problems: string[] = [];
  const manifest = readJson(entries, 'manifest.json', problems);
  if (!isObject(manifest)) {
    if (manifest !== undefined) problems.push('manifest.json is not an object');
    return problems;
  }
  if (manifest.version !== expect.version) problems.push(`manifest.version is ${JSON.stringify(manifest.version)}, package.json says "${expect.version}"`);
  checkLocales(entries, manifest, expect.locales, problems);
  checkIconSet(entries, 'manifest.icons', manifest.icons, expect.iconSizes, problems);
  const action = manifest.manifest_version === 2 ? 'browser_action' : 'action';
  const actionIcons = isObject(manifest[action]) ? (manifest[action] as Json).default_icon : undefined;
  checkIconSet(entries, `manifest.${action}.default_icon`, actionIcons, expect.iconSizes, problems);
  for (const file of expect.files ?? []) {
    if (file.endsWith('.png')) checkPng(entries, 'run-time icon', file, null, problems);
    else if (!entries.has(entryName(file))) problems.push(`${file} is not in the zip`);
  }
  return problems;
}

/**
 * The sources zip reviewers rebuild from: only files the repository tracks (never a
 * signing key, a local build or test output), and enough of them to build.
 */
export function checkSourcesZip(names: Iterable<string>, tracked: ReadonlySet<string>, required: readonly string[]): string[] {
  const problems: string[] = [];
  const have = new Set([...names].filter((n) => !n.endsWith('/')));
  for (const name of have) if (!tracked.has(name)) problems.push(`sources zip holds ${name}, which git does not track`);
  for (const name of required) if (!have.has(name)) problems.push(`sources zip lacks ${name}`);
  return problems;
}

/** SHA256SUMS in the format `sha256sum -c` reads: "<hex>  <file>", sorted by file. */
export function formatSums(sums: ReadonlyMap<string, string>): string {
  return [...sums].sort(([a], [b]) => (a < b ? -1 : 1)).map(([file, hex]) => `${hex}  ${file}\n`).join('');
}

/** Lines of SHA256SUMS that do not match the files' actual digests. */
export function verifySums(text: string, actual: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  const listed = new Set<string>();
  for (const line of text.split('\n').filter(Boolean)) {
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!m) {
      problems.push(`SHA256SUMS: unreadable line "${line}"`);
      continue;
    }
    listed.add(m[2]);
    const got = actual.get(m[2]);
    if (got === undefined) problems.push(`SHA256SUMS lists ${m[2]}, which is not there`);
    else if (got !== m[1]) problems.push(`${m[2]}: SHA-256 is ${got}, SHA256SUMS says ${m[1]}`);
  }
  for (const file of actual.keys()) if (!listed.has(file)) problems.push(`${file} is not in SHA256SUMS`);
  return problems;
}

/** The changelog has a section for this version ("## 0.1.0 — …" or "## [0.1.0]"). */
export function changelogHas(text: string, version: string): boolean {
  const v = version.replaceAll('.', '\\.');
  return text.split('\n').some((l) => new RegExp(`^## \\[?${v}\\]?(\\s|$)`).test(l));
}

/** The one-file pack CLI's name in every release. */
export const PACK_CLI = 'frontline-pack.mjs';

/** What a release is made of: both browsers' zips, the sources AMO asks for, and the pack CLI. */
export function releaseFiles(version: string): string[] {
  return [`frontline-${version}-chrome.zip`, `frontline-${version}-firefox.zip`, `frontline-${version}-sources.zip`, PACK_CLI];
}

/** Each file a release must ship that was not made. */
export function checkReleaseSet(names: Iterable<string>, version: string): string[] {
  const have = new Set(names);
  return releaseFiles(version)
    .filter((f) => !have.has(f))
    .map((f) => (f === PACK_CLI ? `${f} was not made (ops without the repository build and sign packs with it)` : `${f} was not made`));
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

const NODE_BUILTINS = new Set(builtinModules);
const isBuiltin = (spec: string) => spec.startsWith('node:') || NODE_BUILTINS.has(spec.split('/')[0]);

/** Every module the file asks for at run time: static and dynamic imports, require() calls (esbuild's __require too). */
export function importedModules(code: string): string[] {
  const specs = new Set<string>();
  const patterns = [/\bfrom\s*["']([^"']+)["']/g, /\bimport\s*["']([^"']+)["']/g, /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g, /\b\w*require\d*\s*\(\s*["']([^"']+)["']\s*\)/g];
  for (const re of patterns) for (const m of code.matchAll(re)) specs.add(m[1]);
  return [...specs].sort();
}

/**
 * frontline-pack.mjs: a script `node` runs as is (a shebang, nothing imported but Node's
 * built-ins, so it needs no node_modules), that reports the release's version and
 * validates the sample pack when run alone in an empty folder.
 */
export function checkPackCli(code: string, runs: { version: CliRun; validateSample: CliRun }, version: string): string[] {
  const problems: string[] = [];
  if (!code.startsWith('#!/usr/bin/env node\n')) problems.push('does not start with "#!/usr/bin/env node"');
  for (const spec of importedModules(code)) if (!isBuiltin(spec)) problems.push(`imports "${spec}", which is not a Node built-in: it would need node_modules`);
  const said = runs.version.stdout.trim();
  if (runs.version.status !== 0 || said !== `frontline-pack ${version}`) {
    problems.push(`--version says ${JSON.stringify(said)} (exit ${runs.version.status}), not "frontline-pack ${version}"${runs.version.stderr ? `: ${runs.version.stderr.trim().split('\n')[0]}` : ''}`);
  }
  if (runs.validateSample.status !== 0 || !runs.validateSample.stdout.startsWith('OK: ')) {
    problems.push(`validate on the sample pack exits ${runs.validateSample.status}: ${(runs.validateSample.stdout + runs.validateSample.stderr).trim().split('\n').slice(0, 3).join(' / ')}`);
  }
  return problems;
}
