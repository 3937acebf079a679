import { beforeEach, describe, expect, it } from 'vitest';
import { layoutFor, resolveRole } from '../../../utils/view/sections';
import { cardItems, compareSeen, markSeen } from '../../../utils/view/lastSeen';
import { playExpanded, staleSnoozedUntil } from '../../../utils/view/decorate';
import { validatePack } from '../../../utils/pack/validate';
import { openFrontlineDb, type Db } from '../../../utils/store/db';
import { createService } from '../../../utils/background/service';
import { keptRolePrefs } from '../../../utils/background/roleHandlers';
import type { PageContext } from '../../../utils/sites/types';
import type { KnowledgePack } from '../../../utils/pack/schema';
import sample from '../../../assets/sample-pack.json';

const pack = sample as unknown as KnowledgePack;
const t = (x: unknown) => (typeof x === 'string' ? x : (x as Record<string, string>).en);

describe('role layouts', () => {
  it('CS and sales lay out the same sections differently, as the sample pack says', () => {
    expect(layoutFor('cs', pack).sections.map((s) => `${s.id}${s.collapsed ? '-' : ''}`)).toEqual(['health', 'next-steps', 'rules', 'stage-', 'battlecard-', 'outcome', 'scorecard-', 'experts', 'products-']);
    expect(layoutFor('sales', pack).sections.map((s) => s.id)).toEqual(['outcome', 'battlecard', 'stage', 'scorecard', 'next-steps', 'rules', 'experts', 'products', 'health']);
  });

  it('without a pack layout every section shows, in the id order, none collapsed', () => {
    const l = layoutFor('cs', { meta: {} });
    expect(l.sections.slice(0, 4).map((s) => s.id)).toEqual(['battlecard', 'stage', 'next-steps', 'health']);
    expect(l.sections.some((s) => s.collapsed)).toBe(false);
  });

  it("the rep's choice wins over the policy, the policy over the pack", () => {
    expect(resolveRole('cs', 'sales', 'sales')).toEqual({ role: 'cs', source: 'rep' });
    expect(resolveRole(null, 'cs', 'sales')).toEqual({ role: 'cs', source: 'policy' });
    expect(resolveRole(null, null, 'cs')).toEqual({ role: 'cs', source: 'pack' });
    expect(resolveRole(null, null, undefined)).toEqual({ role: 'sales', source: 'default' });
  });

  it('a layout naming an unknown section, twice, or collapsing one it does not show is refused with its path', () => {
    const bad = structuredClone(sample) as any;
    bad.meta.layouts = { cs: { order: ['health', 'health', 'forecast'], collapsed: ['stage'] } };
    const r = validatePack(bad);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => e.path)).toEqual(['meta.layouts.cs.order[2]']);
    bad.meta.layouts.cs.order = ['health', 'health'];
    const r2 = validatePack(bad);
    expect(!r2.ok && r2.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'meta.layouts.cs.order[1]: section "health" is listed twice',
      'meta.layouts.cs.collapsed[0]: section "stage" is collapsed but not in meta.layouts.cs.order',
    ]);
  });
});

describe('audiences', () => {
  it('flags a customer-safe text that quotes an internal one, naming both paths', () => {
    const p = structuredClone(sample) as any;
    const gi = p.competitors.findIndex((c: any) => c.id === 'globex');
    const g = p.competitors[gi].battlecard;
    // The sample's pricing is a claim with a source (issue 17): its text is what is quoted.
    const pricing = g.pricing.text ?? g.pricing;
    g.objections[0].response = { en: `${pricing.en.split('. ')[0]}. Ask what is included.`, 'zh-CN': g.objections[0].response['zh-CN'] };
    const r = validatePack(p);
    expect(r.ok).toBe(true);
    expect(r.warnings).toContainEqual({ path: `competitors[${gi}].battlecard.objections[0].response`, message: `customer-safe text quotes internal text at competitors[${gi}].battlecard.pricing: mark it internal, or reword it` });
    expect(validatePack(sample).warnings.filter((w) => w.message.includes('quotes internal'))).toEqual([]);
  });
});

