/**
 * The background's work, independent of `browser.*` so it runs under vitest with
 * fake-indexeddb. Nothing here may rely on memory surviving: the pack index is a
 * cache, restored lazily from IndexedDB (stored with the pack at activation; built
 * from the pack when an older version stored it) whenever the worker wakes without it.
 */
import { accountsOf, type Db, type StoredPack } from '../store/db';
import { getActivePack, getPreviousPack, rollbackPack } from '../store/packStore';
import { logUsage, setPick, setSeenStage, setTick } from '../store/userState';
import type { PackIndex } from '../match/index';
import { indexForStoredPack, type IndexBuild } from '../match/checkIndex';
import { DERIVED_VERSION, packDerived, type PackDerived } from '../pack/derived';
import { packInfo } from '../view/buildView';
import { buildPaletteIndex, type PaletteIndex } from '../search/palette';
import type { Account } from '../pack/schema';
import type { MessageType, Request, Responses } from '../messages';
import type { AccountHit } from '../view/types';
import { createOpsHandlers, type OpsDeps } from '../sync/handlers';
import { NO_TABS, ruleTrialHandler, type RuleTrialTabs } from './ruleTrial';
import type { From } from './dispatch';
import type { Reading } from '../ui/viewPort';
import { roleHandlers, type RolePrefs, type SaveRole } from './roleHandlers';
import { createLoopHandlers, memoryLoopDeps, type LoopDeps } from './loopHandlers';
import { openLoopDb } from '../store/loopDb';
import { usageTelemetry } from '../telemetry/fromUsage';
import { withLoopReport } from '../feedback/staleLoop';
import { repHandlers } from './repHandlers';
import { viewGet } from './viewGet';

export interface ServiceDeps {
  getDb: () => Promise<Db>;
  now?: () => Date;
  /** Sync storage, policy, fetch and alarm (in-memory defaults for tests). */
  ops?: OpsDeps;
  /** The tabs "Try this rule" reads (none by default). */
  tabs?: RuleTrialTabs;
  /** Pushes a tab's reading and its view to that tab's sidebar frames (utils/background/viewPush.ts); none in tests unless given. */
  views?: { prime(tabId: number, reading: Reading): Promise<number> };
  /** The rep's role setting and the policy's default role (none by default). */
  rolePrefs?: RolePrefs;
  /** Stores the rep's role (`role:set`); given with `rolePrefs`, which must answer with it. Both absent: kept in memory. */
  saveRole?: SaveRole;
  /** Feedback store and team analytics (in-memory, no endpoint, by default). */
  loop?: LoopDeps;
}

export type Handlers = { [K in MessageType]: (payload: Request<K>, from?: From) => Promise<Responses[K]> };

/**
 * The active pack as stored, with its derived trees, and (built on first use) its match
 * index and palette. The two are kept apart so that a pack whose index cannot be built
 * still answers pack info, rollback, preview and sync.
 */
function activePackCache(getDb: () => Promise<Db>) {
  type Active = { stored: StoredPack; derived: PackDerived; index?: IndexBuild; palette?: PaletteIndex };
  let active: Active | null = null;
  let loading: Promise<Active> | null = null;

  async function current(): Promise<Active> {
    if (active) return active;
    loading ??= (async () => {
      const stored = await getActivePack(await getDb());
      // A pack stored by an older version has no trees (or older ones): convert it
      // here, within the limits; it is stored with them when the next pack comes in.
      const derived = stored.derived?.version === DERIVED_VERSION ? stored.derived : packDerived(stored.pack).derived;
      active = { stored, derived };
      loading = null;
      return active;
    })().catch((e) => {
      loading = null;
      throw e;
    });
    return loading;
  }

  /** The match index, restored or built once; a failed build is remembered (not retried on every view) until the pack changes. */
  const indexOf = (a: Active): IndexBuild => (a.index ??= indexForStoredPack(a.stored.pack, a.stored.index, accountsOf(a.stored)));

  async function indexed(): Promise<{ stored: StoredPack; derived: PackDerived; index: PackIndex }> {
    const a = await current();
    const built = indexOf(a);
    if (!built.ok) throw new Error(`The active pack cannot be used for matching (${built.error.message}). Roll back or import another pack on the options page.`);
    return { stored: a.stored, derived: a.derived, index: built.index };
  }

  /**
   * The active pack's account of an id, through the match index: a large pack's accounts
   * are decoded one by one (utils/store/packedAccounts.ts), and a rep's tick or pick after a
   * wake must not decode them all. A pack that cannot be indexed is searched instead.
   */
  async function accountById(id: string): Promise<Account | undefined> {
    const a = await current();
    const built = indexOf(a);
    return built.ok ? accountIn(built.index, id) : a.stored.pack.accounts.find((x) => x.id === id);
  }

  /** The palette's index is built on first use: most tabs never open it. */
  async function palette(): Promise<PaletteIndex> {
    const a = await current();
    a.palette ??= buildPaletteIndex(a.stored.pack);
    return a.palette;
  }

  function invalidate() {
    active = null;
    loading = null;
  }

  return { current, indexed, palette, invalidate, accountById };
}

