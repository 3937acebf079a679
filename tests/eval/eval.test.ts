import { describe, expect, it } from 'vitest';
import { cases } from './cases';
import { runCase, score } from './run';
import { traps } from './traps';

describe('matcher evaluation set', () => {
  it('has at least 80 labelled cases and 40 traps, with unique ids', () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
    expect(traps.length).toBeGreaterThanOrEqual(40);
    const all = [...cases, ...traps];
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
  });

  for (const c of [...cases, ...traps]) {
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

  it('shows no false card on the traps', () => {
    const s = score(traps.map((c) => runCase(c)));
    expect(s.competitors.fp).toBe(0);
    expect(s.accounts.fp).toBe(0);
    expect(s.competitors.recall).toBe(1);
  });
});
