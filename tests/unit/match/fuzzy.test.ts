import { describe, expect, it } from 'vitest';
import { diceSimilarity, FuzzyIndex } from '../../../utils/match/fuzzy';
import { buildIndex } from '../../../utils/match/index';
import { lookupAccountName } from '../../../utils/match/match';
import { normalizeName } from '../../../utils/match/normalize';
import { account, makePack } from './packs';

describe('fuzzy name index', () => {
  it('agrees with brute-force Dice over thousands of Latin and CJK names', () => {
    let seed = 7;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const latin = 'abcdefghijklmnopqrstuvwxyz';
    const han = '星云科技数据蓝海信息金山智能华为腾讯阿里巴';
    // Mixed names too: spaces (skipped), digits, a non-ASCII Latin letter, Latin beside Han
    // (the index takes two-ASCII bigrams by a faster road than the others).
    const mixed = `${latin.slice(0, 6)}${han.slice(0, 4)}09 é`;
    const pools = [han, latin, latin, mixed];
    const names = Array.from({ length: 4000 }, (_, i) => {
      const pool = pools[i % 4];
      const len = 3 + Math.floor(rnd() * 8);
      return Array.from({ length: len }, () => pool[Math.floor(rnd() * pool.length)]).join('');
    });
    // One character is its own "bigram"; repeats count once.
    names.push('a', '华', 'a b', ' ab ', 'abab', 'a华b', 'é', 'é1');
    const fz = new FuzzyIndex(names);
    for (const q of [names[5], names[6].slice(1), `${names[9]}x`, names[12].slice(0, -1), names[15], names[3998], '星云科技', 'zzzz', 'a', '华', 'ab ab', 'a华', 'é1']) {
      const want = names
        .map((n, entry) => ({ entry, score: diceSimilarity(q, n) }))
        .filter((h) => h.score >= 0.6)
        .sort((a, b) => b.score - a.score || a.entry - b.entry)
        .slice(0, 10);
      const got = fz.search(q, 0.6, 10);
      expect(got.map((h) => h.entry)).toEqual(want.map((h) => h.entry));
      got.forEach((h, i) => expect(h.score).toBeCloseTo(want[i].score));
    }
  });

  it('lookupAccountName: exact names and aliases first, then fuzzy', () => {
    const pack = makePack({
      accounts: [
        account('hooli', 'Hooli Industries', { aliases: ['Hooli'] }),
        account('hoolix', 'Hoolix Industries'),
        account('xy', '星云科技有限公司'),
      ],
    });
    const index = buildIndex(pack);
    expect(lookupAccountName(index, 'HOOLI INDUSTRIES, INC.')[0]).toEqual({ accountId: 'hooli', name: 'Hooli Industries', score: 1, kind: 'name' });
    expect(lookupAccountName(index, 'hooli').map((h) => [h.accountId, h.kind])[0]).toEqual(['hooli', 'alias']);
    const fuzzy = lookupAccountName(index, 'Hooli Industrys');
    expect(fuzzy.map((h) => h.kind)).toEqual(['fuzzy', 'fuzzy']);
    expect(fuzzy.map((h) => h.accountId).sort()).toEqual(['hooli', 'hoolix']);
    expect(lookupAccountName(index, '星云科技')[0].accountId).toBe('xy');
    expect(lookupAccountName(index, '   ')).toEqual([]);
    expect(normalizeName('星云科技有限公司')).toBe('星云科技');
  });
});
