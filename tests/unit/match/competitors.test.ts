import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../utils/match/index';
import { matchPage } from '../../../utils/match/match';
import { buildCompetitorIndex, FoundBuffer } from '../../../utils/match/competitors';
import { detectCompetitors, hitOrder, snippet } from '../../../utils/match/detectCompetitors';
import { account, competitor, makePack, page } from './packs';

const pack = makePack({
  competitors: [
    competitor('globex', 'Globex', { aliases: ['Globex Cloud', '格洛贝'], keywords: ['pricing'] }),
    competitor('oracle', 'Oracle', {
      aliases: [{ text: 'Oracle', caseSensitive: true }, '甲骨文', 'Oracle Cloud'],
      exclusions: ['the oracle of', 'oracle of delphi'],
    }),
    competitor('beacon', 'Beacon Analytics', {
      aliases: [{ text: 'Beacon', caseSensitive: true, needsContext: true }, 'Beacon Analytics'],
      keywords: ['CDP', 'segment builder'],
    }),
    competitor('initech', 'Initech', { aliases: ['INITECH', 'Initrode'] }),
    competitor('sap', 'SAP', { aliases: [{ text: 'SAP', caseSensitive: true }, 'SAP中国'] }),
  ],
  accounts: [
    account('acme', 'Acme', { domains: ['acme.com'], competitors: ['initech'] }),
    account('plain', 'Plain Co', { domains: ['plain.com'] }),
  ],
});
const index = buildIndex(pack);
const ids = (text: string, extra: Parameters<typeof page>[0] = {}) => matchPage(index, page({ text, ...extra })).competitors.map((c) => c.competitorId);

describe('competitor mentions', () => {
  it('respects Latin word boundaries', () => {
    expect(ids('We looked at Globexx last year.')).toEqual([]);
    expect(ids('We looked at Globex, and it was fine.')).toEqual(['globex']);
    expect(ids('globex-based setup')).toEqual(['globex']);
    expect(ids('MyGlobex tool')).toEqual([]);
    expect(ids("Globex's roadmap")).toEqual(['globex']);
  });

  it('finds CJK aliases inside a Chinese sentence with no spaces', () => {
    expect(ids('客户目前使用甲骨文数据库，正在评估')).toEqual(['oracle']);
    expect(ids('他们也联系了格洛贝的销售')).toEqual(['globex']);
    // A Latin alias between CJK characters still has boundaries on both sides.
    expect(ids('我们用Globex的产品')).toEqual(['globex']);
    expect(ids('在SAP中国的会议上')).toEqual(['sap']);
  });

  it('full-width Latin counts', () => {
    expect(ids('对手是ＧＬＯＢＥＸ')).toEqual(['globex']);
  });

  it('case-sensitive alias: "Oracle" counts, "oracle" does not', () => {
    expect(ids('They run Oracle for finance.')).toEqual(['oracle']);
    expect(ids('He is the team oracle on billing.')).toEqual([]);
    expect(ids('SAP is in the deal')).toEqual(['sap']);
    expect(ids('sap flows in spring')).toEqual([]);
  });

  it('exclusion phrases cancel the hit they cover', () => {
    expect(ids('Ask The Oracle of Omaha about Oracle licensing')).toEqual(['oracle']);
    const r = matchPage(index, page({ text: 'Ask The Oracle of Omaha about it' }));
    expect(r.competitors).toEqual([]);
    expect(ids('Like the Oracle of Delphi, he knew.')).toEqual([]);
  });

  it('needsContext + case-sensitive: "beacon of hope" no; "Beacon" with "CDP" yes; lower-case "beacon" no', () => {
    expect(ids('This project is a beacon of hope.')).toEqual([]);
    expect(ids('Beacon was mentioned once.')).toEqual([]);
    expect(ids('They compare us with Beacon for the CDP rollout.')).toEqual(['beacon']);
    expect(ids('They compare us with beacon for the CDP rollout.')).toEqual([]);
    // The full name needs no context.
    expect(ids('beacon analytics sent a quote')).toEqual(['beacon']);
    // Context may sit in the subject.
    expect(ids('Beacon is pushing hard', { subject: 'CDP evaluation' })).toEqual(['beacon']);
  });

  it('the longest alias wins: "Oracle Cloud" is one mention', () => {
    const r = matchPage(index, page({ text: 'Moving off Oracle Cloud next year.' }));
    expect(r.competitors[0]).toMatchObject({ competitorId: 'oracle', mentionCount: 1 });
    expect(r.competitors[0].mentions[0].text).toBe('Oracle Cloud');
  });

  it('counts mentions and keeps up to three snippets with ellipses', () => {
    const filler = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor';
    const text = `${filler} Globex one. ${filler}\n\n  Globex   two ${filler} Globex three ${filler} Globex four ${filler}`;
    const r = matchPage(index, page({ text }));
    const g = r.competitors[0];
    expect(g.mentionCount).toBe(4);
    expect(g.mentions).toHaveLength(3);
    for (const m of g.mentions) {
      expect(m.text).toBe('Globex');
      expect(m.snippet).toMatch(/^….*Globex.*…$/);
      expect(m.snippet).not.toMatch(/\s\s|\n/);
      expect(m.snippet.length).toBeLessThanOrEqual(80);
    }
    expect(g.reasons[0]).toMatchObject({ code: 'mentions', params: { count: 4 } });
  });

  it('snippet at the very start has no leading ellipsis', () => {
    expect(snippet('Globex is here', 0, 6)).toBe('Globex is here');
  });

  it('a keyword raises confidence and is named in the reason', () => {
    const plain = matchPage(index, page({ text: 'Globex came up.' })).competitors[0];
    const withKw = matchPage(index, page({ text: 'Globex came up on pricing.' })).competitors[0];
    expect(withKw.confidence).toBeGreaterThan(plain.confidence);
    expect(withKw.reasons[0].params.keyword).toBe('pricing');
  });
});

