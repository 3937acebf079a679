/**
 * The sample pack lives in authoring form (packs/sample) and assets/sample-pack.json
 * is its build output: building the folder must give the committed JSON byte for
 * byte, so the two never drift (`npm run pack:sample` rebuilds it).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPackFolder } from '../../../utils/pack/authoring/build';
import { formatError } from '../../../utils/pack/authoring/errors';
import { formatPackJson } from '../../../utils/pack/authoring/format';
import { memoryFiles } from '../../../utils/pack/authoring/files';
import { unbuildPack } from '../../../utils/pack/authoring/unbuild';
import { validatePack } from '../../../utils/pack/validate';
import { nodeFiles } from '../../../cli/nodeFiles';

const root = new URL('../../../', import.meta.url).pathname;
const committed = readFileSync(`${root}assets/sample-pack.json`, 'utf8');

describe('sample pack source', () => {
  it('packs/sample builds into exactly assets/sample-pack.json (run `npm run pack:sample` after editing it)', async () => {
    const r = await buildPackFolder(nodeFiles(`${root}packs/sample`));
    if (!r.ok) throw new Error(r.errors.map(formatError).join('\n'));
    expect(r.warnings.map(formatError)).toEqual([]);
    expect(formatPackJson(r.pack)).toBe(committed);
  });

  it('a JSON pack turned into a folder builds back into the same pack', async () => {
    const original = validatePack(JSON.parse(committed));
    const { files, notes } = unbuildPack(JSON.parse(committed));
    expect(notes).toEqual([]);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['pack.yaml', 'competitors/globex.en.md', 'competitors/globex.zh-CN.md', 'accounts.csv', 'health.csv']));
    const back = await buildPackFolder(memoryFiles(files));
    expect(back.ok && back.validated).toEqual(original.ok && original.pack);
  });

  it('keeps what cannot be Markdown in YAML and still round-trips', async () => {
    const pack = JSON.parse(committed);
    // A summary with a "##" line and a list item in one locale only cannot read back from Markdown.
    pack.competitors[0].battlecard.summary.en = 'Intro\n## not a section';
    pack.competitors[1].battlecard.whyWeWin[0] = { en: 'Only English' };
    const { files, notes } = unbuildPack(pack);
    expect(notes.filter((n) => n.includes('battlecard kept in YAML'))).toHaveLength(2);
    expect(files['competitors/globex.en.md']).toBeUndefined();
    const back = await buildPackFolder(memoryFiles(files));
    const original = validatePack(pack);
    expect(back.ok && back.validated).toEqual(original.ok && original.pack);
  });
});
