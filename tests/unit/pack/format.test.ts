import { describe, expect, it } from 'vitest';
import { canonicalOrder, formatPackJson } from '../../../utils/pack/authoring/format';

describe('pack JSON layout', () => {
  it('orders keys as the format defines them, leaving locale maps and unknown keys in place', () => {
    const out = canonicalOrder({
      accounts: [],
      meta: { version: '1.0.0', id: 'x', formatVersion: 1, name: { 'zh-CN': '包', en: 'Pack' } },
      competitors: [{ reviewEvery: 1, id: 'a', typo: true, battlecard: { proofPoints: [], summary: 's' } }],
    });
    expect(Object.keys(out)).toEqual(['meta', 'competitors', 'accounts']);
    expect(Object.keys(out.meta)).toEqual(['formatVersion', 'id', 'name', 'version']);
    expect(Object.keys(out.meta.name)).toEqual(['zh-CN', 'en']);
    expect(Object.keys(out.competitors[0])).toEqual(['id', 'battlecard', 'reviewEvery', 'typo']);
    expect(Object.keys(out.competitors[0].battlecard)).toEqual(['summary', 'proofPoints']);
  });

  it('keeps short containers on one line and expands long ones', () => {
    const text = formatPackJson({ a: ['en', 'zh-CN'], b: { c: 'x'.repeat(120) }, d: [], e: {} }, 60);
    expect(text).toBe(`{\n  "a": ["en", "zh-CN"],\n  "b": {\n    "c": "${'x'.repeat(120)}"\n  },\n  "d": [],\n  "e": {}\n}\n`);
    expect(JSON.parse(text)).toEqual({ a: ['en', 'zh-CN'], b: { c: 'x'.repeat(120) }, d: [], e: {} });
  });
});
