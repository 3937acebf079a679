/**
 * Every number in the format has a range: a pack with `reviewEvery: 1e20` (or 1e400,
 * which JSON.parse reads as Infinity) is refused with the path, instead of being taken
 * and then breaking the ops report's date arithmetic.
 */
import { describe, expect, it } from 'vitest';
import { openFrontlineDb } from '../../../utils/store/db';
import { createService } from '../../../utils/background/service';
import { validatePack, validatePackText } from '../../../utils/pack/validate';
import { validPack, type Json } from './corpus';

const refusedAt = (edit: (p: Json) => void) => {
  const p = validPack();
  edit(p);
  const r = validatePack(p);
  return r.ok ? [] : r.errors;
};

describe('numbers have sane bounds', () => {
  const cases: [string, (p: Json) => void, string, RegExp][] = [
    ['reviewEvery 1e20', (p) => (p.competitors[0].reviewEvery = 1e20), 'competitors[0].reviewEvery', /from 1 to 3,650/],
    ['reviewEvery 0', (p) => (p.competitors[0].reviewEvery = 0), 'competitors[0].reviewEvery', /from 1 to 3,650/],
    ['a measure weight of 1e300', (p) => (p.healthModel.measures[0].weight = 1e300), 'healthModel.measures[0].weight', /0 to 1,000/],
    ['a threshold of -1e30', (p) => (p.healthModel.measures[0].thresholds.poor = -1e30), 'healthModel.measures[0].thresholds.poor', /-1e12 to 1e12/],
    ['an arr of 1e25', (p) => (p.accounts[0].arr = 1e25), 'accounts[0].arr', /0 to 1e13/],
    ['a signal of 5e15', (p) => (p.accounts[0].health[0].signals[Object.keys(p.accounts[0].health[0].signals)[0]] = 5e15), 'accounts[0].health[0].signals', /-1e12 to 1e12/],
  ];
  for (const [name, edit, path, message] of cases) {
    it(`refuses ${name}, naming ${path}`, () => {
      const errors = refusedAt(edit);
      expect(errors.some((e) => e.path.startsWith(path) && message.test(e.message)), JSON.stringify(errors.slice(0, 3))).toBe(true);
    });
  }

  it('refuses 1e400 (Infinity once parsed) in the file text', () => {
    const text = JSON.stringify(validPack()).replace(/"reviewEvery":\s*\d+/, '"reviewEvery": 1e400');
    const r = validatePackText(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].path).toBe('competitors[0].reviewEvery');
  });

  it('the pack that would have broken the ops report is refused, and the report still works', async () => {
    const db = await openFrontlineDb('frontline-numbers');
    const s = createService({ getDb: async () => db, now: () => new Date('2026-11-23T10:00:00Z') });
    const p = validPack();
    p.meta.version = '9.0.0';
    p.competitors[0].reviewEvery = 1e20;
    const r = await s['pack:import']({ text: JSON.stringify(p), source: 'test' });
    expect(r.ok).toBe(false);
    const report = await s['ops:report']({});
    expect(report.dueSoon.concat(report.stale.flatMap((g) => g.cards)).every((c) => /^\d{4}-\d{2}-\d{2}$/.test(c.dueOn))).toBe(true);
  });
});
