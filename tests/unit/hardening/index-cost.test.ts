/**
 * A valid pack never bricks the extension. What the match index may cost is bounded
 * in validation (a pack with megabytes of long random aliases used to validate, then
 * build an automaton of hundreds of MB, and past ~16 M states throw after it was
 * stored as active); every way in — import, preview/activate, sync — refuses such a
 * pack with a path; and a stored pack whose index cannot be built still leaves pack
 * info, rollback and sync working.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { openFrontlineDb, type Db } from '../../../utils/store/db';
import { createService } from '../../../utils/background/service';
import { memoryKeyValue } from '../../../utils/sync/handlers';
import type { UserSettings } from '../../../utils/sync/settings';
import { validatePack } from '../../../utils/pack/validate';
import { checkIndexCost, MAX_ACCOUNTS, MAX_LOOKUP_KEYS, MAX_NAME_CHARS, MAX_PATTERN_CHARS } from '../../../utils/pack/cost';
import { prng } from '../../../scripts/bench/synth';
import type { PageContext } from '../../../utils/sites/types';
import { validPack, type Json } from './corpus';

const NOW = new Date('2026-11-23T10:00:00Z');
const URL_ = 'https://packs.example.com/frontline/pack.json';
const opportunity: PageContext = { site: 'salesforce', recordType: 'opportunity', recordId: '0065g00000NwOpp1AAB', accountName: 'Northwind Traders', accountId: '0015g00000NwTrdAAB', domains: [], emails: [], stage: 'Proposal/Price Quote', opportunityType: 'New Business', competitorsField: ['Globex Analytics'], text: '' };

/** `count` aliases of `length` random letters: no shared prefixes, so one automaton state per character. */
function randomAliases(count: number, length: number, seed = 7): string[] {
  const r = prng(seed);
  return Array.from({ length: count }, () => Array.from({ length }, () => String.fromCharCode(97 + Math.floor(r() * 26))).join(''));
}

/** The sample pack at a higher version with 1 MB of random aliases on its first competitor. */
function hugeAliasPack(): Json {
  const p = validPack();
  p.meta.version = '9.0.0';
  p.competitors[0].aliases = randomAliases(5_000, 200);
  return p;
}

let db: Db;
let n = 0;
let served: string;
beforeEach(async () => {
  db = await openFrontlineDb(`frontline-index-cost-${++n}`);
});
const service = () =>
  createService({
    getDb: async () => db,
    now: () => NOW,
    ops: {
      userSettings: memoryKeyValue<UserSettings>({ packUrl: URL_ }),
      fetch: (async () => new Response(served, { status: 200, headers: { 'content-type': 'application/json' } })) as typeof fetch,
    },
  });

describe('index cost is bounded in validation', () => {
  it('refuses a megabyte of long random aliases, naming the competitor', () => {
    const r = validatePack(hugeAliasPack());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toContainEqual({ path: 'competitors[0].aliases', message: expect.stringMatching(/1,00\d,\d{3} characters .*at most 250,000/) });
  });

  it('refuses too many accounts, too many account name characters and too many lookup keys', () => {
    // Counting only (validation runs the same function on the parsed pack): 100,001
    // accounts through the whole schema would make a slow test.
    const ok = validatePack(validPack());
    if (!ok.ok) throw new Error('sample invalid');
    const base = ok.pack;
    const a0 = base.accounts[0];
    const many = { ...base, accounts: Array.from({ length: MAX_ACCOUNTS + 1 }, (_, i) => ({ ...a0, id: `a${i}`, aliases: [], domains: [], crmIds: undefined })) };
    expect(checkIndexCost(many)).toEqual([{ path: 'accounts', message: expect.stringMatching(/100,001 accounts; a pack holds at most 100,000/) }]);

    const longNames = { ...base, accounts: [{ ...a0, aliases: Array.from({ length: 50 }, (_, i) => `${'x'.repeat(MAX_NAME_CHARS / 50)}${i}`) }, ...base.accounts.slice(1)] };
    expect(checkIndexCost(longNames)).toEqual([{ path: 'accounts[0].aliases', message: expect.stringMatching(/names and aliases of all accounts add up to 8,00\d,\d{3} characters/) }]);

    const keys = { ...base, accounts: [{ ...a0, crmIds: { salesforce: Array.from({ length: MAX_LOOKUP_KEYS }, (_, i) => `id${i}`) } }, ...base.accounts.slice(1)] };
    expect(checkIndexCost(keys)).toEqual([{ path: 'accounts[0]', message: expect.stringMatching(/CRM ids in all .*at most 1,000,000/) }]);
  });

  it('leaves room for real packs: the bounds are well above what the sample uses', () => {
    expect(validatePack(validPack()).ok).toBe(true);
    expect(MAX_PATTERN_CHARS).toBeGreaterThan(92_187 * 2.5); // the 50,000-account synthetic pack
  });
});