describe('what changed since you last looked', () => {
  const globex = pack.competitors.find((c) => c.id === 'globex')!;
  const next = structuredClone(globex);
  next.battlecard.objections[1].response = 'A new answer.';
  next.battlecard.objections.push({ id: 'gx-new', objection: 'New one', response: 'Yes.' });
  next.battlecard.whyWeWin.unshift('A new reason');
  next.battlecard.landmines.pop();

  it('marks changed, added and removed items, pairing list entries by content', () => {
    const m = compareSeen(cardItems(globex), cardItems(next), t);
    expect(m.marks).toEqual({ 'objections:gx-ai': 'changed', 'objections:gx-new': 'added', 'whyWeWin:0': 'added' });
    expect(m.removed).toEqual([{ part: 'landmines', label: t(globex.battlecard.landmines.at(-1)) }]);
    expect(m.parts).toEqual(['whyWeWin', 'objections', 'landmines']);
  });

  it('a part the rep opened reads as seen; the others keep their marks; never seen marks nothing', () => {
    const after = markSeen(cardItems(globex), cardItems(next), ['objections']);
    expect(compareSeen(after, cardItems(next), t).parts).toEqual(['whyWeWin', 'landmines']);
    expect(compareSeen(null, cardItems(next), t)).toMatchObject({ known: false, parts: [] });
  });

  it('a play opens expanded once per playOpenEvery days, never while snoozed', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    expect(playExpanded(null, 7, now).expanded).toBe(true);
    expect(playExpanded({ key: 'a|red', expandedAt: '2026-11-20T10:00:00Z' }, 7, now).expanded).toBe(false);
    expect(playExpanded({ key: 'a|red', expandedAt: '2026-11-10T10:00:00Z' }, 7, now).expanded).toBe(true);
    expect(playExpanded({ key: 'a|red', expandedAt: '2026-11-20T10:00:00Z' }, undefined, now).expanded).toBe(true);
    expect(playExpanded({ key: 'a|red', snoozedUntil: '2026-11-30T10:00:00Z' }, undefined, now)).toEqual({ expanded: false, snoozedUntil: '2026-11-30T10:00:00Z' });
  });
});