type ActivePack = ReturnType<typeof activePackCache>;

/** What the rep does on a record page (its view: viewGet.ts). */
function recordHandlers(
  { getDb, now }: { getDb: () => Promise<Db>; now: () => Date },
  { current, palette, accountById }: ActivePack,
): Pick<Handlers, 'stage:seen' | 'checklist:set' | 'account:pick' | 'account:search'> {
  return {
    async 'stage:seen'({ accountId, playbookId, stageId }) {
      const { pack } = (await current()).stored;
      await requireAccount(accountById, accountId);
      if (!pack.playbooks.find((p) => p.id === playbookId)?.stages.some((s) => s.id === stageId)) throw new Error(`unknown stage "${playbookId}/${stageId}"`);
      await setSeenStage(await getDb(), { accountId, playbookId, stageId, seenAt: now().toISOString() });
      return { ok: true };
    },

    async 'checklist:set'(req) {
      const rec = await setTick(await getDb(), req, now());
      return { done: rec.done };
    },

    async 'account:pick'({ recordKey: key, accountId }) {
      const { stored } = await current();
      if (accountId) await requireAccount(accountById, accountId);
      await setPick(await getDb(), key, accountId, now());
      return { ok: true };
    },

    async 'account:search'({ query, lang }) {
      const { stored } = await current();
      const byId = new Map(stored.pack.accounts.map((a) => [a.id, a]));
      return (await palette())
        .search(query, lang, 60)
        .filter((h) => h.kind === 'account')
        .slice(0, 20)
        .map((h): AccountHit => {
          const a = byId.get(h.id)!;
          return { id: a.id, name: a.name, segment: a.segment ?? null, region: a.region ?? null, domains: a.domains };
        });
    },
  };
}

