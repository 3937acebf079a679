import { describe, expect, it } from 'vitest';
import { scoreHealth } from '../../../utils/health/score';
import type { SentimentInput } from '../../../utils/health/types';
import { account, healthModel, makePack } from '../match/packs';

// Test model (packs.ts): usage weight 3, tickets 1, nps 2. "full" scores 100 on every measure.
const snap = (date: string, signals: Record<string, number>) => ({ date, signals });
const NOW = new Date('2026-03-10T12:00:00Z');
const read = (color: SentimentInput['color'], at = '2026-03-09T10:00:00Z'): SentimentInput => ({ color, comment: 'Sponsor left', at });

function packWith(model: Record<string, unknown>, lifecycle?: string) {
  return makePack({
    healthModel: { ...healthModel, ...model },
    accounts: [account('full', 'Full', { ...(lifecycle ? { lifecycle } : {}), health: [snap('2026-02-01', { usage: 50, tickets: 5, nps: 15 }), snap('2026-03-01', { usage: 80, tickets: 0, nps: 50 })] })],
  });
}
const score = (pack: ReturnType<typeof packWith>, s: SentimentInput | null) => scoreHealth(pack.healthModel, pack.accounts[0], NOW, { sentiment: s })!;

describe('the CS rep’s sentiment', () => {
  it('is shown beside the score but not counted when the model gives it no weight', () => {
    const h = score(packWith({}), read('red'));
    expect(h.score).toBe(100);
    expect(h.sentiment).toMatchObject({ color: 'red', counted: false, effectiveWeight: 0 });
  });

  it('counts as one more weighted input: a red read of weight 6 against measures weighing 6 halves a perfect score', () => {
    const h = score(packWith({ sentiment: { weight: 6 } }), read('red'));
    expect(h.score).toBe(50);
    expect(h.sentiment).toMatchObject({ counted: true, effectiveWeight: 0.5, contribution: 0 });
    // The measures keep their proportions in what is left; the shares still add up to one.
    expect(h.measures.reduce((s, m) => s + m.effectiveWeight, 0) + h.sentiment!.effectiveWeight).toBeCloseTo(1);
    // Today's point of the sparkline is the score shown; earlier snapshots are untouched.
    expect(h.history.map((p) => p.score)).toEqual([score(packWith({}), null).history[0].score, 50]);
    expect(score(packWith({ sentiment: { weight: 6 } }), read('yellow')).score).toBe(75);
    expect(score(packWith({ sentiment: { weight: 6 } }), read('green')).score).toBe(100);
  });

  it('stops counting once it is older than maxAgeDays', () => {
    const h = score(packWith({ sentiment: { weight: 6, maxAgeDays: 30 } }), read('red', '2026-01-15T00:00:00Z'));
    expect(h.score).toBe(100);
    expect(h.sentiment).toMatchObject({ counted: false, stale: true });
  });

  it('changes nothing without a read', () => {
    expect(score(packWith({ sentiment: { weight: 6 } }), null)).toMatchObject({ score: 100, sentiment: null });
  });
});

describe('lifecycle profiles', () => {
  const profiles = [{ id: 'onboarding', label: 'Onboarding', weights: { usage: 1 }, sentimentWeight: 1 }];

  it('score an account in a profile on the profile’s measures and weights only', () => {
    const pack = makePack({
      healthModel: { ...healthModel, profiles },
      accounts: [account('new', 'New', { lifecycle: 'onboarding', health: [snap('2026-03-01', { usage: 50, tickets: 10, nps: -20 })] })],
    });
    const h = scoreHealth(pack.healthModel, pack.accounts[0], NOW)!;
    // usage 50 → 50; tickets and nps (both 0) are not this profile's measures.
    expect(h.score).toBe(50);
    expect(h.profileId).toBe('onboarding');
    expect(h.measures.map((m) => m.measureId)).toEqual(['usage']);
    const base = makePack({ healthModel, accounts: [account('new', 'New', { health: [snap('2026-03-01', { usage: 50, tickets: 10, nps: -20 })] })] });
    expect(scoreHealth(base.healthModel, base.accounts[0], NOW)!.score).toBe(25);
  });

  it('weigh the rep’s read their own way', () => {
    const pack = packWith({ profiles, sentiment: { weight: 6 } }, 'onboarding');
    // Profile: usage (100) weight 1, the read weight 1 (not the model's 6): a red read halves it.
    expect(score(pack, read('red')).score).toBe(50);
  });

  it('are checked at intake: an unknown profile or measure is refused with its path', async () => {
    const { validatePack } = await import('../../../utils/pack/validate');
    const raw = structuredClone(packWith({ profiles })) as any;
    raw.accounts[0].lifecycle = 'adopted';
    raw.healthModel.profiles[0].weights.logins = 1;
    const r = validatePack(raw);
    const errors = r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
    expect(errors).toEqual(expect.arrayContaining(['accounts[0].lifecycle: unknown health profile "adopted"', 'healthModel.profiles[0].weights.logins: unknown measure id "logins"']));
  });
});