describe('the background', () => {
  let db: Db;
  let n = 0;
  beforeEach(async () => {
    db = await openFrontlineDb(`frontline-roles-${++n}`);
  });
  const base: PageContext = { site: 'salesforce', recordType: 'opportunity', recordId: '0065g00000NwOpp1AAB', accountName: 'Northwind Traders', accountId: '0015g00000NwTrdAAB', domains: [], emails: [], stage: 'Proposal/Price Quote', opportunityType: 'New Business', competitorsField: ['Globex Analytics'], text: '' };

  it('gives insertable text only for customer-safe refs', async () => {
    const s = createService({ getDb: async () => db });
    expect(await s['text:insertable']({ ref: { kind: 'objection', competitorId: 'globex', id: 'gx-ela' }, lang: 'en' })).toMatchObject({ ok: true, text: expect.stringContaining('Analytics Starter') });
    expect(await s['text:insertable']({ ref: { kind: 'objection', competitorId: 'globex', id: 'gx-migrate' }, lang: 'en' })).toEqual({ ok: false, reason: 'internal' });
    expect(await s['text:insertable']({ ref: { kind: 'pricing', competitorId: 'globex' }, lang: 'en' })).toEqual({ ok: false, reason: 'internal' });
    expect(await s['text:insertable']({ ref: { kind: 'objection', competitorId: 'globex', id: 'nope' }, lang: 'en' })).toEqual({ ok: false, reason: 'unknown' });
  });

  it('lays the view out for the role the rep or the policy chose', async () => {
    const cs = await createService({ getDb: async () => db, rolePrefs: async () => ({ rep: null, policy: 'cs' }) })['view:get']({ ctx: base, lang: 'en' });
    expect(cs.layout).toMatchObject({ role: 'cs', source: 'policy' });
    const sales = await createService({ getDb: async () => db })['view:get']({ ctx: base, lang: 'en' });
    expect(sales.layout).toMatchObject({ role: 'sales', source: 'pack' });
  });

  it("the role the rep sets is the next view's layout, though the worker keeps the settings between views", async () => {
    // As the worker holds them (entrypoints/background.ts): storage's change event has not come yet when the view is asked for.
    let stored: 'auto' | 'sales' | 'cs' = 'auto';
    let reads = 0;
    const { rolePrefs, saveRole } = keptRolePrefs(
      async () => (reads++, { rep: stored === 'auto' ? null : stored, policy: null }),
      async (role) => void (stored = role),
      () => undefined,
    );
    const s = createService({ getDb: async () => db, rolePrefs, saveRole });
    expect((await s['view:get']({ ctx: base, lang: 'en' })).layout).toMatchObject({ role: 'sales', source: 'pack' });
    await s['view:get']({ ctx: base, lang: 'en' });
    expect(reads).toBe(1);
    await s['role:set']({ role: 'cs' });
    expect((await s['view:get']({ ctx: base, lang: 'en' })).layout).toMatchObject({ role: 'cs', source: 'rep' });
    await s['role:set']({ role: 'auto' });
    expect((await s['view:get']({ ctx: base, lang: 'en' })).layout).toMatchObject({ role: 'sales', source: 'pack' });
  });

  it('marks a card changed by a newer pack until the rep opens the part, from stored state only', async () => {
    const s = createService({ getDb: async () => db });
    await s['seen:mark']({ key: 'card:globex', first: true });
    const next = structuredClone(sample) as any;
    next.meta.version = '1.1.0';
    next.competitors.find((c: any) => c.id === 'globex').battlecard.objections[1].response = { en: 'A new answer.', 'zh-CN': '新的回应。' };
    expect((await s['pack:import']({ text: JSON.stringify(next), source: 'test' })).ok).toBe(true);
    // A fresh service: nothing but IndexedDB carries the marks (a restarted worker).
    const woken = createService({ getDb: async () => db });
    const card = (await woken['view:get']({ ctx: base, lang: 'en' })).cards.find((c) => c.id === 'globex')!;
    expect(card.seen).toMatchObject({ known: true, marks: { 'objections:gx-ai': 'changed' }, parts: ['objections'] });
    await woken['seen:mark']({ key: 'card:globex', first: true });
    await woken['seen:mark']({ key: 'card:globex', parts: ['objections'] });
    const again = (await woken['view:get']({ ctx: base, lang: 'en' })).cards.find((c) => c.id === 'globex')!;
    expect(again.seen?.parts).toEqual([]);
  });

  it('a stale card snoozed by the rep stays quiet until the snooze ends or the card is reviewed anew', async () => {
    // Hooli is past its review in the sample; Contoso has it in play.
    const contoso: PageContext = { ...base, recordId: '0065g00000CtsOpp1AA', accountName: 'Contoso Health Systems', accountId: '0015g00000CtsoHAAR', competitorsField: ['Hooli'] };
    const s = createService({ getDb: async () => db });
    const hooli = async (svc = s) => (await svc['view:get']({ ctx: contoso, lang: 'en' })).cards.find((c) => c.id === 'hooli')!;
    expect(await hooli()).toMatchObject({ stale: true, staleSnoozedUntil: null });
    await s['stale:snooze']({ competitorId: 'hooli', days: 14 });
    // Kept in IndexedDB: a restarted worker sees it too.
    const snoozed = await hooli(createService({ getDb: async () => db }));
    expect(snoozed.staleSnoozedUntil).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await s['stale:snooze']({ competitorId: 'hooli', days: 0 });
    expect((await hooli()).staleSnoozedUntil).toBeNull();
    await expect(s['stale:snooze']({ competitorId: 'nope', days: 14 })).rejects.toThrow('unknown competitor');
  });

  it('a snooze holds for the review it was given on, and only while it runs', () => {
    const now = new Date('2026-12-02T10:00:00Z');
    const card = { stale: true, reviewedAt: '2026-03-01' };
    const snooze = { key: '#stale|hooli', snoozedUntil: '2026-12-16T10:00:00Z', reviewedAt: '2026-03-01' };
    expect(staleSnoozedUntil(card, snooze, now)).toBe('2026-12-16T10:00:00Z');
    expect(staleSnoozedUntil({ ...card, reviewedAt: '2026-06-01' }, snooze, now)).toBeNull();
    expect(staleSnoozedUntil(card, snooze, new Date('2026-12-17T00:00:00Z'))).toBeNull();
    expect(staleSnoozedUntil({ ...card, stale: false }, snooze, now)).toBeNull();
    expect(staleSnoozedUntil(card, undefined, now)).toBeNull();
  });
});
