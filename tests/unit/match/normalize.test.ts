/**
 * Name normalisation takes shortcuts for the names most packs are made of (plain ASCII,
 * Han only); each must give the key the general path (NFKC, Unicode punctuation and
 * spacing rules) gives. A trailing no-break space sends any name down the general path
 * without changing its key, so each name is compared with itself plus one.
 */
import { describe, expect, it } from 'vitest';
import { normalizeName } from '../../../utils/match/normalize';

const general = (name: string) => normalizeName(`${name}\u00a0`);

/** Deterministic pseudo-random numbers (the same names on every run). */
function rng(seed: number) {
  let x = seed >>> 0;
  return () => ((x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0) / 2 ** 32;
}

describe('normalizeName: the shortcuts agree with the general path', () => {
  it('ASCII names with legal forms, punctuation and odd spacing', () => {
    const named = [
      'Acme', 'ACME Co., Ltd.', 'Teandem Software S.A.', 'Gintxyshost Inc.', "O'Neil & Sons", 'The Globex Corporation',
      'Initech  GmbH & Co. KG', ' Hooli ', 'S.A. de C.V.', 'AG', 'Foo-Bar, L.L.C.', 'x.y.z', '...', 'Umbrella (Shanghai) Ltd',
      'Vandelay [China] Industries', 'A1 Pty. Ltd.', 'the inc', 'Pied Piper`s', '  ', '',
    ];
    for (const name of named) expect(normalizeName(name), JSON.stringify(name)).toBe(general(name));
    const r = rng(14);
    const parts = ['acme', 'Globex', 'INITECH', 'co', 'Ltd', 'S.A.', 'inc.', 'the', '&', '-', ',', ' ', '  ', '.', "'", '(', ')', 'de', 'CV', 'GmbH', '42', 'x'];
    for (let k = 0; k < 3000; k++) {
      let name = '';
      for (let n = 1 + Math.floor(r() * 6); n > 0; n--) name += parts[Math.floor(r() * parts.length)] + (r() < 0.6 ? ' ' : '');
      expect(normalizeName(name), JSON.stringify(name)).toBe(general(name));
    }
  });

  it('Han-only names, Traditional folded to Simplified, Chinese legal forms stripped', () => {
    expect(normalizeName('天宇資訊股份有限公司')).toBe('天宇资讯');
    for (const name of ['华为技术有限公司', '大日网络股份有限公司', '恒巴田普医疗集团', '公司', '集团股份有限公司', '臺灣積體電路製造股份有限公司'])
      expect(normalizeName(name), name).toBe(general(name));
  });

  it('every CJK Unified Ideograph, the range the Han shortcut takes', () => {
    const wrong: string[] = [];
    for (let c = 0x4e00; c <= 0x9fff; c++) {
      const name = String.fromCharCode(c, c, 0x516c, 0x53f8); // "xx公司"
      if (normalizeName(name) !== general(name)) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });
});
