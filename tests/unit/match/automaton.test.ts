import { describe, expect, it } from 'vitest';
import { Automaton, buildAutomaton, foldString, isWordCode, type Hit, type PatternSpec } from '../../../utils/match/automaton';

/** The obvious matcher: indexOf over a folded copy, with the same boundary and case rules. */
function naive(patterns: PatternSpec[], text: string): Hit[] {
  const ft = foldString(text);
  const out: Hit[] = [];
  patterns.forEach((p, pi) => {
    const t = p.text.normalize('NFKC');
    const fp = foldString(t);
    if (!fp) return;
    for (let i = ft.indexOf(fp); i >= 0; i = ft.indexOf(fp, i + 1)) {
      const end = i + fp.length;
      if (isWordCode(t.charCodeAt(0)) && i > 0 && isWordCode(text.charCodeAt(i - 1))) continue;
      if (isWordCode(t.charCodeAt(t.length - 1)) && end < text.length && isWordCode(text.charCodeAt(end))) continue;
      if (p.caseSensitive && text.slice(i, end) !== t) continue;
      out.push({ patternIndex: pi, start: i, end });
    }
  });
  return out;
}

const sortHits = (h: Hit[]) => [...h].sort((a, b) => a.start - b.start || a.end - b.end || a.patternIndex - b.patternIndex);

/** Deterministic PRNG (mulberry32). */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('Aho-Corasick automaton', () => {
  it('reports overlapping matches with aligned offsets', () => {
    const a = buildAutomaton(['he', 'she', 'his', 'hers', 'ushers']);
    const text = 'ushers';
    const hits = sortHits(a.scan(text));
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(['ushers']);
  });

  it('checks case against the original text at the same offsets', () => {
    const a = buildAutomaton([{ text: 'Beacon', caseSensitive: true }, 'beacon']);
    const text = 'BEACON Beacon beacon ＢＥＡＣＯＮ Ｂｅａｃｏｎ';
    const hits = sortHits(a.scan(text));
    expect(hits.filter((h) => h.patternIndex === 0).map((h) => text.slice(h.start, h.end))).toEqual(['Beacon', 'Ｂｅａｃｏｎ']);
    expect(hits.filter((h) => h.patternIndex === 1)).toHaveLength(5);
  });

  it('keeps offsets aligned after characters whose lower case is longer (İ)', () => {
    // "İ".toLowerCase() is two code units; the per-code-unit fold keeps one.
    const a = buildAutomaton(['globex']);
    const text = 'İİİ Globex';
    const [h] = a.scan(text);
    expect(text.slice(h.start, h.end)).toBe('Globex');
  });

  it('no boundaries for CJK, boundaries for Latin, mixed ends handled per end', () => {
    const a = buildAutomaton(['甲骨文', 'SAP中国', 'C++']);
    const text = '使用甲骨文数据库, XSAP中国, 用SAP中国的, C++x';
    const got = a.scan(text).map((h) => text.slice(h.start, h.end));
    expect(got).toEqual(['甲骨文', 'SAP中国', 'C++']);
  });

  it('agrees with a naive matcher on random patterns and text (Latin, CJK, case)', () => {
    const r = rng(42);
    const latin = 'abcdeABCDE  -.';
    const cjk = '甲骨文中国数据库';
    const pick = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[Math.floor(r() * alphabet.length)]).join('');
    for (let round = 0; round < 40; round++) {
      const patterns: PatternSpec[] = [];
      for (let i = 0; i < 30; i++) {
        const len = 1 + Math.floor(r() * 5);
        const text = r() < 0.3 ? pick(cjk, len) : r() < 0.1 ? pick(latin, len) + pick(cjk, 1) : pick('abcdeABCDE', len);
        if (text.trim()) patterns.push({ text, caseSensitive: r() < 0.3 });
      }
      const text = pick(latin + cjk, 400);
      const want = sortHits(naive(patterns, text));
      const built = buildAutomaton(patterns, { narrowWidth: 2 + Math.floor(r() * 12) });
      expect(sortHits(built.scan(text))).toEqual(want);
      // As a woken worker has it: its tables back from one structured clone.
      expect(sortHits(new Automaton(structuredClone(built.toData())).scan(text))).toEqual(want);
      expect(sortHits(buildAutomaton(patterns).scan(text))).toEqual(want);
    }
  });

  it('handles many patterns sharing prefixes and a pattern that is a suffix of another', () => {
    const words = ['oracle', 'oracle cloud', 'cloud', 'racle', 'e', 'cle c'];
    const a = buildAutomaton(words);
    const text = 'Oracle Cloud';
    expect(sortHits(a.scan(text))).toEqual(sortHits(naive(words.map((w) => ({ text: w })), text)));
  });

  it('an empty automaton finds nothing', () => {
    expect(buildAutomaton([]).scan('anything')).toEqual([]);
  });
});

describe('the fold table', () => {
  it('equals the one-toLowerCase-per-code-unit table for every code unit', async () => {
    const { foldTable, foldTableReference } = await import('../../../utils/match/fold');
    const fast = foldTable();
    const plain = foldTableReference();
    const differ: string[] = [];
    for (let c = 0; c < 65536; c++) if (fast[c] !== plain[c]) differ.push(c.toString(16));
    expect(differ).toEqual([]);
  });
});
