/** Content-script size: each built content script, minified (as built) and gzipped. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUDGET } from './figures';

export function contentScriptSizes(dir: string) {
  const csDir = join(dir, 'content-scripts');
  return readdirSync(csDir)
    .filter((f) => f.endsWith('.js'))
    .sort()
    .map((f) => {
      const bytes = readFileSync(join(csDir, f));
      return { file: `content-scripts/${f}`, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length, budgetBytes: BUDGET.contentScriptBytes, ok: bytes.length <= BUDGET.contentScriptBytes };
    });
}
