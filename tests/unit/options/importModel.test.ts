/** The import section as a model: file or URL → preview → activate, refuse, or confirm a rollback. */
import { describe, expect, it } from 'vitest';
import { createImportModel, type ImportDeps } from '../../../entrypoints/options/importModel';
import { FetchError, PackReadError } from '../../../entrypoints/options/read';
import type { PackInfo } from '../../../utils/view/types';
import { profile, version, type Worker } from '../sync/harness';
import { askWorker } from './askWorker';

const file = (name: string, body: unknown) => new File([typeof body === 'string' ? body : JSON.stringify(body)], name, { type: 'application/json' });
const readFile: ImportDeps['readFile'] = async (f, onProgress) => {
  const text = await f.text();
  onProgress(text.length, f.size);
  return text;
};

async function setup(over: Partial<ImportDeps> = {}) {
  const p = await profile();
  let worker: Worker = p.worker(fetch);
  const { ask, sent } = askWorker(() => worker);
  const activated: PackInfo[] = [];
  const access: string[] = [];
  const m = createImportModel({
    ask,
    lang: () => 'en',
    readFile,
    readUrl: async () => {
      throw new FetchError('network error', null);
    },
    requestAccess: async (origin) => (access.push(origin), true),
    onActivated: (info) => activated.push(info),
    ...over,
  });
  return { m, sent, activated, access, restart: () => (worker = p.worker(fetch)), info: () => worker['pack:info']({}) };
}

describe('import model', () => {
  it('reads a file, previews it and activates it by the previewed hash', async () => {
    const { m, sent, activated, info } = await setup();
    await m.importFile(file('next.json', version('1.1.0')));
    expect(m.phase.value).toBe('preview');
    expect(m.notice.value).toEqual({ kind: 'ok', text: expect.stringContaining('1.1.0') });
    expect(m.progress.value.loaded).toBeGreaterThan(0);
    expect(m.pending.value?.source).toBe('file:next.json');
    expect(m.needsRollback.value).toBe(false);
    expect(m.canActivate.value).toBe(true);
    // Previewing changes nothing for reps.
    expect((await info()).version).toBe('1.0.0');

    await m.activate();
    expect(m.phase.value).toBe('idle');
    expect(m.pending.value).toBeNull();
    expect(m.notice.value?.kind).toBe('ok');
    expect(activated.map((i) => i.version)).toEqual(['1.1.0']);
    expect((await info()).version).toBe('1.1.0');
    expect(sent).toEqual(['pack:preview', 'pack:activate']);
  });

  it('refuses a pack with errors, lists them, and leaves the active pack as it was', async () => {
    const { m, activated, info } = await setup();
    await m.importFile(file('bad.json', version('2.0.0', (p) => (p.competitors[0].id = 'Not An Id!'))));
    expect(m.phase.value).toBe('idle');
    expect(m.pending.value).toBeNull();
    expect(m.notice.value?.kind).toBe('error');
    expect(m.errors.value.length).toBeGreaterThan(0);
    expect(m.errors.value[0].path).toMatch(/^competitors\[0\]/);
    expect(m.canActivate.value).toBe(false);
    await m.activate(); // nothing pending: nothing sent, nothing changes
    expect(activated).toEqual([]);
    expect((await info()).version).toBe('1.0.0');
  });

  it('shows a file that cannot be read as an error, not a preview', async () => {
    const { m, sent } = await setup({ readFile: async () => Promise.reject(new PackReadError('larger than 40 MB', 'too-large')) });
    await m.importFile(file('huge.json', '{}'));
    expect(m.phase.value).toBe('idle');
    expect(m.notice.value).toEqual({ kind: 'error', text: 'larger than 40 MB' });
    expect(sent).toEqual([]);
  });

  it('activates an older version only as a confirmed rollback', async () => {
    const { m, activated, info } = await setup();
    await m.importFile(file('a.json', version('1.2.0')));
    await m.activate();
    await m.importFile(file('b.json', version('1.1.0')));
    expect(m.pending.value?.preview.comparison).toBe('downgrade');
    expect(m.needsRollback.value).toBe(true);
    expect(m.canActivate.value).toBe(false);
    m.allowDowngrade.value = true;
    expect(m.canActivate.value).toBe(true);
    await m.activate();
    expect(activated.map((i) => i.version)).toEqual(['1.2.0', '1.1.0']);
    expect((await info()).version).toBe('1.1.0');
  });

  it('sends the text again when the background was restarted after the preview', async () => {
    const { m, sent, restart, info } = await setup();
    await m.importFile(file('next.json', version('1.3.0')));
    restart();
    await m.activate();
    expect(sent).toEqual(['pack:preview', 'pack:activate', 'pack:activate']);
    expect(m.notice.value?.kind).toBe('ok');
    expect((await info()).version).toBe('1.3.0');
  });

  it('cancel drops the preview and its confirmation', async () => {
    const { m } = await setup();
    await m.importFile(file('next.json', version('1.1.0')));
    m.allowDowngrade.value = true;
    m.reset();
    expect([m.pending.value, m.notice.value, m.allowDowngrade.value]).toEqual([null, null, false]);
  });

  it('refuses a bad URL before fetching, and offers host access when an https origin does not answer', async () => {
    const { m, access, sent } = await setup();
    expect(m.canFetch.value).toBe(false);
    m.url.value = 'http://packs.example.com/pack.json';
    expect(m.canFetch.value).toBe(true);
    await m.importUrl();
    expect(m.notice.value?.kind).toBe('error');
    expect(m.needsAccess.value).toBeNull();

    m.url.value = ' https://packs.example.com/frontline/pack.json ';
    await m.importUrl();
    expect(m.notice.value).toEqual({ kind: 'error', text: expect.stringContaining('https://packs.example.com/frontline/pack.json') });
    expect(m.needsAccess.value).toBe('https://packs.example.com/*');
    await m.grantAccess();
    expect(access).toEqual(['https://packs.example.com/*']);
    expect(m.needsAccess.value).toBeNull();
    expect(m.notice.value?.kind).toBe('ok');
    expect(sent).toEqual([]);
  });

  it('names the HTTP status of a refused download and offers no host access for it', async () => {
    const { m } = await setup({ readUrl: async () => Promise.reject(new FetchError('HTTP 404', 404)) });
    m.url.value = 'https://packs.example.com/frontline/pack.json';
    await m.importUrl();
    expect(m.notice.value?.text).toContain('404');
    expect(m.needsAccess.value).toBeNull();
  });

  it('is busy while reading: nothing else can start', async () => {
    let finish!: (text: string) => void;
    const { m } = await setup({ readUrl: () => new Promise((r) => (finish = r)) });
    m.url.value = 'https://packs.example.com/frontline/pack.json';
    const done = m.importUrl();
    expect(m.phase.value).toBe('reading');
    expect([m.busy.value, m.canFetch.value]).toEqual([true, false]);
    finish(JSON.stringify(version('1.1.0')));
    await done;
    expect(m.phase.value).toBe('preview');
    expect(m.pending.value?.source).toBe('https://packs.example.com/frontline/pack.json');
  });
});
