import { describe, expect, it } from 'vitest';
import { validatePack } from '../../../utils/pack/validate';
import { synthPack } from '../../../scripts/bench/synth';

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
  ])('reports what valibot reports: %s', (_name, mutate) => {
    const [fast, whole] = both(mutate);
    expect(fast.ok).toBe(false);
    expect(fast).toEqual(whole);
  });
});
