/**
 * The folder layout build reads and unbuild writes: battlecard sections, objection
 * labels and account field paths come from one place, so what unbuild writes is what
 * build reads back.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPackFolder } from '../../../utils/pack/authoring/build';
import { formatError } from '../../../utils/pack/authoring/errors';
import { memoryFiles } from '../../../utils/pack/authoring/files';
import { unbuildPack } from '../../../utils/pack/authoring/unbuild';
import { BATTLECARD_SECTIONS, battlecardSection, objectionPart } from '../../../utils/pack/authoring/layout';
import { innerKeys, readTarget, writeTarget } from '../../../utils/pack/authoring/config';
import { miniFolder } from './miniFolder';

const root = new URL('../../../', import.meta.url).pathname;
const sample = () => JSON.parse(readFileSync(`${root}assets/sample-pack.json`, 'utf8'));

describe('authoring folder layout', () => {
  it('reads a battlecard heading however it is spelt, and nothing else', () => {
    expect(battlecardSection('Why we win')?.field).toBe('whyWeWin');
    expect(battlecardSection('whyWeWin')?.field).toBe('whyWeWin');
    expect(battlecardSection('why-we-win')?.field).toBe('whyWeWin');
    expect(battlecardSection('PROOF POINTS')?.field).toBe('proofPoints');
    expect(battlecardSection('Why we won')).toBeUndefined();
  });

  it('reads objection labels in English and Chinese', () => {
    expect(['Objection', ' response ', 'Proof', '异议', '回应', '应对', '证据', '佐证'].map(objectionPart)).toEqual(['objection', 'response', 'proof', 'objection', 'response', 'response', 'proof', 'proof']);
    expect(objectionPart('Evidence')).toBeNull();
  });

  it('every battlecard section unbuild writes as Markdown builds back into its field', async () => {
    const pack = sample();
    const card: Record<string, unknown> = {};
    for (const s of BATTLECARD_SECTIONS) {
      card[s.field] =
        s.kind === 'markdown'
          ? { en: `${s.title} text`, 'zh-CN': `${s.title} 文本` }
          : s.kind === 'list'
            ? [{ en: `${s.title} item`, 'zh-CN': `${s.title} 条目` }]
            : [{ id: 'ob-1', objection: { en: 'Too dear', 'zh-CN': '太贵' }, response: { en: 'Cheaper to run', 'zh-CN': '运行更省' }, proof: { en: 'Case study', 'zh-CN': '案例' } }];
    }
    pack.competitors[0].battlecard = card;
    const { files, notes } = unbuildPack(pack);
    expect(notes).toEqual([]);
    const id = pack.competitors[0].id;
    expect(files[`competitors/${id}.yaml`]).not.toContain('battlecard');
    for (const s of BATTLECARD_SECTIONS) expect(files[`competitors/${id}.zh-CN.md`]).toContain(`\n## ${s.title}\n`);
    const back = await buildPackFolder(memoryFiles(files));
    if (!back.ok) throw new Error(back.errors.map(formatError).join('\n'));
    expect(back.validated.competitors[0].battlecard).toMatchObject(card);
  });

  it('builds objections written with Chinese labels like English ones', async () => {
    const english = await buildPackFolder(memoryFiles(miniFolder()));
    const f = miniFolder();
    f['competitors/beacon.zh-CN.md'] = f['competitors/beacon.zh-CN.md'].replace('**Objection:**', '**异议：**').replace('**Response:**', '**回应：**');
    const chinese = await buildPackFolder(memoryFiles(f));
    if (!chinese.ok) throw new Error(chinese.errors.map(formatError).join('\n'));
    expect(chinese.pack).toEqual(english.pack);
  });

  it('names account fields by target path, for reading and for writing', () => {
    expect(innerKeys('stage')).toEqual(['playbookId', 'stageId']);
    expect(innerKeys('crmIds')).toContain('salesforce');
    expect(innerKeys('name')).toEqual([]);
    const a: Record<string, unknown> = { id: 'x' };
    writeTarget(a, 'stage.stageId', 'proposal');
    writeTarget(a, 'stage.playbookId', 'new-business');
    writeTarget(a, 'arr', 5);
    expect(a).toEqual({ id: 'x', stage: { stageId: 'proposal', playbookId: 'new-business' }, arr: 5 });
    expect(readTarget(a, 'stage.playbookId')).toBe('new-business');
    expect(readTarget(a, 'crmIds.salesforce')).toBeUndefined();
  });

  it('keeps accounts in YAML when a nested field holds a key no CSV column maps', async () => {
    for (const patch of [{ stage: { playbookId: 'new-business', stageId: 'discovery', note: 'x' } }, { crmIds: { salesforce: ['001'], netsuite: ['9'] } }]) {
      const pack = sample();
      Object.assign(pack.accounts[0], patch);
      const { files, notes } = unbuildPack(pack);
      expect(files['accounts.csv']).toBeUndefined();
      expect(notes).toContain('accounts.yaml: accounts kept in YAML (some do not fit one CSV row each)');
    }
  });
});
