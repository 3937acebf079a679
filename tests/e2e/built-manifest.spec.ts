/**
 * The build `npm test` just made passes the release checks (the same ones `npm run
 * release` applies to the zips): version, _locales, icons at every size. No browser.
 */
import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { EXTENSION_DIR } from '../../scripts/demo/launch';
import { checkExtensionZip } from '../../scripts/release/checks';
import { ICON_SIZES, iconSet } from '../../utils/icons';

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
  expect(checkExtensionZip(built, { version, locales: ['en', 'zh_CN'], iconSizes: ICON_SIZES, files: Object.values(iconSet('record')) })).toEqual([]);
});
