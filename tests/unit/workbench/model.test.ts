/**
 * The workbench without a browser: a folder opens and builds with the CLI's build, a
 * change on disk is checked again on the next watch tick, an edit is written back, a
 * key file signs the pack; the preview is the sidebar view for the picked account and stage.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkbenchModel } from '../../../entrypoints/options/workbench/model';
import { copyFolder, pickedFilesFolder, zipFolder, type WorkFolder } from '../../../entrypoints/options/workbench/folder';
import { generateKeyPair, verifyPackDoc } from '../../../utils/pack/sign';
import { writeZip } from '../../../utils/pack/zip';
import { blankRecord, previewView } from '../../../utils/view/preview';

const sampleDir = new URL('../../../packs/sample', import.meta.url).pathname;
function sample(): Record<string, string> {
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

/** A "disk" folder whose files the test changes behind the workbench's back, and a manual clock for the watch. */
function harness() {
  const texts = sample();
  const copy = copyFolder('pack', texts);
  let edits = 0;
  const disk: WorkFolder = { ...copy, kind: 'disk', stamp: async () => `${edits}:${JSON.stringify(Object.keys(texts).length)}` };
  let tick: () => Promise<void> = async () => {};
  const m = createWorkbenchModel({ now: () => new Date('2026-12-01T10:00:00Z'), every: (_ms, fn) => ((tick = fn), () => (tick = async () => {})) });
  const changeOnDisk = async (path: string, text: string) => {
    await copy.write(path, text);
    edits++;
  };
  return { m, disk, changeOnDisk, tick: () => tick() };
}

describe('workbench model', () => {
  it('builds the folder, checks it again when a file changes, and reports file:line', async () => {
    const { m, disk, changeOnDisk, tick } = harness();
    await m.open(disk);
    expect(m.result.value?.ok).toBe(true);
    expect(m.checkedAt.value?.toISOString()).toBe('2026-12-01T10:00:00.000Z');
    expect(m.pick.value.accountId).toBe(m.pack.value!.accounts[0].id);

    const yaml = await disk.files.readText('competitors/globex.yaml');
    await changeOnDisk('competitors/globex.yaml', yaml.replace('reviewEvery: 90', 'reviewEvery: -5'));
    await tick();
    const r = m.result.value!;
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ file: 'competitors/globex.yaml', line: 10 });
  });

  it('writes an edit into its file and signs the rebuilt pack with a key file', async () => {
    const { m, disk } = harness();
    await m.open(disk);
    await m.edit({ kind: 'section', competitorId: 'globex', locale: 'en', field: 'summary', value: 'New summary.' });
    expect(m.lastEdit.value).toBe('competitors/globex.en.md');
    expect(await disk.files.readText('competitors/globex.en.md')).toContain('## Summary\n\nNew summary.\n\n## Why we win');
    expect(m.packText.value).toContain('New summary.');

    const key = await generateKeyPair();
    await m.sign(key.privateKeyPem);
    const doc = JSON.parse(m.signed.value!.text);
    expect(await verifyPackDoc(doc, key.publicKey)).toMatchObject({ ok: true });
    await m.sign('not a key');
    expect(m.error.value).toBeTruthy();
  });
});

describe('folders read into the page', () => {
  it('a zip and a webkitdirectory pick open as the folder inside them', async () => {
    const zip = writeZip({ 'my-pack/pack.yaml': 'meta: {}\n', 'my-pack/.DS_Store': 'x', 'my-pack/competitors/a.yaml': 'id: a\n' });
    const z = await zipFolder('my-pack.zip', zip);
    expect([z.name, await z.files.list()]).toEqual(['my-pack', ['competitors/a.yaml', 'pack.yaml']]);
    const file = (path: string, text: string) => Object.defineProperty(new File([text], path.split('/').pop()!), 'webkitRelativePath', { value: path });
    const picked = await pickedFilesFolder([file('pack/pack.yaml', 'meta: {}\n'), file('pack/.git/config', 'x')]);
    expect([picked.name, await picked.files.list()]).toEqual(['pack', ['pack.yaml']]);
  });
});

describe('preview view', () => {
  it('shows the picked account at the picked stage, built by buildView', async () => {
    const { m, disk } = harness();
    await m.open(disk);
    const pack = m.pack.value!;
    const view = previewView(pack, blankRecord('northwind'), { accountId: 'northwind', stage: { playbookId: 'new-business', stageId: 'discovery' } }, { lang: 'zh-CN', now: new Date('2026-12-01') });
    expect(view.account?.name).toBe('Northwind Traders');
    expect(view.stage?.name).toBe('需求挖掘与资格确认');
    expect(view.cards.map((c) => c.id)).toEqual(expect.arrayContaining(['globex', 'beacon']));
    const auto = previewView(pack, blankRecord('northwind'), { accountId: 'northwind', stage: null }, { lang: 'en', now: new Date('2026-12-01') });
    expect(auto.stage?.current.stageId).toBe('proposal');
    const searched = previewView(pack, blankRecord('northwind'), { accountId: 'northwind', stage: null }, { lang: 'en', now: new Date(), focus: { competitorId: 'shuce' } });
    expect(searched.cards[0].id).toBe('shuce');
  });
});
