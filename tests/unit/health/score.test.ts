import { describe, expect, it } from 'vitest';
import { bandFor, daysUntil, scoreHealth, scoreMeasure } from '../../../utils/health/score';
import { buildIndex } from '../../../utils/match/index';
import { matchPage } from '../../../utils/match/match';
import { account, makePack, page } from '../match/packs';

// Model (see packs.ts): usage weight 3, 20→0 … 80→100 (higher better); tickets weight 1, 10→0 … 0→100 (lower better);
// nps weight 2, -20→0 … 50→100. Bands: red ≥0, yellow ≥51, green ≥76.
const snap = (date: string, signals: Record<string, number>) => ({ date, signals });

const pack = makePack({
  accounts: [
    account('full', 'Full', {
      renewalDate: '2026-06-30',
      health: [snap('2026-03-01', { usage: 80, tickets: 0, nps: 50 }), snap('2026-01-01', { usage: 50, tickets: 5, nps: 15 })],
    }),
    account('missing', 'Missing', { health: [snap('2026-03-01', { usage: 50, nps: 15 })] }),
    account('clamped', 'Clamped', { health: [snap('2026-03-01', { usage: 200, tickets: 40, nps: -100 })] }),
    account('none', 'None'),
    account('flat', 'Flat', { health: [snap('2026-02-01', { usage: 50 }), snap('2026-03-01', { usage: 50.2 })] }),
    account('down', 'Down', { renewalDate: '2026-02-15', health: [snap('2026-02-01', { usage: 80 }), snap('2026-03-01', { usage: 41 })] }),
  ],
});
const model = pack.healthModel;
const acc = (id: string) => pack.accounts.find((a) => a.id === id)!;
const NOW = new Date('2026-03-10T15:30:00Z');

describe('scoreMeasure', () => {
  it('maps poor → 0 and good → 100 linearly in both directions, clamped', () => {
    expect(scoreMeasure(20, { poor: 20, good: 80 })).toBe(0);
    expect(scoreMeasure(80, { poor: 20, good: 80 })).toBe(100);
    expect(scoreMeasure(50, { poor: 20, good: 80 })).toBe(50);
    expect(scoreMeasure(10, { poor: 10, good: 0 })).toBe(0);
    expect(scoreMeasure(0, { poor: 10, good: 0 })).toBe(100);
    expect(scoreMeasure(2.5, { poor: 10, good: 0 })).toBe(75);
    expect(scoreMeasure(-5, { poor: 10, good: 0 })).toBe(100);
    expect(scoreMeasure(500, { poor: 20, good: 80 })).toBe(100);
    expect(scoreMeasure(-500, { poor: 20, good: 80 })).toBe(0);
  });
});

describe('scoreHealth', () => {
  it('weights, contributions, history oldest first, trend and delta', () => {
    const h = scoreHealth(model, acc('full'), NOW)!;
    expect(h.score).toBe(100);
    expect(h.bandId).toBe('green');
    expect(h.color).toBe('green');
    expect(h.date).toBe('2026-03-01');
    // Older snapshot: usage 50, tickets 50, nps 50 → 50.
    expect(h.history).toEqual([
      { date: '2026-01-01', score: 50 },
      { date: '2026-03-01', score: 100 },
    ]);
    expect(h.delta).toBe(50);
    expect(h.trend).toBe('up');
    const usage = h.measures.find((m) => m.measureId === 'usage')!;
    expect(usage.effectiveWeight).toBeCloseTo(3 / 6);
    expect(usage.contribution).toBeCloseTo(50);
    expect(h.measures.reduce((s, m) => s + m.effectiveWeight, 0)).toBeCloseTo(1);
    expect(h.measures.reduce((s, m) => s + m.contribution, 0)).toBeCloseTo(100);
    expect(h.missing).toEqual([]);
  });

  it('a missing measure is re-weighted away and flagged, not counted as zero', () => {
    const h = scoreHealth(model, acc('missing'), NOW)!;
    // usage 50 (w3) and nps 50 (w2) → 50; counted as zero tickets it would be 50*5/6 ≈ 42.
    expect(h.score).toBe(50);
    expect(h.missing).toEqual(['tickets']);
    const t = h.measures.find((m) => m.measureId === 'tickets')!;
    expect(t).toEqual({ measureId: 'tickets', raw: null, score: null, effectiveWeight: 0, contribution: 0, missing: true });
    expect(h.measures.find((m) => m.measureId === 'usage')!.effectiveWeight).toBeCloseTo(3 / 5);
    expect(h.delta).toBeNull();
    expect(h.trend).toBeNull();
  });

  it('clamps raw values outside the thresholds', () => {
    const h = scoreHealth(model, acc('clamped'), NOW)!;
    expect(h.measures.map((m) => m.score)).toEqual([100, 0, 0]);
    expect(h.score).toBe(50);
    expect(h.bandId).toBe('red');
  });

  it('no snapshots → null', () => {
    expect(scoreHealth(model, acc('none'), NOW)).toBeNull();
  });

  it("flat when the change is under a point, down with the renewal's days (negative when past)", () => {
    const f = scoreHealth(model, acc('flat'), NOW)!;
    expect(f.trend).toBe('flat');
    expect(f.delta).toBe(0);
    const d = scoreHealth(model, acc('down'), NOW)!;
    expect(d.score).toBe(35);
    expect(d.delta).toBe(-65);
    expect(d.trend).toBe('down');
    expect(d.daysToRenewal).toBe(-23);
    expect(d.renewalDate).toBe('2026-02-15');
    expect(scoreHealth(model, acc('full'), NOW)!.daysToRenewal).toBe(112);
    expect(scoreHealth(model, acc('missing'), NOW)!.daysToRenewal).toBeNull();
  });
});

describe('bands and days', () => {
  it('band edges: the highest min at or below the rounded score', () => {
    const b = (s: number) => bandFor(model.bands, s).id;
    expect(b(0)).toBe('red');
    expect(b(50)).toBe('red');
    expect(b(51)).toBe('yellow');
    expect(b(75)).toBe('yellow');
    expect(b(76)).toBe('green');
    expect(b(100)).toBe('green');
  });

  it('rounds the score before choosing the band (75.5 → 76 → green)', () => {
    // usage only: 75.5 needs raw 20 + 0.755*60 = 65.3
    const p = makePack({ accounts: [account('x', 'X', { health: [snap('2026-03-01', { usage: 65.3 })] })] });
    const h = scoreHealth(p.healthModel, p.accounts[0], NOW)!;
    expect(h.score).toBe(76);
    expect(h.bandId).toBe('green');
  });

  it('daysUntil counts UTC days', () => {
    expect(daysUntil('2026-03-10', new Date('2026-03-10T23:59:00Z'))).toBe(0);
    expect(daysUntil('2026-03-11', new Date('2026-03-10T23:59:00Z'))).toBe(1);
    expect(daysUntil('2026-03-09', new Date('2026-03-10T00:01:00Z'))).toBe(-1);
  });

  it('matchPage returns the health of the matched account', () => {
    const p = makePack({ accounts: [account('full', 'Full', { domains: ['full.com'], health: acc('full').health })] });
    const r = matchPage(buildIndex(p), page({ domains: ['full.com'] }), { now: NOW });
    expect(r.health?.score).toBe(100);
    expect(matchPage(buildIndex(p), page({ domains: ['other.com'] }), { now: NOW }).health).toBeNull();
  });
});
