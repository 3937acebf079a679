/**
 * The nginx `location` for the pack as docs/deploy.md shows it. The tests configure
 * nginx from this text, and a unit test holds it equal to docs/nginx/frontline-pack.conf,
 * so neither the doc nor the file can drift from what was run.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const DEPLOY_DOC = join(ROOT, 'docs/deploy.md');
export const NGINX_EXAMPLE = join(ROOT, 'docs/nginx/frontline-pack.conf');

/** The one fenced nginx block of the doc that holds `location /frontline/ {`, dedented. */
export function packLocationFromDocs(doc = readFileSync(DEPLOY_DOC, 'utf8')): string {
  const blocks = [...doc.matchAll(/^([ \t]*)```nginx\n([\s\S]*?)^\1```/gm)].map(([, indent, body]) =>
    body
      .split('\n')
      .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line.trimStart()))
      .join('\n'),
  );
  const found = blocks.filter((b) => /^location \/frontline\/ \{/m.test(b));
  if (found.length !== 1) throw new Error(`docs/deploy.md should have one \`\`\`nginx block with "location /frontline/ {", found ${found.length}`);
  return found[0];
}
