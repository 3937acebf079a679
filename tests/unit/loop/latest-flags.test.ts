/** The latest flag per item a view shows, read by key prefix (utils/store/feedbackStore.ts). */
import { describe, expect, it } from 'vitest';
import { openLoopDb } from '../../../utils/store/loopDb';
import { addFlag, latestFlags } from '../../../utils/store/feedbackStore';
import type { FeedbackTarget, Verdict } from '../../../utils/feedback/types';

const PACK = { id: 'p', version: '1.0.0' };
let n = 0;

async function seeded(flags: [FeedbackTarget, Verdict, string][]) {
  const db = await openLoopDb(`frontline-latest-flags-${++n}`);
  for (const [target, verdict, at] of flags) await addFlag(db, { target, verdict }, PACK, new Date(at));
  return db;
}

const section = (competitorId: string, s: 'pricing' | 'summary'): FeedbackTarget => ({ kind: 'section', competitorId, section: s });
const objection = (competitorId: string, objectionId: string): FeedbackTarget => ({ kind: 'objection', competitorId, objectionId });

describe('latestFlags', () => {
  it('gives each asked item its latest flag, and nothing for items not asked', async () => {
    const db = await seeded([
      [section('globex', 'pricing'), 'outdated', '2026-11-01T00:00:00Z'],
      [section('globex', 'pricing'), 'helpful', '2026-11-03T00:00:00Z'],
      [section('globex', 'pricing'), 'wrong', '2026-11-02T00:00:00Z'],
      [section('globex', 'summary'), 'wrong', '2026-11-01T00:00:00Z'],
      // Same prefix as an asked key, not asked; a competitor whose id starts like another's.
      [objection('globex', 'gx-other'), 'wrong', '2026-11-01T00:00:00Z'],
      [section('globe', 'pricing'), 'wrong', '2026-11-01T00:00:00Z'],
      [section('globex-labs', 'pricing'), 'wrong', '2026-11-01T00:00:00Z'],
      [{ kind: 'stage', playbookId: 'new-logo', stageId: 'proposal' }, 'outdated', '2026-11-01T00:00:00Z'],
      [{ kind: 'play', bandId: 'red' }, 'helpful', '2026-11-01T00:00:00Z'],
    ]);
    const got = await latestFlags(db, ['section:globex:pricing', 'section:globex:summary', 'objection:globex:gx-ela', 'stage:new-logo:proposal', 'play:red', 'section:globe:summary']);
    expect(Object.fromEntries(Object.entries(got).map(([k, m]) => [k, m.verdict]))).toEqual({
      'section:globex:pricing': 'helpful',
      'section:globex:summary': 'wrong',
      'stage:new-logo:proposal': 'outdated',
      'play:red': 'helpful',
    });
  });

  it('on equal times, the flag given last wins', async () => {
    const db = await seeded([
      [objection('globex', 'gx-ela'), 'outdated', '2026-11-01T00:00:00Z'],
      [objection('globex', 'gx-ela'), 'helpful', '2026-11-01T00:00:00Z'],
    ]);
    expect((await latestFlags(db, ['objection:globex:gx-ela']))['objection:globex:gx-ela'].verdict).toBe('helpful');
  });

  it('answers an empty list for a view with nothing to flag', async () => {
    expect(await latestFlags(await seeded([]), [])).toEqual({});
  });
});
