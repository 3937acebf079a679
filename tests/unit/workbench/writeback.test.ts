/**
 * The workbench's edits write back into the folder's own files: the changed part
 * changes, and comments, order, other rows and columns stay as they were — then the
 * folder still builds, with the edit in the pack.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { setObjection, setSection } from '../../../utils/pack/authoring/edit/markdown';
import { setChecklistItem, setYamlAccountCompetitors } from '../../../utils/pack/authoring/edit/yaml';
import { csvSpans, setCsvCell } from '../../../utils/pack/authoring/edit/csv';
import { applyEdit } from '../../../utils/pack/authoring/edit/edits';
import { memoryFiles } from '../../../utils/pack/authoring/files';
import { buildPackFolder } from '../../../utils/pack/authoring/build';

const sampleDir = new URL('../../../packs/sample', import.meta.url).pathname;
function sampleFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(sampleDir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(sampleDir);
  return out;
}

const diffLines = (a: string, b: string) => {
  const x = a.split('\n');
  const y = b.split('\n');
  return { removed: x.filter((l) => !y.includes(l)), added: y.filter((l) => !x.includes(l)) };
};

describe('Markdown write-back', () => {
  const md = ['# Globex', '', '<!-- owner: PMM -->', '## Summary', '', 'Old summary.', '', '## Why we win', '', '- One', '- Two', '', '## Objections', '', '### gx-ela', '', '**异议：** 旧', '', '**回应：** 旧回应', '', '## Landmines', '', '- Ask', ''].join('\n');

  it('replaces one section and keeps comments, other sections and their order', () => {
    const out = setSection(md, 'summary', 'New summary.\n\nSecond paragraph.');
    expect(diffLines(md, out)).toEqual({ removed: ['Old summary.'], added: ['New summary.', 'Second paragraph.'] });
    expect(out.indexOf('<!-- owner: PMM -->')).toBeLessThan(out.indexOf('## Summary'));
    const list = setSection(md, 'whyWeWin', ['One', 'Three']);
    expect(diffLines(md, list)).toEqual({ removed: ['- Two'], added: ['- Three'] });
  });

  it('edits an objection in place, keeping its Chinese labels, and adds a new one at the end of the section', () => {
    const out = setObjection(md, 'gx-ela', { objection: '新异议', response: '新回应' });
    expect(out).toContain('**异议：** 新异议');
    expect(out).toContain('**回应：** 新回应');
    expect(out.indexOf('### gx-ela')).toBeLessThan(out.indexOf('## Landmines'));
    const added = setObjection(md, 'gx-new', { objection: 'Too expensive', response: 'Show the TCO', proof: 'Harbor & Pine' });
    const at = added.indexOf('### gx-new');
    expect(at).toBeGreaterThan(added.indexOf('### gx-ela'));
    expect(at).toBeLessThan(added.indexOf('## Landmines'));
    expect(added).toContain('**Proof:** Harbor & Pine');
  });

  it('keeps CRLF line endings', () => {
    const crlf = md.replace(/\n/g, '\r\n');
    const out = setSection(crlf, 'summary', 'X');
    expect(out.split('\r\n').length).toBe(out.split('\n').length);
  });
});

describe('YAML write-back', () => {
  const playbook = readFileSync(join(sampleDir, 'playbooks/new-business.yaml'), 'utf8');
  it('changes one checklist text and nothing else', () => {
    const commented = `# owner: enablement\n${playbook}`;
    const out = setChecklistItem(commented, { stageId: 'prospect', itemId: 'nb-pros-persona', locale: 'en', defaultLocale: 'en' }, 'Persona named on the opportunity');
    expect(diffLines(commented, out)).toEqual({ removed: ['          en: Persona identified (marketing, data, CS or product leader)'], added: ['          en: Persona named on the opportunity'] });
    expect(out.startsWith('# owner: enablement\n')).toBe(true);
  });

  it('adds a new item at the end of the stage checklist', () => {
    const commented = `# owner: enablement\n${playbook}`;
    const out = setChecklistItem(commented, { stageId: 'prospect', itemId: 'nb-pros-budget', locale: 'en', defaultLocale: 'en' }, 'Budget owner named');
    expect(out.startsWith('# owner: enablement\n')).toBe(true);
    // An addition re-prints the file (Document API): comments, order and every value stay.
    const back = parse(out) as { stages: { checklist: { id: string }[] }[] };
    expect(back.stages[0].checklist.pop()).toEqual({ id: 'nb-pros-budget', text: 'Budget owner named' });
    expect(back).toEqual(parse(playbook));
    expect(Object.keys(back)).toEqual(Object.keys(parse(playbook)));
    expect(out.indexOf('nb-pros-budget')).toBeGreaterThan(out.indexOf('nb-pros-meeting'));
    expect(out.indexOf('nb-pros-budget')).toBeLessThan(out.indexOf('- id: discovery'));
  });

  it('sets a hand-written account’s competitors as a flow list, keeping comments', () => {
    const text = '# hand-written\n- id: acme # our oldest\n  name: Acme\n  competitors: [globex]\n- id: other\n  name: Other\n';
    expect(setYamlAccountCompetitors(text, 'acme', ['globex', 'hooli'])).toBe('# hand-written\n- id: acme # our oldest\n  name: Acme\n  competitors: [globex, hooli]\n- id: other\n  name: Other\n');
    expect(setYamlAccountCompetitors(text, 'nobody', [])).toBeNull();
  });
});

describe('CSV write-back', () => {
  it('changes one cell; every other byte stays (quotes, CRLF, BOM, short rows)', () => {
    const csv = '\uFEFFid,name,competitors,note\r\nacme,"Acme, Inc.",globex,"said ""no"""\r\nbeta,Beta,,\r\ngamma,Gamma\r\n';
    const out = setCsvCell(csv, { keyColumn: 'id', key: 'beta', column: 'competitors' }, 'hooli;globex');
    expect(out).toBe(csv.replace('beta,Beta,,', 'beta,Beta,hooli;globex,'));
    expect(setCsvCell(csv, { keyColumn: 'id', key: 'acme', column: 'name' }, 'Acme; "the" one')).toBe(csv.replace('"Acme, Inc."', '"Acme; ""the"" one"'));
    expect(setCsvCell(csv, { keyColumn: 'id', key: 'gamma', column: 'competitors' }, 'x')).toBe(csv.replace('gamma,Gamma\r\n', 'gamma,Gamma,x\r\n'));
    expect(csvSpans('a,"b\nc"\nd,e').length).toBe(2);
  });
});

describe('edits on the sample folder', () => {
  it('each common edit lands in its file and the folder builds with it', async () => {
    const files = sampleFiles();
    const apply = async (e: Parameters<typeof applyEdit>[1]) => {
      const r = await applyEdit(memoryFiles(files), e, 'en');
      files[r.file] = r.text;
      return r.file;
    };
    const before = sampleFiles();
    expect(await apply({ kind: 'section', competitorId: 'globex', locale: 'zh-CN', field: 'summary', value: '新的摘要。' })).toBe('competitors/globex.zh-CN.md');
    expect(await apply({ kind: 'objection', competitorId: 'globex', locale: 'en', objectionId: 'gx-ai', parts: { objection: 'AI is free now', response: 'Ask what it answers on.' } })).toBe('competitors/globex.en.md');
    expect(await apply({ kind: 'checklist', playbookId: 'new-business', stageId: 'prospect', itemId: 'nb-pros-meeting', locale: 'zh-CN', text: '首次会议已确认' })).toBe('playbooks/new-business.yaml');
    expect(await apply({ kind: 'competitors', accountId: 'northwind', competitors: ['globex', 'hooli'] })).toBe('accounts.csv');

    const csvBefore = before['accounts.csv'].split('\n');
    const csvAfter = files['accounts.csv'].split('\n');
    expect(csvAfter.filter((l, i) => l !== csvBefore[i])).toEqual([csvBefore[1].replace('globex;beacon', 'globex;hooli')]);

    const r = await buildPackFolder(memoryFiles(files));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const globex = r.validated.competitors.find((c) => c.id === 'globex')!;
    expect(globex.battlecard.summary).toMatchObject({ 'zh-CN': '新的摘要。' });
    expect(globex.battlecard.objections.find((o) => o.id === 'gx-ai')?.objection).toMatchObject({ en: 'AI is free now' });
    expect(r.validated.accounts.find((a) => a.id === 'northwind')?.competitors).toEqual(['globex', 'hooli']);
    const item = r.validated.playbooks[0].stages[0].checklist.find((i) => i.id === 'nb-pros-meeting');
    expect(item?.text).toMatchObject({ 'zh-CN': '首次会议已确认' });
  });
});
