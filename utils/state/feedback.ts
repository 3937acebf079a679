/**
 * The rep's feedback from the sidebar: a flag on an item (stored by the background, then
 * shown on the item), and palette searches that found nothing (kept when the palette
 * closes on one, so a half-typed word is not counted).
 */
import type { Signal } from '@preact/signals';
import type { ask } from '../ask';
import type { FeedbackTarget, Verdict } from '../feedback/types';
import type { SidebarView } from '../view/types';

/** Shorter searches are still being typed, not searches that found nothing. */
const MIN_MISS = 2;

export function feedbackActions(view: Signal<SidebarView | null>, deps: { ask: typeof ask }) {
  return {
    /** Resolves false when the background refused the flag (the item is gone from the pack). */
    async flag(target: FeedbackTarget, verdict: Verdict, note: string): Promise<boolean> {
      try {
        const r = await deps.ask('feedback:flag', { target, verdict, note: note.trim() || undefined });
        const v = view.peek();
        if (v) view.value = { ...v, flags: { ...(v.flags ?? {}), [r.key]: r.mark } };
        return true;
      } catch {
        return false;
      }
    },
  };
}

/** Remembers the palette's last query and whether it found anything; `closed` logs a miss. */
export function searchMissTracker(log: (query: string) => void) {
  let last: { query: string; hits: number } | null = null;
  return {
    searched(query: string, hits: number) {
      last = { query, hits };
    },
    closed() {
      if (last && last.hits === 0 && last.query.trim().length >= MIN_MISS) log(last.query.trim());
      last = null;
    },
    opened() {
      last = null;
    },
  };
}
