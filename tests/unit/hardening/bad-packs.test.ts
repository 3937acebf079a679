/**
 * Bad input: every pack in the corpus is refused with an error that names
 * where the problem is, and through the background's `pack:import` the active pack,
 * the previous pack and every piece of the rep's state (ticks, picks, last-seen
 * stages, usage log) read back exactly as they were.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openFrontlineDb, type Db } from '../../../utils/store/db';
import { createService } from '../../../utils/background/service';
import { stageSeenIn } from '../../../utils/view/stageSeen';
import { checkStructure, decodePackBytes, jsonSyntaxErrorOffset, MAX_DEPTH, MAX_ERRORS, validatePack, validatePackText, type PackError, type ValidationResult } from '../../../utils/pack/validate';
import { buildPackFolder } from '../../../utils/pack/authoring/build';
import { memoryFiles } from '../../../utils/pack/authoring/files';
import { formatError } from '../../../utils/pack/authoring/errors';
import type { PageContext } from '../../../utils/sites/types';
import { miniFolder } from '../pack/miniFolder';
import { prng } from '../../../scripts/bench/synth';
import { corpus, deepList, validPack, validText, wrongTypesEverywhere, type BadCase } from './corpus';

const NOW = new Date('2026-11-23T10:00:00Z');
const opportunity: PageContext = { site: 'salesforce', recordType: 'opportunity', recordId: '0065g00000NwOpp1AAB', accountName: 'Northwind Traders', accountId: '0015g00000NwTrdAAB', domains: [], emails: [], stage: 'Proposal/Price Quote', opportunityType: 'New Business', competitorsField: ['Globex Analytics'], text: '' };

function refusal(r: ValidationResult): PackError[] {
  if (r.ok) throw new Error('the pack was accepted');
  return r.errors;
}

function expectError(errors: PackError[], c: BadCase) {
  const hit = errors.find((e) => (typeof c.expect.path === 'string' ? e.path === c.expect.path : c.expect.path.test(e.path)) && c.expect.message.test(e.message));
  expect(hit, `${c.name}: expected ${c.expect.path} ${c.expect.message}, got\n${errors.slice(0, 5).map((e) => `${e.path}: ${e.message}`).join('\n')}`).toBeDefined();
  // Clear: every error is a sentence with a path, never "(root): Invalid type".
  for (const e of errors) {
    expect(e.path).toBeTruthy();
    expect(e.message.length).toBeGreaterThan(8);
  }
}

/** The text a case sends to the background: bytes as today's `file.text()` decodes them (lossy). */
const textOf = (c: BadCase) => c.text ?? new TextDecoder().decode(c.bytes);

const cases = corpus();