describe('every way in refuses it before it becomes active', () => {
  it('import, preview, activate and sync all refuse; the active pack and views keep working', async () => {
    const s = service();
    const text = JSON.stringify(hugeAliasPack());
    const imported = await s['pack:import']({ text, source: 'file:huge.json' });
    expect(imported).toMatchObject({ ok: false, errors: [{ path: 'competitors[0].aliases' }] });
    expect(await s['pack:preview']({ text, source: 'file:huge.json', lang: 'en' })).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await s['pack:activate']({ text, source: 'file:huge.json', allowDowngrade: true })).toMatchObject({ ok: false, reason: 'invalid' });
    served = text;
    const synced = await s['sync:now']({});
    expect(synced.result).toMatchObject({ outcome: 'refused' });
    expect((await s['pack:info']({})).version).toBe('1.0.0');
    expect((await s['view:get']({ ctx: opportunity, lang: 'en' })).account?.id).toBe('northwind');
  });
});

describe('a stored pack whose index cannot be built', () => {
  /** What an older version could have stored: a pack whose accounts lack a field today's index needs. */
  async function storeBrokenActive() {
    const good = validatePack(validPack());
    if (!good.ok) throw new Error('sample invalid');
    const broken = structuredClone(good.pack) as Json;
    broken.meta.version = '1.5.0';
    delete broken.accounts[0].aliases;
    await db.put('packs', { pack: good.pack, importedAt: NOW.toISOString(), source: 'embedded' }, 'previous');
    await db.put('packs', { pack: broken, importedAt: NOW.toISOString(), source: URL_ }, 'active');
  }

  it('fails views with a clear message, while pack info, rollback and sync keep working', async () => {
    await storeBrokenActive();
    const s = service();
    await expect(s['view:get']({ ctx: opportunity, lang: 'en' })).rejects.toThrow(/cannot be used for matching.*Roll back/);
    const info = await s['pack:info']({});
    expect(info).toMatchObject({ version: '1.5.0', previous: { version: '1.0.0' } });
    expect(await s['sync:status']({})).toMatchObject({ settings: { packUrl: URL_ } });

    const next = validPack();
    next.meta.version = '1.6.0';
    served = JSON.stringify(next);
    expect(await s['sync:settings']({ packUrl: URL_, publicKey: null, refreshMinutes: 120 })).toMatchObject({ ok: true });
    expect(await s['pack:preview']({ text: served, source: 'file:next.json', lang: 'en' })).toMatchObject({ ok: true, comparison: 'upgrade' });
    const synced = await s['sync:now']({});
    expect(synced.result).toMatchObject({ outcome: 'updated', version: '1.6.0' });
    expect((await s['view:get']({ ctx: opportunity, lang: 'en' })).account?.id).toBe('northwind');

    // Back to the broken one and forward again with rollback: the options page can always get out.
    expect(await s['pack:rollback']({})).toMatchObject({ ok: true, info: { version: '1.5.0' } });
    expect(await s['pack:rollback']({})).toMatchObject({ ok: true, info: { version: '1.6.0' } });
  });
});
