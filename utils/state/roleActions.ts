/**
 * The sidebar model's issue-16 actions: the role switch, collapsed sections, what the rep
 * has seen, plays shown and snoozed, and copy/insert of a text with its audience. Each
 * write goes to the background by message; a failed write never blocks the panel.
 */
import { signal } from '@preact/signals';
import type { ask } from '../ask';
import type { TextRef } from '../pack/audience';
import type { AudienceValue } from '../pack/roles';
import type { RoleSetting } from '../settings';
import type { SectionId } from '../view/sections';
import type { SidebarView } from '../view/types';

/** A text the rep can copy or insert: where it is (the insert boundary resolves that), what it says, who it is for. */
export interface CopyItem {
  ref: TextRef;
  text: string;
  audience: AudienceValue;
}

export type RoleNotice = 'copiedInternal' | 'insertRefused';

interface Deps {
  ask: typeof ask;
}

/** Snoozing a play keeps it collapsed for this long. */
export const SNOOZE_DAYS = 7;
/** A stale card's warning: long enough for its owner to review it. */
export const STALE_SNOOZE_DAYS = 14;

export function roleSignals() {
  return {
    /** Sections the rep opened although their layout collapses them (this frame only). */
    expanded: signal<ReadonlySet<SectionId>>(new Set()),
  };
}

type RoleSignals = ReturnType<typeof roleSignals> & { view: { peek(): SidebarView | null } };

export function roleActions(s: RoleSignals, deps: Deps, load: () => Promise<void>) {
  const quiet = (p: Promise<unknown>) => void p.catch(() => undefined);
  return {
    /** One click in the sidebar: the rep's own choice, kept in extension storage by the worker, then the view in its layout. */
    async setRole(role: RoleSetting) {
      await deps.ask('role:set', { role }).catch(() => undefined);
      s.expanded.value = new Set();
      await load();
    },
    toggleSection(id: SectionId) {
      const next = new Set(s.expanded.peek());
      if (next.has(id)) next.delete(id);
      else next.add(id);
      s.expanded.value = next;
    },
    expandSection(id: SectionId) {
      if (!s.expanded.peek().has(id)) s.expanded.value = new Set([...s.expanded.peek(), id]);
    },
    /** The rep saw these parts of a card or stage (all of them when absent); `first`: only the first look sets a baseline. */
    markSeen(key: string, parts?: string[], first?: boolean) {
      quiet(deps.ask('seen:mark', { key, parts, first }));
    },
    async markAllSeen(key: string) {
      await deps.ask('seen:mark', { key }).catch(() => undefined);
      await load();
    },
    playShown(accountId: string, bandId: string) {
      quiet(deps.ask('play:shown', { accountId, bandId }));
    },
    async snoozePlay(accountId: string, bandId: string, days = SNOOZE_DAYS) {
      await deps.ask('play:snooze', { accountId, bandId, days }).catch(() => undefined);
      await load();
    },
    async snoozeStale(competitorId: string, days = STALE_SNOOZE_DAYS) {
      await deps.ask('stale:snooze', { competitorId, days }).catch(() => undefined);
      await load();
    },
  };
}
