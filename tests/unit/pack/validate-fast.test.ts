import { describe, expect, it } from 'vitest';
import { validatePack } from '../../../utils/pack/validate';
import { synthPack } from '../../../scripts/bench/synth';
import { ID_PATTERN, isId } from '../../../utils/pack/primitives';
import { MAX_DEPTH, MAX_STRING } from '../../../utils/pack/limits';

/**
 * The fast path over large account lists (utils/pack/validateAccounts.ts) must say
 * exactly what valibot over the whole pack says: the same pack out (values, defaults,
 * key order), the same errors with the same paths in the same order.
 */
const base = JSON.stringify(synthPack({ accounts: 400, seed: 9 }).pack);
const both = (mutate: (p: any) => void) => {
  const a = JSON.parse(base);
  mutate(a);
  const b = JSON.parse(base);
  mutate(b);
  return [validatePack(a), validatePack(b, { wholeValibot: true })];
};

describe('validation of large account lists', () => {
  it('outputs what valibot outputs: trimmed, lower-cased, defaults, keys in schema order', () => {
    const [fast, whole] = both((p) => {
      p.accounts[1].name = '  Padded Name ';
      p.accounts[2].domains = [' UPPER.Example.COM '];
      Object.assign(p.accounts[3], { region: 'EMEA', owner: ' o ', arr: 5, currency: 'USD' });
      p.accounts[4] = { stage: { stageId: 'nb1', playbookId: 'nb' }, ...p.accounts[4] };
      p.accounts[5].health[0].note = 'hello';
      for (const k of ['health', 'aliases', 'competitors', 'domains', 'crmIds']) delete p.accounts[6][k];
      p.accounts[7].crmIds = { hubspot: ['123'], salesforce: [' x '] };
      p.accounts[8].health[0] = { signals: { nps: 1 }, date: '2026-01-01' };
    });
    expect(fast.ok && whole.ok).toBe(true);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(whole));
  });

  it('outputs what valibot outputs for every account field, in any key order, with a lifecycle', () => {
    const [fast, whole] = both((p) => {
      p.healthModel.profiles = [{ id: 'p1', label: 'Onboarding', weights: { usage: 1 } }];
      const full = {
        lifecycle: 'p1', stack: [' Kafka', 'Snowflake'], health: [{ date: '2026-01-01', signals: { usage: 1 } }], currency: 'EUR', arr: 1e6, renewalDate: '2026-05-01T10:00:00Z',
        stage: { playbookId: 'nb', stageId: 'nb2' }, competitors: ['c1'], owner: 'o', region: 'EMEA', industry: 'Retail', segment: 'SMB',
        crmIds: { salesforce: ['001A'], hubspot: ['9'] }, domains: ['full.example.com'], aliases: ['Full'], name: 'Full Co', id: 'full',
      };
      p.accounts[1] = full;
      p.accounts[2] = Object.fromEntries(Object.entries(full).reverse().map(([k, x]) => [k, k === 'id' ? 'full2' : x]));
      p.accounts[3].lifecycle = 'p1';
      p.accounts[4].stage = { playbookId: 'nb', stageId: 'nb1' };
    });
    expect(fast.ok && whole.ok).toBe(true);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(whole));
  });

  it.each<[string, (p: any) => void]>([
    ['blank name, bad domain, signal out of range', (p) => { p.accounts[3].name = '  '; p.accounts[10].domains = ['bad domain']; p.accounts[11].health[1].signals.usage = 1e20; }],
    ['unknown fields beside errors elsewhere in the pack', (p) => { p.accounts[5].extra = 1; p.meta.id = '!!'; p.healthModel.bands = 'x'; p.zzz = 1; }],
    ['accounts that are not objects, a missing section', (p) => { p.accounts[7] = 'str'; p.accounts[8] = null; p.accounts[9].crmIds = { nope: ['1'] }; delete p.competitors; }],
    ['notes and stages', (p) => { p.accounts[1].health[0].note = { en: '' }; p.accounts[2].health[0].note = { xx_1: 'a' }; p.accounts[4].stage = { playbookId: 'nb' }; }],
    ['numbers, codes, dates, ids, alias types', (p) => { p.accounts[12].arr = -1; p.accounts[13].currency = 'usd'; p.accounts[14].renewalDate = '2026-02-30'; p.accounts[15].competitors = ['c1', '']; p.accounts[16].aliases = [3]; }],
    ['missing fields, wrong containers', (p) => { delete p.accounts[20].id; delete p.accounts[21].name; p.accounts[22].health = {}; p.accounts[23].health[0].signals = []; p.accounts[24].health[0].date = 5; }],
    ['bad signal keys and values', (p) => { p.accounts[30].health[0].signals['bad key'] = 1; p.accounts[31].health[0].signals.nps = 'x'; p.playbooks[0].stages = []; p.meta.locales = []; }],
    ['more errors than are listed', (p) => { for (const a of p.accounts) a.domains = ['-x.com', 'y']; }],
    ['nested unknown fields', (p) => { p.accounts[40].health[0].extra = 1; p.accounts[41].crmIds = []; p.accounts[42].crmIds = { salesforce: 'x' }; p.accounts[43].stage = { playbookId: 'nb', stageId: 'x', z: 1 }; }],
    ['meaning errors after a valid shape', (p) => { p.accounts[2].competitors.push('nobody'); p.accounts[3].id = p.accounts[0].id; p.accounts[4].health[0].signals.mood = 5; }],
    ['repeated snapshot dates, unknown stages', (p) => { p.accounts[5].health[2].date = p.accounts[5].health[0].date; p.accounts[6].stage = { playbookId: 'nb', stageId: 'poc1' }; p.accounts[7].stage = { playbookId: 'zz', stageId: 'nb1' }; }],
    ['lifecycles: not an id, no such profile', (p) => { p.accounts[3].lifecycle = '!!'; p.accounts[4].lifecycle = 'p1'; p.accounts[5].lifecycle = 3; }],
    // The structure walk skips the accounts the fast path passes: it must pass none of these.
    ['undecodable text in accounts', (p) => { p.accounts[3].name = 'Acme \uFFFD'; p.accounts[4].aliases = ['x\uFFFD']; p.accounts[5].crmIds.salesforce = ['\uFFFD']; p.accounts[6].segment = '\uFFFD'; p.accounts[7].stack = ['\uFFFD']; }],
    ['over-long texts in accounts', (p) => { const long = 'a'.repeat(MAX_STRING + 1); p.accounts[3].name = long; p.accounts[4].domains = [`${' '.repeat(MAX_STRING)}a.com`]; p.accounts[5].renewalDate = `2026-01-01T00:00:00.${'0'.repeat(MAX_STRING)}Z`; p.accounts[6].health[0].date = `2026-01-01T${'0'.repeat(MAX_STRING)}`; p.accounts[7].industry = long; }],
    ['forbidden keys in accounts', (p) => { p.accounts[3] = JSON.parse('{"id":"x3","name":"n","__proto__":{"id":"y"}}'); p.accounts[4].health[0].signals = JSON.parse('{"__proto__":1,"usage":2}'); p.accounts[5].constructor = 1; p.accounts[6].crmIds = JSON.parse('{"prototype":["1"]}'); p.accounts[7].stage = JSON.parse('{"playbookId":"nb","stageId":"nb1","__proto__":{}}'); }],
    ['nesting too deep in an account', (p) => { let deep: unknown = 'x'; for (let i = 0; i < MAX_DEPTH + 2; i++) deep = [deep]; p.accounts[3].aliases = deep; p.accounts[4].health[0].signals = { usage: deep }; }],
  ])('reports what valibot reports: %s', (_name, mutate) => {
    const [fast, whole] = both(mutate);
    expect(fast.ok).toBe(false);
    expect(fast).toEqual(whole);
  });

  it('isId is ID_PATTERN', () => {
    const samples = ['a', 'A9', '9', '', '-a', '.a', '_a', 'a-b.c_d', 'a b', 'a/b', 'é', 'aé', 'a\n', 'a'.repeat(80), 'a'.repeat(81), '0'.repeat(79) + '-', 'ab\u0000'];
    // And every one- and two-character string of ASCII and a few others.
    const chars = [...Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)), 'é', '\uFFFD', '中'];
    for (const a of chars) for (const b of ['', ...chars]) samples.push(a + b);
    for (const x of samples) expect([x, isId(x)]).toEqual([x, ID_PATTERN.test(x)]);
    for (const x of [1, null, undefined, {}, ['a']]) expect(isId(x)).toBe(false);
  });
});