export function createService({ getDb, now = () => new Date(), ops, tabs = NO_TABS, views, rolePrefs, saveRole, loop = memoryLoopDeps(openLoopDb) }: ServiceDeps): Handlers & {
  invalidate(): void;
  ops: ReturnType<typeof createOpsHandlers>['ops'];
  telemetry: ReturnType<typeof createLoopHandlers>['telemetry'];
} {
  const pack = activePackCache(getDb);
  const { current, palette, invalidate } = pack;
  const loopPart = createLoopHandlers({ getDb, now, current, loop });
  const records = recordHandlers({ getDb, now }, pack);

  async function info(lang = 'en') {
    const db = await getDb();
    const { stored } = await current();
    return packInfo(stored, await getPreviousPack(db), lang);
  }

  const opsHandlers = createOpsHandlers({ getDb, now, current, invalidate, info: () => info(), ops });
  const rep = repHandlers({ getDb, now, pack: async () => (await current()).stored.pack, accountById: pack.accountById });
  const roles = roleHandlers({ getDb, now, current, ...rolePrefsOr(rolePrefs, saveRole) });

  return {
    invalidate,
    ...opsHandlers,
    ...records,
    ...rep,
    async 'outcome:set'(req) {
      const done = await rep['outcome:set'](req);
      // Team analytics (issue 17), when ops set an endpoint: the result and the pack's reason and competitor ids, never the note.
      if (!req.skipped) void loopPart.enqueue({ kind: 'outcome', outcome: req.result, competitorId: req.competitorId ?? undefined, reasonIds: req.reasonId ? [req.reasonId] : undefined });
      return done;
    },
    ...roles.handlers,
    ...loopPart.handlers,
    telemetry: loopPart.telemetry,

    async 'ops:report'() {
      // Beside the stale cards: old claims by owner, and the open flags each owner's reminder lists.
      const { stored } = await current();
      const feedback = await loopPart.handlers['feedback:report']({ lang: stored.pack.meta.defaultLocale });
      return withLoopReport(await opsHandlers['ops:report'](), stored.pack, feedback, now());
    },

    async 'view:get'(req) {
      // The feedback database (a second IndexedDB to open on a woken worker) and the role
      // settings are asked for as the request comes in, not after: this is the rep's wait.
      const prefs = roles.prefs();
      prefs.catch(() => undefined);
      const loopDb = loop.getLoopDb();
      loopDb.catch(() => undefined);
      return viewGet({ getDb, now, indexed: pack.indexed, accountById: accountIn, loopDb, decorations: (view, p, lang) => roles.decorations(view, p, lang, prefs) }, req);
    },

    async 'index:warm'() {
      // The record's view will also read the feedback database: open it during the wake too.
      await Promise.all([pack.indexed(), loop.getLoopDb().catch(() => undefined)]);
      return { ok: true };
    },

    /** Only a content script in a tab's top frame sends its tab's reading; anything else pushes nothing. */
    async 'view:prime'(reading, from) {
      if (!views || from?.tabId === undefined || from.frameId !== 0 || from.extensionPage) return { pushed: 0 };
      return { pushed: await views.prime(from.tabId, reading) };
    },

    async 'sites:rules'() {
      return (await current()).stored.pack.sites;
    },

    'sites:try': ruleTrialHandler({ rules: async () => (await current()).stored.pack.sites, indexed: pack.indexed, tabs }),

    async 'sites:patches'({ site }) {
      return ((await current()).stored.pack.sitePatches ?? []).filter((p) => p.site === site);
    },

    async 'search:palette'({ query, lang }) {
      return (await palette()).search(query, lang);
    },

    async 'record:none'() {
      return { ok: true }; // the toolbar icon is the background's (utils/background/toolbarIcon.ts)
    },

    async 'usage:log'(event) {
      await logUsage(await getDb(), event, now());
      // Team analytics, when ops set an endpoint: ids only (utils/telemetry/fromUsage.ts).
      const t = usageTelemetry(event);
      if (t) await loopPart.enqueue(t);
      return { ok: true };
    },

    async 'pack:info'() {
      return info();
    },

    /**
     * One-step import (tests, tools): the same intake as preview + activate, so a
     * configured public key and the downgrade rule apply here too.
     */
    async 'pack:import'({ text, source }) {
      const r = await opsHandlers['pack:activate']({ text, source, allowDowngrade: false });
      if (r.ok) return { ok: true, info: r.info, warnings: r.warnings };
      return { ok: false, errors: r.errors.length ? r.errors : [{ path: '(file)', message: `refused: ${r.reason}` }] };
    },

    async 'pack:rollback'() {
      try {
        await rollbackPack(await getDb());
      } catch (e) {
        return { ok: false, error: (e as Error).message };
      }
      invalidate();
      return { ok: true, info: await info() };
    },
  };
}

/** The role setting as given, or in memory (tests, tools) when neither half is. */
function rolePrefsOr(rolePrefs: RolePrefs | undefined, saveRole: SaveRole | undefined): { rolePrefs: RolePrefs; saveRole: SaveRole } {
  if (rolePrefs) return { rolePrefs, saveRole: saveRole ?? (async () => Promise.reject(new Error('the role setting cannot be saved here'))) };
  let rep: Awaited<ReturnType<RolePrefs>>['rep'] = null;
  return {
    rolePrefs: async () => ({ rep, policy: null }),
    saveRole: async (role) => {
      rep = role === 'auto' ? null : role;
    },
  };
}

/** A rep's choice or a view's stage is kept only for an account the active pack has. */
async function requireAccount(accountById: (id: string) => Promise<Account | undefined>, accountId: string): Promise<void> {
  if (!(await accountById(accountId))) throw new Error(`unknown account "${accountId}"`);
}

/** The account of an id in the index (its last, as a Map would keep; ids are unique in a valid pack). */
function accountIn(index: PackIndex, id: string): Account | undefined {
  const i = index.ids.last(id);
  return i < 0 ? undefined : index.accounts.at(i);
}

