/** What a CRM release broke, told to the rep (sidebar note), to ops (console) and by explain. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../utils/sync/analytics';
import { explainPage } from '../../scripts/explain/explain';
import { formatExplain } from '../../scripts/explain/format';
import { buildIndex } from '../../utils/match/index';
import { matchPage } from '../../utils/match/match';
import { buildView } from '../../utils/view/buildView';
import { packDerived } from '../../utils/pack/derived';
import { release } from '../../scripts/eval-pages/mutations';
import { parse } from '../../scripts/eval-pages/corpus';
import type { KnowledgePack } from '../../utils/pack/schema';
import type { UsageEvent } from '../../utils/store/db';
import { extractPage } from '../../utils/sites/registry';

const sample = JSON.parse(readFileSync(new URL('../../assets/sample-pack.json', import.meta.url), 'utf8')) as KnowledgePack;
const demo = readFileSync(new URL('../../scripts/demo/pages/salesforce-opportunity.html', import.meta.url), 'utf8');
const url = 'https://lumora-demo.lightning.force.com/lightning/r/Opportunity/0065g00000NwOpp1AAB/view';
const released = () => {
  const d = parse(demo);
  release.apply(d);
  return d;
};

describe('a page read without the site’s markup', () => {
  it('the sidebar view says how it was read and what was missing', () => {
    const ctx = extractPage(released(), new URL(url))!;
    const match = matchPage(buildIndex(sample), ctx, {});
    const derived = packDerived(sample).derived;
    const view = buildView({ pack: sample, derived, ctx, match, ticks: null, lang: 'en', now: new Date() });
    expect(view.account?.name).toBe('Northwind Traders');
    expect(view.reading).toEqual({ layer: 'semantic', missing: 'page host' });
    const normal = extractPage(parse(demo), new URL(url))!;
    expect(buildView({ pack: sample, derived, ctx: normal, match: matchPage(buildIndex(sample), normal, {}), ticks: null, lang: 'en', now: new Date() }).reading).toBeNull();
  });

  it('explain names the layer and the landmark', () => {
    const out = formatExplain(explainPage(released().documentElement.outerHTML, url, sample), url);
    expect(out).toMatch(/Read by\s+labels, ARIA and links \(semantic layer\); the adapter's "page host" was not found/);
  });

  it('the ops console counts such views per site, week and missing landmark', () => {
    const at = (d: string) => `${d}T10:00:00.000Z`;
    const events: UsageEvent[] = [
      { at: at('2026-11-30'), kind: 'read_fallback', site: 'salesforce', layer: 'semantic', missing: 'highlights panel' },
      { at: at('2026-12-01'), kind: 'read_fallback', site: 'salesforce', layer: 'semantic', missing: 'highlights panel' },
      { at: at('2026-12-01'), kind: 'read_fallback', site: 'hubspot', layer: 'page-text', missing: null },
      { at: at('2026-12-01'), kind: 'card_view', competitorId: 'globex' },
    ];
    const r = buildReport(events, [], sample);
    expect(r.reading).toEqual([
      { week: '2026-W49', site: 'salesforce', layer: 'semantic', missing: 'highlights panel', views: 2 },
      { week: '2026-W49', site: 'hubspot', layer: 'page-text', missing: '', views: 1 },
    ]);
    expect(r.cells.reduce((n, c) => n + c.cardViews, 0)).toBe(1);
  });
});
