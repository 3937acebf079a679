/**
 * Pack Markdown is parsed once, at intake, within limits. `> ` × 50,000 used to
 * overflow the stack on every record view and `_a` × 50,000 cost ~25 s of worker
 * CPU per view; now both are refused with their path, and a view renders the tree
 * stored beside the pack without running the Markdown lexer at all.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Lexer } from 'marked';
import { openFrontlineDb, type Db } from '../../../utils/store/db';
import { createService } from '../../../utils/background/service';
import { validatePack } from '../../../utils/pack/validate';
import { deriveRich, MAX_MARKDOWN_TOTAL_MS } from '../../../utils/pack/derived';
import type { PageContext } from '../../../utils/sites/types';
import { validPack, type Json } from './corpus';

const NOW = new Date('2026-11-23T10:00:00Z');
const opportunity: PageContext = { site: 'salesforce', recordType: 'opportunity', recordId: '0065g00000NwOpp1AAB', accountName: 'Northwind Traders', accountId: '0015g00000NwTrdAAB', domains: [], emails: [], stage: 'Proposal/Price Quote', opportunityType: 'New Business', competitorsField: ['Globex Analytics'], text: '' };

const QUOTES = '> '.repeat(50_000);
const EMPHASIS = '_a'.repeat(50_000);

let db: Db;
let n = 0;
beforeEach(async () => {
  db = await openFrontlineDb(`frontline-markdown-${++n}`);
});
afterEach(() => vi.restoreAllMocks());
const service = () => createService({ getDb: async () => db, now: () => NOW });

const errorsOf = (edit: (p: Json) => void) => {
  const p = validPack();
  edit(p);
  const r = validatePack(p);
  return r.ok ? [] : r.errors;
};

describe('Markdown limits at intake', () => {
  it('refuses 50,000 nested block quotes, naming the field and locale', () => {
    const errors = errorsOf((p) => (p.competitors[0].battlecard.summary.en = QUOTES));
    expect(errors).toEqual([{ path: 'competitors[0].battlecard.summary.en', message: expect.stringMatching(/99,999 characters; at most 20,000/) }]);
    // Short enough, still far too deep (9,000 levels already overflow the lexer's stack).
    const deep = errorsOf((p) => (p.competitors[0].battlecard.summary.en = '> '.repeat(9_000)));
    expect(deep).toEqual([{ path: 'competitors[0].battlecard.summary.en', message: expect.stringMatching(/line 1 nests 9,000 block quotes or lists; at most 8/) }]);
  });

  it('refuses 50,000 emphasis markers in stage guidance and pricing', () => {
    const errors = errorsOf((p) => {
      p.playbooks[0].stages[1].guidance = { en: 'fine', 'zh-CN': EMPHASIS.slice(0, 19_000) };
      p.competitors[1].battlecard.pricing = EMPHASIS;
    });
    expect(errors).toEqual([
      { path: 'competitors[1].battlecard.pricing', message: expect.stringMatching(/100,000 characters; at most 20,000/) },
      { path: 'playbooks[0].stages[1].guidance["zh-CN"]', message: expect.stringMatching(/9,500 Markdown markers.*at most 2,000/) },
    ]);
  });

  it('refuses deeply indented lists and deep inline nesting', () => {
    const list = Array.from({ length: 30 }, (_, i) => `${' '.repeat(2 * i)}- level ${i}`).join('\n');
    expect(errorsOf((p) => (p.healthModel.bands[0].play = list))).toEqual([{ path: 'healthModel.bands[0].play', message: expect.stringMatching(/indented \d+ columns/) }]);
    const inline = `${'*a '.repeat(20)}deep${' b*'.repeat(20)}`;
    expect(errorsOf((p) => (p.healthModel.bands[0].play = inline))).toEqual([{ path: 'healthModel.bands[0].play', message: expect.stringMatching(/nests \d+ levels/) }]);
  });

  it('refuses a paragraph whose markers would make the lexer rescan it (quadratic cost)', () => {
    const errors = errorsOf((p) => (p.competitors[2].battlecard.summary = `${'*a'.repeat(1_000)}${'b'.repeat(18_000)}`));
    expect(errors).toEqual([{ path: 'competitors[2].battlecard.summary', message: expect.stringMatching(/paragraph at line 1 has 1,000 Markdown markers in 20,000 characters/) }]);
  });

  it('stops converting when the whole pack takes too long (the clock is the backstop)', () => {
    const ok = validatePack(validPack());
    if (!ok.ok) throw new Error('sample invalid');
    let t = 0;
    const { errors, derived } = deriveRich(ok.pack, () => (t += MAX_MARKDOWN_TOTAL_MS / 3));
    expect(errors).toEqual([{ path: expect.any(String), message: expect.stringMatching(/took more than 10 s and stopped here/) }]);
    // What was not converted is kept as plain text, never dropped.
    expect(Object.keys(derived.rich).length).toBeGreaterThan(5);
  });

  it('the refused pack leaves the active pack, and its views, as they were', async () => {
    const s = service();
    const p = validPack();
    p.meta.version = '2.0.0';
    p.competitors[0].battlecard.summary.en = QUOTES;
    expect(await s['pack:import']({ text: JSON.stringify(p), source: 'file:quotes.json' })).toMatchObject({ ok: false, errors: [{ path: 'competitors[0].battlecard.summary.en' }] });
    expect((await s['pack:info']({})).version).toBe('1.0.0');
  });
});

describe('views render the stored tree', () => {
  it('a record view runs no Markdown lexer, and still shows formatting', async () => {
    const s = service();
    const p = validPack();
    p.meta.version = '1.1.0';
    p.competitors[0].battlecard.summary = { en: '**Bold claim** and a [link](https://example.com/x)', 'zh-CN': '**加粗**' };
    expect((await s['pack:import']({ text: JSON.stringify(p), source: 'file:next.json' })).ok).toBe(true);
    const stored = await db.get('packs', 'active');
    expect(stored?.derived?.rich['competitors[0].battlecard.summary']).toMatchObject({ en: [{ t: 'p' }], 'zh-CN': [{ t: 'p' }] });

    const lex = vi.spyOn(Lexer.prototype, 'lex');
    const fresh = service(); // a worker that just woke up
    const en = await fresh['view:get']({ ctx: opportunity, lang: 'en' });
    const zh = await fresh['view:get']({ ctx: opportunity, lang: 'zh-CN' });
    expect(lex).not.toHaveBeenCalled();
    expect(en.cards[0].summary).toEqual([{ t: 'p', c: [{ t: 'b', c: ['Bold claim'] }, ' and a ', { t: 'a', href: 'https://example.com/x', c: ['link'] }] }]);
    expect(zh.cards[0].summary).toEqual([{ t: 'p', c: [{ t: 'b', c: ['加粗'] }] }]);
    expect(en.stage?.guidance?.length).toBeGreaterThan(0);
  });

  it('a pack stored by an older version (no trees, hostile Markdown) still renders, as plain text, quickly', async () => {
    const p = validatePack(validPack());
    if (!p.ok) throw new Error('sample invalid');
    const old = structuredClone(p.pack);
    old.competitors[0].battlecard.summary = QUOTES;
    old.playbooks[0].stages.forEach((st) => (st.guidance = EMPHASIS));
    await db.put('packs', { pack: old, importedAt: NOW.toISOString(), source: 'file:old.json' }, 'active');
    const s = service();
    const t0 = performance.now();
    const view = await s['view:get']({ ctx: opportunity, lang: 'en' });
    const again = await s['view:get']({ ctx: opportunity, lang: 'en' });
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(view.cards[0].summary).toEqual([{ t: 'p', c: [QUOTES] }]);
    expect(again.stage?.guidance).toEqual([{ t: 'p', c: [EMPHASIS] }]);
  });
});
