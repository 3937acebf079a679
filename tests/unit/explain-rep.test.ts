import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explainPage } from '../../scripts/explain/explain';
import { formatExplain } from '../../scripts/explain/format';
import { closedDealHtml, CLOSED_DEAL_URL } from '../../scripts/demo/closedDeal';
import { validatePackText } from '../../utils/pack/validate';
import type { KnowledgePack } from '../../utils/pack/schema';

const parsed = validatePackText(readFileSync(new URL('../../assets/sample-pack.json', import.meta.url), 'utf8'));
if (!parsed.ok) throw new Error('sample pack invalid');
const pack = parsed.pack as KnowledgePack;
const demo = readFileSync(new URL('../../scripts/demo/pages/salesforce-opportunity.html', import.meta.url), 'utf8');

describe('explain: the rep’s own read', () => {
  it('lists the scorecard suggestions with where each was read, and the stage’s exit requirement', () => {
    const r = explainPage(demo, CLOSED_DEAL_URL, pack);
    expect(r.match!.rep.scorecard).toMatchObject({ name: 'MEDDPICC', exitRequires: ['economic-buyer', 'decision-criteria', 'decision-process', 'champion'] });
    expect(r.match!.rep.scorecard!.suggestions).toContainEqual({ element: 'economic-buyer', text: 'Nancy Davolio', source: { kind: 'contactRole', role: 'Economic Buyer' } });
    expect(r.match!.rep.closed).toBeNull();
    const text = formatExplain(r, CLOSED_DEAL_URL);
    expect(text).toContain('economic-buyer ← “Nancy Davolio” (contact role “Economic Buyer”)');
    expect(text).toMatch(/Contact roles +Nancy Davolio \(Economic Buyer\)/);
  });

  it('says when the page’s CRM stage closes the deal', () => {
    const r = explainPage(closedDealHtml('Closed Lost'), CLOSED_DEAL_URL, pack);
    expect(r.match!.rep.closed).toBe('lost');
    expect(formatExplain(r, CLOSED_DEAL_URL)).toMatch(/Closed +lost: the sidebar asks for the outcome once/);
  });
});
