import { describe, expect, it, vi } from 'vitest';
import { buildIndex } from '../../../utils/match/index';
import { matchPage, lookupAccountName } from '../../../utils/match/match';
import { INDEX_FORMAT, restoreIndex, storedIndex } from '../../../utils/match/persist';
import { validatePack } from '../../../utils/pack/validate';
import type { KnowledgePack } from '../../../utils/pack/schema';
import { createService } from '../../../utils/background/service';
import { openFrontlineDb } from '../../../utils/store/db';
import { activatePack, getActivePack, getPreviousPack, reindexStoredPacks } from '../../../utils/store/packStore';
import type { PageContext } from '../../../utils/sites/types';
import { synthPack } from '../../../scripts/bench/synth';
import sample from '../../../assets/sample-pack.json';

const NOW = new Date('2026-03-05T10:00:00Z');

function synthetic(accounts: number): { pack: KnowledgePack; pages: PageContext[]; queries: string[] } {
  const s = synthPack({ accounts, seed: 11 });
  const v = validatePack(JSON.parse(JSON.stringify(s.pack)));
  if (!v.ok) throw new Error('synthetic pack is invalid');
  const named = { ...s.crmPage, accountId: null, domains: [], accountName: s.queries[3] };
  return { pack: v.pack, pages: [s.crmPage, s.mailPage, named], queries: s.queries.slice(0, 40) };
}

describe('stored match index', () => {
  it('restored from one structured clone, matches exactly as the index built from the pack', () => {
    const { pack, pages, queries } = synthetic(600);
    const built = buildIndex(pack);
    const restored = restoreIndex(pack, structuredClone(storedIndex(built)));
    expect(restored).not.toBeNull();
    for (const p of pages) expect(matchPage(restored!, p, { now: NOW })).toEqual(matchPage(built, p, { now: NOW }));
    for (const q of queries) expect(lookupAccountName(restored!, q)).toEqual(lookupAccountName(built, q));
  });

  it('brings the fold table it was built with: a woken worker takes it instead of building one', async () => {
    const { pack } = synthetic(50);
    const stored = structuredClone(storedIndex(buildIndex(pack)));
    // A fresh worker: modules evaluated anew, no fold table built yet.
    vi.resetModules();
    const fresh = { persist: await import('../../../utils/match/persist'), fold: await import('../../../utils/match/fold') };
    expect(fresh.persist.restoreIndex(pack, stored)).not.toBeNull();
    expect(fresh.fold.foldTable()).toBe(stored.fold);
  });

  it("brings the competitors' maps and pattern payloads: a woken worker does not normalise every alias again", () => {
    const { pack, pages } = synthetic(50);
    const stored = structuredClone(storedIndex(buildIndex(pack)));
    const restored = restoreIndex(pack, stored)!;
    expect(restored.competitors.byName).toBe(stored.competitors.byName);
    expect(restored.competitors.payCompetitor).toBe(stored.competitors.payCompetitor);
    expect(matchPage(restored, pages[1], { now: NOW }).competitors.length).toBeGreaterThan(1);
  });

  it('is ignored when it is of another format or another pack', () => {
    const { pack } = synthetic(50);
    const stored = storedIndex(buildIndex(pack));
    expect(restoreIndex(pack, { ...stored, format: INDEX_FORMAT - 1 })).toBeNull();
    expect(restoreIndex(pack, undefined)).toBeNull();
    expect(restoreIndex({ ...pack, meta: { ...pack.meta, version: '9.9.9' } }, stored)).toBeNull();
  });

  it('of an older format is built again once after an update and stored, for the active and the previous pack', async () => {
    const db = await openFrontlineDb(`frontline-reindex-${Math.random()}`);
    const v = validatePack(sample);
    if (!v.ok) throw new Error('sample invalid');
    await activatePack(db, v.pack, 'file:a.json', NOW);
    await activatePack(db, { ...v.pack, meta: { ...v.pack.meta, version: '9.0.0' } }, 'file:b.json', NOW);
    for (const key of ['active', 'previous'] as const) {
      const rec = (await db.get('packs', key))!;
      await db.put('packs', { ...rec, index: { ...rec.index!, format: INDEX_FORMAT - 1 } }, key);
    }
    expect(await reindexStoredPacks(db)).toBe(2);
    expect((await getActivePack(db)).index?.format).toBe(INDEX_FORMAT);
    expect((await getPreviousPack(db))?.index?.format).toBe(INDEX_FORMAT);
    // The packs themselves are untouched, and a second run has nothing to do.
    expect((await getActivePack(db)).pack.meta.version).toBe('9.0.0');
    expect(await reindexStoredPacks(db)).toBe(0);
  });

  it('is stored at activation, and a woken worker answers from it', async () => {
    const db = await openFrontlineDb(`frontline-persist-${Math.random()}`);
    const v = validatePack(sample);
    if (!v.ok) throw new Error('sample invalid');
    await activatePack(db, v.pack, 'file:sample.json', NOW);
    const stored = await getActivePack(db);
    expect(stored.index?.format).toBe(INDEX_FORMAT);
    // The worker uses the stored index, not one built from the pack: an index that knows a
    // domain the pack does not list finds the account by it.
    const northwind = v.pack.accounts.findIndex((a) => a.id === 'northwind');
    const withExtra = { ...v.pack, accounts: v.pack.accounts.map((a, i) => (i === northwind ? { ...a, domains: [...a.domains, 'only-in-index.example'] } : a)) };
    await db.put('packs', { ...stored, index: storedIndex(buildIndex(withExtra)) }, 'active');
    const ctx: PageContext = { site: 'gmail', recordType: 'thread', recordId: 't', accountName: null, domains: [], emails: ['cfo@only-in-index.example'], stage: null, competitorsField: [], text: 'Hello.' };
    const woken = createService({ getDb: async () => db, now: () => NOW });
    expect((await woken['view:get']({ ctx, lang: 'en' })).account?.id).toBe('northwind');
    // A pack stored by an older version (no index, or an older format) is indexed from the pack.
    await db.put('packs', { ...stored, index: { ...stored.index!, format: 0 } }, 'active');
    const older = createService({ getDb: async () => db, now: () => NOW });
    expect((await older['view:get']({ ctx, lang: 'en' })).account).toBeNull();
    const { index: _dropped, ...withoutIndex } = stored;
    await db.put('packs', withoutIndex, 'active');
    const oldest = createService({ getDb: async () => db, now: () => NOW });
    expect((await oldest['view:get']({ ctx: { ...ctx, emails: ['buyer@northwindtraders.com'] }, lang: 'en' })).account?.id).toBe('northwind');
  });
});
