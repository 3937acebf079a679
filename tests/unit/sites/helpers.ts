/** Shared by the site tests: load HTML into a linkedom Document, find fixtures. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import type { SiteRule } from '../../../utils/pack/schema';
import type { PageContext } from '../../../utils/sites/types';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const FIXTURES = join(REPO, 'tests/fixtures/pages');
export const DEMO_PAGES_DIR = join(REPO, 'scripts/demo/pages');
/** Captured real pages kept outside the repository; tests that read them skip when it is absent. */
export const SHARED = join(REPO, '../shared/fixtures/pages');

export const parse = (html: string): Document => parseHTML(html).document as unknown as Document;
export const load = (file: string): Document => parse(readFileSync(file, 'utf8'));

export interface Expected {
  url: string;
  context: PageContext | null;
  /** Generic (self-hosted) fixtures: the pack's `sites` rules the page is read with. */
  rules?: SiteRule[];
  /** Key phrases the text must contain / must not contain (chrome, quoted mail, competitor fields). */
  textContains?: string[];
  textExcludes?: string[];
}

export interface Fixture extends Expected {
  site: string;
  name: string;
  html: string;
}

/** Every `<site>/<name>.html` with its `<name>.expected.json`. */
export function fixtures(): Fixture[] {
  const out: Fixture[] = [];
  for (const site of readdirSync(FIXTURES).sort()) {
    for (const file of readdirSync(join(FIXTURES, site)).sort()) {
      if (!file.endsWith('.expected.json')) continue;
      const name = file.slice(0, -'.expected.json'.length);
      const expected = JSON.parse(readFileSync(join(FIXTURES, site, file), 'utf8')) as Expected;
      out.push({ site, name, html: join(FIXTURES, site, `${name}.html`), ...expected });
    }
  }
  return out;
}

export const sharedAvailable = (sub: string): boolean => existsSync(join(SHARED, sub));
