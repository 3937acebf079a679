/** `npm run explain` names the old claims on a matched card, as the sidebar marks them. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import sample from '../../../assets/sample-pack.json';
import { explainPage } from '../../../scripts/explain/explain';
import { formatExplain } from '../../../scripts/explain/format';
import type { KnowledgePack } from '../../../utils/pack/schema';
import { fixtures } from '../sites/helpers';

describe('explain and claims', () => {
  it('lists a matched card’s claims older than claimMaxAgeDays', () => {
    const now = new Date('2026-12-02T00:00:00Z');
    const found = fixtures()
      .map((f) => ({ f, res: explainPage(readFileSync(f.html, 'utf8'), f.url, sample as unknown as KnowledgePack, { now }) }))
      .find(({ res }) => res.match?.competitors.some((c) => c.id === 'globex'));
    expect(found).toBeTruthy();
    const globex = found!.res.match!.competitors.find((c) => c.id === 'globex')!;
    expect(globex.oldClaims).toEqual([expect.objectContaining({ path: 'competitors[0].battlecard.pricing', asOf: '2025-06-30', source: 'Globex price list (partner portal)' })]);
    expect(formatExplain(found!.res, found!.f.url)).toContain('! old claim (2025-06-30, 520 days, Globex price list (partner portal))');
    const others = found!.res.match!.competitors.filter((c) => c.id !== 'globex');
    for (const c of others) expect(c.oldClaims).toEqual([]);
  });
});
