/**
 * Issue 16 in the background: the view's role layout, marks and play state (read beside
 * view:get's other reads, decorated by a pure function), what the rep has seen and
 * snoozed (written by their own requests), and the insert boundary: the content script
 * inserts only text this handler gives it for a ref the pack marks customer-safe, so no
 * frame — ours with a bug, or a forged request — can put internal text into a reply.
 */
import type { Db, StoredPack } from '../store/db';
import type { PackDerived } from '../pack/derived';
import { richAt, richPath } from '../pack/derived';
import { findCopyable, type TextRef } from '../pack/audience';
import { localize } from '../pack/text';
import type { KnowledgePack } from '../pack/schema';
import type { Request, Responses } from '../messages';
import { keptUntilChanged } from './keptUntilChanged';
import { getPlay, getSeen, getStaleSnoozes, snoozeStale, updatePlay, updateSeen } from '../store/seen';
import { seenKeysOf, type Decorations } from '../view/decorate';
import { cardItems, markSeen, stageItems, type SeenItems } from '../view/lastSeen';
import { resolveRole, type Role } from '../view/sections';
import { richToPlain } from '../view/plainText';
import type { SidebarView } from '../view/types';

const DAY = 86_400_000;

/** The rep's own role setting and the IT policy's default (null: not set). */
export type RolePrefs = () => Promise<{ rep: Role | null; policy: Role | null }>;

/** Stores the rep's role setting ('auto': the policy's or the pack's); `RolePrefs` answers with it from then on. */
export type SaveRole = (role: Request<'role:set'>['role']) => Promise<void>;

/**
 * The role settings kept in the worker between views (utils/background/keptUntilChanged.ts),
 * and the rep's role written through the worker: the kept value is dropped once the write
 * is done, so the view asked for right after it has the new role without waiting for
 * storage's change event (which still drops it for writes made elsewhere).
 */
export function keptRolePrefs(read: RolePrefs, write: SaveRole, watch: (changed: () => void) => void): { rolePrefs: RolePrefs; saveRole: SaveRole } {
  const rolePrefs = keptUntilChanged(read, watch);
  return {
    rolePrefs,
    saveRole: async (role) => {
      await write(role);
      rolePrefs.drop();
    },
  };
}

interface Deps {
  getDb: () => Promise<Db>;
  now: () => Date;
  current: () => Promise<{ stored: StoredPack; derived: PackDerived }>;
  rolePrefs: RolePrefs;
  saveRole: SaveRole;
}

/** The current items of `card:<id>` or `stage:<playbook>/<stage>`, or null when the pack has no such thing. */
function itemsOf(pack: KnowledgePack, key: string): SeenItems | null {
  if (key.startsWith('card:')) {
    const c = pack.competitors.find((x) => x.id === key.slice(5));
    return c ? cardItems(c) : null;
  }
  const [pb, st] = key.slice(6).split('/');
  const s = pack.playbooks.find((p) => p.id === pb)?.stages.find((x) => x.id === st);
  return s ? stageItems(s) : null;
}

/** The text of a ref in `lang`, as a rep reads it (Markdown fields as plain text). */
function textOf(pack: KnowledgePack, derived: PackDerived, ref: TextRef, lang: string): string | null {
  const loc = pack.meta.defaultLocale;
  if (ref.kind === 'pricing' || ref.kind === 'guidance') {
    const path =
      ref.kind === 'pricing'
        ? richPath.pricing(pack.competitors.findIndex((c) => c.id === ref.competitorId))
        : (() => {
            const pi = pack.playbooks.findIndex((p) => p.id === ref.playbookId);
            return richPath.guidance(pi, pi < 0 ? -1 : pack.playbooks[pi].stages.findIndex((s) => s.id === ref.stageId));
          })();
    const rich = richAt(derived, path, lang, loc);
    return rich ? richToPlain(rich) : null;
  }
  const found = findCopyable(pack, ref);
  return found ? localize(found.text, lang, loc) : null;
}

export function roleHandlers({ getDb, now, current, rolePrefs, saveRole }: Deps) {
  /**
   * What decorates a view of this shape (utils/view/decorate.ts): the role, the seen
   * marks, the play state and the stale snoozes, read together (and beside the rest of
   * view:get's reads: utils/background/viewGet.ts).
   */
  async function decorations(view: SidebarView, pack: KnowledgePack, lang: string, prefsAsked?: ReturnType<typeof rolePrefs>): Promise<Decorations> {
    const db = await getDb();
    const h = view.health;
    const stale = view.cards.filter((c) => c.stale).map((c) => c.id);
    const [prefs, seen, play, staleSnoozes] = await Promise.all([
      (prefsAsked ?? rolePrefs()).catch(() => ({ rep: null, policy: null })),
      getSeen(db, seenKeysOf(view)),
      view.account && h?.play ? getPlay(db, view.account.id, h.bandId) : null,
      getStaleSnoozes(db, stale),
    ]);
    return { role: resolveRole(prefs.rep, prefs.policy, pack.meta.defaultRole), seen, play, staleSnoozes, lang, now: now() };
  }

  const handlers = {
    /** The sidebar's role switch and the options page: the worker writes the setting, so the next view has it. */
    async 'role:set'({ role }: Request<'role:set'>): Promise<Responses['role:set']> {
      await saveRole(role);
      return { ok: true };
    },

    async 'seen:mark'({ key, parts, first }: Request<'seen:mark'>): Promise<Responses['seen:mark']> {
      const { pack } = (await current()).stored;
      const items = itemsOf(pack, key);
      if (!items) throw new Error(`unknown card or stage "${key}"`);
      await updateSeen(await getDb(), key, (old) => {
        // The first look only sets the baseline; a card seen before keeps its marks.
        if (first && old) return null;
        return { key, version: pack.meta.version, items: markSeen(old?.items ?? null, items, parts), at: now().toISOString() };
      });
      return { ok: true };
    },

    async 'play:shown'({ accountId, bandId }: Request<'play:shown'>): Promise<Responses['play:shown']> {
      await updatePlay(await getDb(), accountId, bandId, { expandedAt: now().toISOString() });
      return { ok: true };
    },

    async 'play:snooze'({ accountId, bandId, days }: Request<'play:snooze'>): Promise<Responses['play:snooze']> {
      // days 0: the rep takes the snooze back.
      await updatePlay(await getDb(), accountId, bandId, { snoozedUntil: days ? new Date(now().getTime() + days * DAY).toISOString() : undefined });
      return { ok: true };
    },

    async 'stale:snooze'({ competitorId, days }: Request<'stale:snooze'>): Promise<Responses['stale:snooze']> {
      const c = (await current()).stored.pack.competitors.find((x) => x.id === competitorId);
      if (!c) throw new Error(`unknown competitor "${competitorId}"`);
      // days 0: the warning shows again.
      await snoozeStale(await getDb(), competitorId, days ? new Date(now().getTime() + days * DAY).toISOString() : undefined, c.reviewedAt);
      return { ok: true };
    },

    async 'text:insertable'({ ref, lang }: Request<'text:insertable'>): Promise<Responses['text:insertable']> {
      const { stored, derived } = await current();
      const found = findCopyable(stored.pack, ref);
      if (!found) return { ok: false, reason: 'unknown' };
      if (found.audience !== 'customer') return { ok: false, reason: 'internal' };
      const text = textOf(stored.pack, derived, ref, lang);
      return text ? { ok: true, text } : { ok: false, reason: 'unknown' };
    },
  };

  return { decorations, prefs: rolePrefs, handlers };
}
