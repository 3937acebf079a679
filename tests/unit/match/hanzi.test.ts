/**
 * The Traditional → Simplified map the matcher folds with: generated from the installed
 * opencc-js (scripts/gen-hanzi.ts), decoded in the worker without deriving anything.
 */
import { describe, expect, it } from 'vitest';
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';
import { hanziPairsModule, simplifiedPairs } from '../../../scripts/build/hanziPairs';
import { HANZI_PAIRS } from '../../../utils/match/hanziPairs';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { simplifiedTable, toSimplified } from '../../../utils/match/hanzi';

describe('the Traditional → Simplified map', () => {
  it('is what the generator writes from the installed opencc-js (run scripts/gen-hanzi.ts after an upgrade)', () => {
    expect(readFileSync(resolve(import.meta.dirname, '../../../utils/match/hanziPairs.ts'), 'utf8')).toBe(hanziPairsModule(TS_CHARACTERS));
  });

  it('maps exactly the dictionary pairs, every other code unit to itself', () => {
    const want = new Map(simplifiedPairs(TS_CHARACTERS));
    expect(want.size).toBeGreaterThan(2500);
    const t = simplifiedTable();
    const got: number[] = [];
    const expected: number[] = [];
    for (let c = 0; c < 65536; c++) {
      got.push(t[c] || c);
      expected.push(want.get(c) ?? c);
    }
    expect(got).toEqual(expected);
    expect(HANZI_PAIRS.length).toBeLessThan(20_000);
  });

  it('follows chains to their end, so folding twice changes nothing', () => {
    // 薴 → 苧 → 苎 in the dictionary.
    expect(toSimplified('薴')).toBe('苎');
    expect(toSimplified('苧')).toBe('苎');
    for (const [, s] of simplifiedPairs(TS_CHARACTERS)) expect(toSimplified(String.fromCharCode(s))).toBe(String.fromCharCode(s));
  });

  it('converts names character by character and keeps their length', () => {
    expect(toSimplified('格羅貝斯科技股份有限公司')).toBe('格罗贝斯科技股份有限公司');
    expect(toSimplified('天宇資訊 Acme 網絡')).toBe('天宇资讯 Acme 网络');
    const latin = 'Northwind Traders';
    expect(toSimplified(latin)).toBe(latin);
  });
});
