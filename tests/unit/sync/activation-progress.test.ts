/**
 * Activation reports its stages to the page that asked, in order, and the views keep
 * coming from the old pack until the store stage has committed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openFrontlineDb } from '../../../utils/store/db';
import { createService } from '../../../utils/background/service';
import { memoryKeyValue } from '../../../utils/sync/handlers';
import type { UserSettings } from '../../../utils/sync/settings';
import { generateKeyPair, signPack } from '../../../utils/pack/sign';
import { progressFor, type ProgressReport } from '../../../utils/sync/activationProgress';

const sample = JSON.parse(readFileSync(new URL('../../../assets/sample-pack.json', import.meta.url), 'utf8'));
const next = (v: string) => ({ ...structuredClone(sample), meta: { ...sample.meta, version: v } });
let n = 0;

async function setup(settings: UserSettings = {}) {
  const db = await openFrontlineDb(`frontline-progress-${++n}`);
  const reports: ProgressReport[] = [];
  const s = createService({ getDb: async () => db, ops: { userSettings: memoryKeyValue(settings), progress: (r) => reports.push(r) } });
  return { s, reports };
}
const ID = 'a1b2c3d4e5f6a7b8';

describe('activation progress', () => {
  it('reports every stage of a pack sent as text, in order, with growing times', async () => {
    const { s, reports } = await setup();
    const r = await s['pack:activate']({ text: JSON.stringify(next('1.1.0')), source: 'file:x', allowDowngrade: false, progressId: ID });
    expect(r.ok).toBe(true);
    expect(reports.map((x) => x.stage)).toEqual(['parse', 'validate', 'index', 'store', 'done']);
    expect(reports.every((x) => x.id === ID)).toBe(true);
    expect(reports.map((x) => x.ms)).toEqual([...reports.map((x) => x.ms)].sort((a, b) => a - b));
  });

  it('includes the signature stage when a key is configured', async () => {
    const keys = await generateKeyPair();
    const { s, reports } = await setup({ publicKey: keys.publicKey });
    const signed = await signPack(next('1.1.0'), keys.privateKeyPem);
    await s['pack:activate']({ text: JSON.stringify(signed), source: 'file:x', allowDowngrade: false, progressId: ID });
    expect(reports.map((x) => x.stage)).toEqual(['parse', 'signature', 'validate', 'index', 'store', 'done']);
  });

  it('says the pack was checked at preview when activated by its hash', async () => {
    const { s, reports } = await setup();
    const p = await s['pack:preview']({ text: JSON.stringify(next('1.1.0')), source: 'file:x', lang: 'en' });
    if (!p.ok) throw new Error('preview failed');
    await s['pack:activate']({ hash: p.hash, source: 'file:x', allowDowngrade: false, progressId: ID });
    expect(reports.map((x) => x.stage)).toEqual(['checked', 'store', 'done']);
  });

  it('sends nothing without an id, and stops at the failing stage', async () => {
    const { s, reports } = await setup();
    await s['pack:activate']({ text: JSON.stringify(next('1.1.0')), source: 'file:x', allowDowngrade: false });
    expect(reports).toEqual([]);
    const bad = next('1.2.0');
    bad.accounts[0].arr = 'lots';
    const r = await s['pack:activate']({ text: JSON.stringify(bad), source: 'file:x', allowDowngrade: false, progressId: ID });
    expect(r.ok).toBe(false);
    expect(reports.map((x) => x.stage)).toEqual(['parse', 'validate']);
  });

  it('keeps answering from the old pack until the store stage has committed', async () => {
    const db = await openFrontlineDb(`frontline-progress-${++n}`);
    const seen: string[] = [];
    let s: ReturnType<typeof createService>;
    s = createService({
      getDb: async () => db,
      ops: {
        progress: (r) => {
          // Asked while activation runs: the reply comes from what is active at that point.
          void s['pack:info']({}).then((info) => seen.push(`${r.stage}:${info.version}`));
        },
      },
    });
    await s['pack:activate']({ text: JSON.stringify(next('1.1.0')), source: 'file:x', allowDowngrade: false, progressId: ID });
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual(['parse:1.0.0', 'validate:1.0.0', 'index:1.0.0', 'store:1.0.0', 'done:1.1.0']);
  });
});

describe('the page side', () => {
  const report = { frontline: 'activation-progress', id: ID, stage: 'index', ms: 12 };
  it('takes a report from the background for its own activation only', () => {
    expect(progressFor(report, { id: 'ext' }, 'ext', ID)).toEqual(report);
    expect(progressFor(report, { id: 'ext' }, 'ext', 'ffffffffffffffff')).toBeNull();
  });
  it('ignores reports from a tab (a content script or a page frame) and from other extensions', () => {
    expect(progressFor(report, { id: 'ext', tab: { id: 3 } }, 'ext', ID)).toBeNull();
    expect(progressFor(report, { id: 'other' }, 'ext', ID)).toBeNull();
    expect(progressFor({ ...report, stage: 'pwned' }, { id: 'ext' }, 'ext', ID)).toBeNull();
  });
});
