import { describe, expect, it } from 'vitest';
import { cases } from './cases';
import { runCase, score } from './run';

describe('matcher evaluation set', () => {
  it('has at least 80 labelled cases with unique ids', () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });

  for (const c of cases) {
    it(`${c.id}: ${c.note}`, () => {
      expect(runCase(c).failures).toEqual([]);
    });
  }

  it('scores perfect precision and recall on the set', () => {
    const s = score(cases.map((c) => runCase(c)));
    expect(s.accounts.precision).toBe(1);
    expect(s.accounts.recall).toBe(1);
    expect(s.competitors.precision).toBe(1);
    expect(s.competitors.recall).toBe(1);
  });
});