describe('competitor ranking', () => {
  it('CRM field > in play > mentions by count', () => {
    const r = matchPage(
      index,
      page({
        site: 'salesforce',
        recordType: 'opportunity',
        domains: ['acme.com'],
        competitorsField: ['Oracle Corporation'],
        text: 'Globex Globex Globex. SAP once. Initrode.',
      }),
    );
    expect(r.accountId).toBe('acme');
    expect(r.competitors.map((c) => c.competitorId)).toEqual(['oracle', 'initech', 'globex', 'sap']);
    expect(r.competitors[0].sources).toEqual(['crm_field']);
    expect(r.competitors[0].reasons[0]).toEqual({ code: 'crm_field', params: { competitor: 'Oracle', competitorId: 'oracle', value: 'Oracle Corporation' } });
    expect(r.competitors[1].sources).toEqual(['in_play', 'mentions']);
    expect(r.competitors[1].reasons[0]).toMatchObject({ code: 'in_play', params: { account: 'Acme' } });
    expect(r.competitors[2].mentionCount).toBe(3);
  });

  it('a multi-value CRM field and an alias inside a value', () => {
    const r = matchPage(index, page({ competitorsField: ['Globex; Initrode', 'lost to Beacon Analytics'] }));
    expect(r.competitors.map((c) => c.competitorId).sort()).toEqual(['beacon', 'globex', 'initech']);
    expect(r.competitors.every((c) => c.sources[0] === 'crm_field')).toBe(true);
  });

  it('in play only applies to the matched account', () => {
    expect(matchPage(index, page({ domains: ['plain.com'] })).competitors).toEqual([]);
    expect(matchPage(index, page({ domains: ['acme.com'] })).competitors.map((c) => c.competitorId)).toEqual(['initech']);
  });
});

describe('detectCompetitors directly', () => {
  it('works without a pack index and ignores empty texts', () => {
    const ci = buildCompetitorIndex(pack.competitors);
    const out = detectCompetitors(ci, { texts: [null, '', 'INITECH and Globex'], crmField: [], inPlay: [] });
    expect(out.map((c) => [c.competitorId, c.mentionCount])).toEqual([
      ['globex', 1],
      ['initech', 1],
    ]);
  });
});

describe('mention snippets', () => {
  /** The snippet as it was first written, with regular expressions: the character loops must give the same text. */
  const reference = (text: string, start: number, end: number, side: number) => {
    let a = Math.max(0, start - side);
    let b = Math.min(text.length, end + side);
    if (a > 0) {
      const sp = text.slice(a, start).search(/\s/);
      if (sp >= 0 && a + sp + 1 < start) a = a + sp + 1;
    }
    if (b < text.length) {
      const m = /\s(?=\S*$)/.exec(text.slice(end, b));
      if (m && m.index > 0) b = end + m.index;
    }
    return `${a > 0 ? '…' : ''}${text.slice(a, b).replace(/\s+/g, ' ').trim()}${b < text.length ? '…' : ''}`;
  };

  it('cut and collapse whitespace of every kind as the regular expressions did', () => {
    let seed = 3;
    const r = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const parts = ['a', 'b', ' ', '  ', '\n', '\t', '\u00a0', '\u3000', 'x', '中', '\u2028', '\ufeff', '\u200b', '\u0085', ' \n '];
    for (let k = 0; k < 20000; k++) {
      let t = 'w';
      for (let i = Math.floor(r() * 100); i > 0; i--) t += parts[Math.floor(r() * parts.length)];
      const start = Math.floor(r() * t.length);
      const end = Math.min(t.length, start + 1 + Math.floor(r() * 8));
      const side = 1 + Math.floor(r() * 40);
      expect(snippet(t, start, end, side)).toBe(reference(t, start, end, side));
    }
  });
});

describe('hit order (leftmost-longest needs hits by text, start, longer first)', () => {
  it('is the order a comparator sort gives, for hits in any order, ties in scan order', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
    for (let round = 0; round < 200; round++) {
      const f = new FoundBuffer();
      const n = rand(60);
      // Mostly by end, as the scan emits them, with overlaps, equal hits and a second text.
      let end = 0;
      for (let k = 0; k < n; k++) {
        end += rand(3);
        const len = 1 + rand(8);
        f.push(rand(5), k, rand(4) === 0 ? 1 : 0, Math.max(0, end - len), end);
      }
      const expected = Array.from({ length: n }, (_, k) => k).sort(
        (x, y) => f.text[x] - f.text[y] || f.start[x] - f.start[y] || f.end[y] - f.start[y] - (f.end[x] - f.start[x]) || x - y,
      );
      expect([...hitOrder(f)]).toEqual(expected);
    }
  });

  it('stays the same order on text that nests hits far more than prose (the fallback sort)', () => {
    const f = new FoundBuffer();
    // Every hit starts before all the earlier ones: each would move past every row before it.
    for (let k = 0; k < 500; k++) f.push(0, k, 0, 1000 - k, 1000 + k);
    const order = [...hitOrder(f)];
    expect(order).toEqual(Array.from({ length: 500 }, (_, k) => 499 - k));
  });
});
