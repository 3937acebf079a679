import { afterEach, describe, expect, it, vi } from 'vitest';
import { createService } from '../../utils/background/service';
import { buildIndex } from '../../utils/match/index';
import { matchAccount } from '../../utils/match/match';
import { INDEX_FORMAT } from '../../utils/match/persist';
import type { KnowledgePack } from '../../utils/pack/schema';
import { validatePack } from '../../utils/pack/validate';
import { openFrontlineDb } from '../../utils/store/db';
import { LazyAccounts, PACKED_FROM } from '../../utils/store/packedAccounts';
import { activatePack, getActivePack, getPreviousPack, reindexStoredPacks, rollbackPack } from '../../utils/store/packStore';
import { synthPack } from '../../scripts/bench/synth';
import sample from '../../assets/sample-pack.json';

const NOW = new Date('2026-03-05T10:00:00Z');

function large(accounts = PACKED_FROM + 200) {
  const s = synthPack({ accounts, seed: 5 });
  const v = validatePack(JSON.parse(JSON.stringify(s.pack)));
  if (!v.ok) throw new Error('synthetic pack is invalid');
  return { pack: v.pack, page: s.crmPage };
}

const small = (): KnowledgePack => {
  const v = validatePack(sample);
  if (!v.ok) throw new Error('sample invalid');
  return v.pack;
};

const db = () => openFrontlineDb(`frontline-packed-${Math.random()}`);

afterEach(() => vi.restoreAllMocks());

describe('a large pack stored with its accounts packed', () => {
  it('is stored as one buffer of accounts and reads back as the same pack, to clone and to send', async () => {
    const d = await db();
    const { pack } = large();
    await activatePack(d, pack, 'file:big.json', NOW);
    const record = (await d.get('packs', 'active'))!;
    expect(record.pack.accounts).toEqual([]);
    expect(record.accounts?.bytes).toBeInstanceOf(Uint8Array);
    const stored = await getActivePack(d);
    expect(stored.pack.accounts).toEqual(pack.accounts);
    expect(JSON.stringify(stored.pack)).toBe(JSON.stringify(pack));
    expect(structuredClone(stored.pack)).toEqual(pack);
    // A small pack's record is as it always was.
    await activatePack(d, small(), 'file:small.json', NOW);
    expect((await d.get('packs', 'active'))!.pack.accounts.length).toBe(small().accounts.length);
    expect((await d.get('packs', 'active'))!.accounts).toBeUndefined();
  });

  it('gives a woken worker its view, picks, stages and pack info without decoding every account', async () => {
    const d = await db();
    const { pack, page } = large();
    await activatePack(d, pack, 'file:big.json', NOW);
    const decodeAll = vi.spyOn(LazyAccounts.prototype, 'all');
    const woken = createService({ getDb: async () => d, now: () => NOW });
    const view = await woken['view:get']({ ctx: page, lang: 'en' });
    expect(view.account?.id).toBeTruthy();
    const account = view.account!;
    await woken['account:pick']({ recordKey: 'salesforce:opportunity:x', accountId: account.id });
    await woken['stage:seen']({ accountId: account.id, playbookId: pack.playbooks[0].id, stageId: pack.playbooks[0].stages[0].id });
    await expect(woken['account:pick']({ recordKey: 'salesforce:opportunity:x', accountId: 'no-such-account' })).rejects.toThrow('unknown account');
    // Every activation answers with the pack's info, which counts the accounts.
    expect((await woken['pack:info']({})).counts.accounts).toBe(pack.accounts.length);
    expect(decodeAll).not.toHaveBeenCalled();
    // And it is the account the pack held in memory matches.
    expect(matchAccount(buildIndex(pack), page).account?.id).toBe(account.id);
  });

  it('keeps its accounts as the previous pack, through a rollback and a re-index', async () => {
    const d = await db();
    const { pack } = large();
    await activatePack(d, pack, 'file:big.json', NOW);
    await activatePack(d, small(), 'file:small.json', NOW);
    expect((await getPreviousPack(d))!.pack.accounts).toEqual(pack.accounts);
    const restored = await rollbackPack(d);
    expect(restored.pack.accounts).toEqual(pack.accounts);
    expect((await getActivePack(d)).pack.accounts).toEqual(pack.accounts);
    // An index of an older format is built again from every account.
    const record = (await d.get('packs', 'active'))!;
    await d.put('packs', { ...record, index: { ...record.index!, format: INDEX_FORMAT - 1 } }, 'active');
    expect(await reindexStoredPacks(d)).toBe(1);
    const again = await getActivePack(d);
    expect(again.index?.accounts).toBe(pack.accounts.length);
    expect(again.pack.accounts).toEqual(pack.accounts);
  });

  it('stored by an older version (accounts as objects), still reads', async () => {
    const d = await db();
    const { pack } = large();
    await d.put('packs', { pack, importedAt: NOW.toISOString(), source: 'file:old.json' }, 'active');
    expect((await getActivePack(d)).pack.accounts).toEqual(pack.accounts);
  });
});