describe('bad-input corpus: validation', () => {
  for (const c of cases) {
    it(`refuses ${c.name}`, () => {
      if (c.bytes) {
        const decoded = decodePackBytes(c.bytes);
        expect(decoded.ok).toBe(false);
        if (!decoded.ok) expectError(decoded.errors, c);
        // Decoded without the check (Blob.text()), it is refused all the same.
        expect(validatePackText(textOf(c)).ok).toBe(false);
      } else {
        expectError(refusal(validatePackText(c.text!)), c);
      }
    });
  }

  it('accepts the sample pack as text and as UTF-8 bytes, with or without a byte-order mark', () => {
    expect(validatePackText(validText()).ok).toBe(true);
    const bytes = new TextEncoder().encode(validText());
    const decoded = decodePackBytes(bytes);
    expect(decoded.ok && validatePackText(decoded.text).ok).toBe(true);
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
    const d2 = decodePackBytes(withBom);
    expect(d2.ok && validatePackText(d2.text).ok).toBe(true);
  });

  it('names the first byte that is not UTF-8, wherever it is', () => {
    const text = validText();
    const bytes = new TextEncoder().encode(text);
    const at = bytes.indexOf(0x7b, 1000); // some "{" well inside the file
    const broken = bytes.slice();
    broken[at] = 0xc0; // never valid in UTF-8
    const r = decodePackBytes(broken);
    expect(r).toEqual({ ok: false, errors: [{ path: '(file)', message: `not UTF-8: byte ${at} (0xc0) cannot start or continue a UTF-8 character; save the file as UTF-8` }] });
    // A multi-byte character cut short at the end of the file.
    const cut = new TextEncoder().encode('{"a":"中"}').slice(0, 8);
    expect(decodePackBytes(cut).ok).toBe(false);
  });

  it('reports wrong types everywhere with a path on each, and lists at most the cap', () => {
    const { text, changed } = wrongTypesEverywhere();
    expect(changed).toBeGreaterThan(200);
    const p = JSON.parse(text);
    p.meta.formatVersion = 1;
    const errors = refusal(validatePackText(JSON.stringify(p)));
    expect(errors.length).toBeGreaterThan(50);
    expect(errors.length).toBeLessThanOrEqual(MAX_ERRORS + 1);
    for (const e of errors.slice(0, MAX_ERRORS)) {
      expect(e.path).not.toBe('(root)');
      expect(e.message).toMatch(/expected|required|unknown/);
    }
  });

  it('counts the problems past the cap in one last line', () => {
    const p = validPack();
    p.accounts = Array.from({ length: MAX_ERRORS + 50 }, (_, i) => ({ ...p.accounts[0], id: `a${i}`, domains: 5 }));
    const errors = refusal(validatePack(p));
    expect(errors).toHaveLength(MAX_ERRORS + 1);
    expect(errors[MAX_ERRORS]).toEqual({ path: '(file)', message: 'and 50 more problems not listed' });
  });

  it('checks depth without recursion: a list 1,000,000 deep is refused, not a stack overflow', () => {
    const deep = JSON.parse(deepList(1_000_000));
    const errors = checkStructure(deep);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toBe(`nested more than ${MAX_DEPTH} levels deep`);
  });

  it('finds the fault in JSON exactly where JSON.parse does not accept it (mutation fuzz)', () => {
    const text = JSON.stringify(validPack().competitors[0], null, 1);
    const r = prng(7);
    const junk = ['', ',', ']', '}', '"', ':', '\\', 'x', '\u0001', '{', '[', '1e', '-', 'tru'];
    for (let k = 0; k < 400; k++) {
      const at = Math.floor(r() * text.length);
      const cut = Math.floor(r() * 3);
      const mutated = text.slice(0, at) + junk[Math.floor(r() * junk.length)] + text.slice(at + cut);
      let valid = true;
      try {
        JSON.parse(mutated);
      } catch {
        valid = false;
      }
      const offset = jsonSyntaxErrorOffset(mutated);
      expect(offset === -1, mutated.slice(Math.max(0, at - 20), at + 20)).toBe(valid);
    }
    expect(jsonSyntaxErrorOffset(deepList(100_000))).toBe(-1);
    expect(jsonSyntaxErrorOffset(deepList(100_000).slice(0, -1))).toBe(199_999);
  });

  it('keeps prototypes clean: a refused __proto__ key changed nothing', () => {
    const r = validatePackText(JSON.stringify(validPack()).replace('"meta":{', '"meta":{"__proto__":{"polluted":true},'));
    expect(r.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('bad-input corpus: CSV with broken quoting (pack authoring)', () => {
  it('refuses an accounts export with an unclosed quote, naming the file and line', async () => {
    const files = miniFolder();
    files['accounts.csv'] = files['accounts.csv'].replace('"Acme, Inc."', '"Acme, Inc.');
    const r = await buildPackFolder(memoryFiles(files));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map(formatError)).toContainEqual(expect.stringMatching(/^accounts\.csv:3: .*quoted field is never closed/));
  });

  it('refuses a stray quote in the middle of a health export field, with its line', async () => {
    const files = miniFolder();
    files['health.csv'] = files['health.csv'].replace('0015g00000AcmeAAA,11/01/2026,80,50,', '0015g00000AcmeAAA,11/01/2026,8"0,50,');
    const r = await buildPackFolder(memoryFiles(files));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map(formatError).join('\n')).toMatch(/^health\.csv:\d+: /m);
  });
});

describe('bad-input corpus: through the background, nothing changes', () => {
  let db: Db;
  let n = 0;
  const service = () => createService({ getDb: async () => db, now: () => NOW });

  /** A rep mid-work: an imported pack with a previous one, ticks, a pick, a seen stage, usage. */
  async function repMidWork() {
    db = await openFrontlineDb(`frontline-bad-packs-${++n}`);
    const s = service();
    const v2 = validPack();
    v2.meta.version = '2.0.0';
    const imported = await s['pack:import']({ text: JSON.stringify(v2), source: 'file:v2.json' });
    expect(imported.ok).toBe(true);
    const view = await s['view:get']({ ctx: opportunity, lang: 'en' });
    await s['stage:seen'](stageSeenIn(view, undefined)!); // as the sidebar frame does after showing it
    const c = view.checklist!;
    await s['checklist:set']({ accountId: c.accountId, playbookId: c.playbookId, stageId: c.stageId, itemId: c.items[0].id, done: true, label: c.items[0].text });
    await s['checklist:set']({ accountId: c.accountId, playbookId: c.playbookId, stageId: c.stageId, itemId: c.items[1].id, done: true, label: c.items[1].text });
    await s['account:pick']({ recordKey: 'gmail:thread:t-1', accountId: 'acme' });
    await s['usage:log']({ kind: 'card_view', competitorId: 'globex' });
    return s;
  }

  async function snapshot() {
    const [packs, ticks, picks, stages, usage] = await Promise.all([
      Promise.all([db.get('packs', 'active'), db.get('packs', 'previous')]),
      db.getAll('ticks'),
      db.getAll('picks'),
      db.getAll('stages'),
      db.getAll('usage'),
    ]);
    return { packs, ticks, picks, stages, usage };
  }

  let before: Awaited<ReturnType<typeof snapshot>>;
  let infoBefore: unknown;
  let s: ReturnType<typeof service>;
  beforeAll(async () => {
    s = await repMidWork();
    before = await snapshot();
    infoBefore = await s['pack:info']({});
    expect(before.packs[0]!.pack.meta.version).toBe('2.0.0');
    expect(before.ticks[0].done).toHaveLength(2);
    expect(before.picks).toHaveLength(1);
    expect(before.stages).toHaveLength(1);
  });

  for (const c of cases) {
    it(`${c.name}: refused, and the pack and the rep's state read back unchanged`, async () => {
      const r = await s['pack:import']({ text: textOf(c), source: `file:${c.name}.json` });
      expect(r.ok).toBe(false);
      if (!r.ok && c.text !== undefined) expectError(r.errors, c);
      expect(await snapshot()).toEqual(before);
      expect(await s['pack:info']({})).toEqual(infoBefore);
      // A fresh worker (nothing cached) sees the same.
      const fresh = service();
      expect(await fresh['pack:info']({})).toEqual(infoBefore);
      const view = await fresh['view:get']({ ctx: opportunity, lang: 'en' });
      expect(view.checklist!.doneCount).toBe(2);
    });
  }

  it('a valid import after all that still works, and keeps the ticks', async () => {
    const v3 = validPack();
    v3.meta.version = '3.0.0';
    const r = await s['pack:import']({ text: JSON.stringify(v3), source: 'file:v3.json' });
    expect(r.ok).toBe(true);
    const after = await snapshot();
    expect(after.packs[1]).toEqual(before.packs[0]);
    expect(after.ticks).toEqual(before.ticks);
    expect(after.picks).toEqual(before.picks);
  });
});
