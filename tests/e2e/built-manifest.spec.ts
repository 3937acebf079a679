/**
 * The build `npm test` just made passes the release checks (the same ones `npm run
 * release` applies to the zips): version, _locales, icons at every size; and each
 * built-in site has its own content script on exactly its hosts. No browser.
 */
import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { EXTENSION_DIR } from '../../scripts/demo/launch';
import { checkExtensionZip } from '../../scripts/release/checks';
import { ICON_SIZES, iconPixelFiles, iconSet } from '../../utils/icons';
import { SITE_CATALOG } from '../../utils/sites/catalog';

function entries(dir: string): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.set(relative(dir, join(d, e.name)).split('\\').join('/'), readFileSync(join(d, e.name)));
    }
  };
  walk(dir);
  return out;
}

test('the Chrome build declares icons at 16/32/48/128, localised name, description and shortcut, and package.json’s version', () => {
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  const built = entries(EXTENSION_DIR);
  // The toolbar icon's pixels, which Chrome's worker sets (utils/background/toolbarIcon.ts).
  const pixels = iconPixelFiles();
  expect(checkExtensionZip(built, { version, locales: ['en', 'zh_CN'], iconSizes: ICON_SIZES, files: [...Object.values(iconSet('record')), ...pixels] })).toEqual([]);
});

for (const [browser, dir] of [['Chrome', EXTENSION_DIR], ['Firefox', join(EXTENSION_DIR, '../firefox-mv2')]] as const) {
  test(`every script of the ${browser} build is ASCII, so the browser holds it as a one-byte string (scripts/build/asciiOutput.ts)`, () => {
    const scripts = [...entries(dir)].filter(([name]) => name.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(5);
    const wide = scripts.filter(([, bytes]) => bytes.some((b) => b > 0x7f)).map(([name]) => name);
    expect(wide).toEqual([]);
  });
}

for (const [browser, dir] of [['Chrome', EXTENSION_DIR], ['Firefox', join(EXTENSION_DIR, '../firefox-mv2')]] as const) {
  test(`the ${browser} build runs one content script per built-in site, on exactly that site’s hosts, holding no other site’s hosts`, () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    const scripts: { js: string[]; matches: string[] }[] = manifest.content_scripts;
    const expected = SITE_CATALOG.map((s) => ({ js: [`content-scripts/${s.id}.js`], matches: [...s.hosts].sort() }));
    const sortedBy = (xs: { js: string[] }[]) => [...xs].sort((a, b) => a.js[0].localeCompare(b.js[0]));
    expect(sortedBy(scripts.map((c) => ({ js: c.js, matches: [...c.matches].sort() })))).toEqual(sortedBy(expected));
    // In MV3 the content scripts' matches are the host permissions: nothing else is asked at install.
    expect(manifest.host_permissions ?? []).toEqual([]);
    for (const site of SITE_CATALOG) {
      const code = readFileSync(join(dir, 'content-scripts', `${site.id}.js`), 'utf8');
      for (const other of SITE_CATALOG.filter((o) => o.id !== site.id))
        for (const host of other.hosts) expect(code.includes(host.replace(/^https:\/\/(\*\.)?/, '').replace(/\/\*$/, '')), `${other.id}'s ${host} in ${site.id}.js`).toBe(false);
    }
  });
}

test('the sample pack is a file of the package, byte for byte assets/sample-pack.json, and not inside the worker’s script', () => {
  const dir = EXTENSION_DIR;
  expect(readFileSync(join(dir, 'sample-pack.json'), 'utf8')).toBe(readFileSync(new URL('../../assets/sample-pack.json', import.meta.url), 'utf8'));
  const sample = JSON.parse(readFileSync(join(dir, 'sample-pack.json'), 'utf8'));
  expect(readFileSync(join(dir, 'background.js'), 'utf8')).not.toContain(sample.accounts[0].name);
});
