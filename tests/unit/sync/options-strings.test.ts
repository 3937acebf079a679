/** The ops console speaks English and Simplified Chinese: every string in both, with the same placeholders. */
import { describe, expect, it } from 'vitest';
import { OPTIONS_STRINGS, ot } from '../../../entrypoints/options/strings';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('options page strings', () => {
  it('has every key in both languages, non-empty, with the same placeholders', () => {
    const { en, 'zh-CN': zh } = OPTIONS_STRINGS;
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en)) {
      const other = (zh as Record<string, string>)[key];
      expect(other.trim(), key).not.toBe('');
      expect(placeholders(other), key).toEqual(placeholders(text));
    }
  });

  it('fills placeholders and uses the singular for one', () => {
    expect(ot('en', 'rejected', { count: 5 })).toBe('Not imported: 5 problems. The active pack is unchanged.');
    expect(ot('en', 'rejected', { count: 1 })).toBe('Not imported: 1 problem. The active pack is unchanged.');
    expect(ot('zh-CN', 'imported_ok', { name: '包', version: '1.2.0' })).toBe('已启用 包 v1.2.0。');
  });
});
