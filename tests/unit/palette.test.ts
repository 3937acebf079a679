import { describe, expect, it } from 'vitest';
import { buildPaletteIndex, tokenize } from '../../utils/search/palette';
import { validatePack } from '../../utils/pack/validate';
import sample from '../../assets/sample-pack.json';

const r = validatePack(sample);
if (!r.ok) throw new Error('sample pack invalid');
const index = buildPaletteIndex(r.pack);
const keys = (q: string, lang = 'en') => index.search(q, lang).map((h) => `${h.kind}:${h.id}`);

describe('Ctrl+K palette search', () => {
  it('splits Chinese into characters and bigrams and keeps Latin words whole', () => {
    expect(tokenize('上海云杉 Tech-Co')).toEqual(['tech', 'co', '上', '上海', '海', '海云', '云', '云杉', '杉']);
  });

  it('finds a Chinese account by part of its name, with no spaces to split on', () => {
    expect(keys('云杉')[0]).toBe('account:yunshan');
  });

  it('forgives a typo in a Latin name', () => {
    expect(keys('northwnd')[0]).toBe('account:northwind');
    expect(keys('globx')[0]).toBe('competitor:globex');
  });

  it('finds objections by their words and says whose card holds them', () => {
    const hit = index.search('ELA', 'en').find((h) => h.kind === 'objection');
    expect(hit?.competitorId).toBe('globex');
  });

  it('finds accounts by domain and scenarios by industry', () => {
    expect(keys('initech.com').sort()).toEqual(['account:initech', 'account:initech-labs']);
    expect(keys('retail').some((k) => k.startsWith('scenario:'))).toBe(true);
  });

  it('shows objection titles in the UI language', () => {
    const en = index.search('数策', 'en').find((h) => h.kind === 'objection')!;
    const zh = index.search('数策', 'zh-CN').find((h) => h.id === en.id)!;
    expect(zh.title).not.toBe(en.title);
    expect(zh.title).toMatch(/[\u4e00-\u9fff]/);
  });

  it('returns nothing for an empty query', () => {
    expect(index.search('   ', 'en')).toEqual([]);
  });
});
