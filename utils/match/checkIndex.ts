/**
 * Builds the match index the way the service worker will, and says why it cannot be
 * used: an incoming pack is refused on this before it becomes active, and a stored
 * pack that fails it (one taken by an older version) leaves the rest of the
 * extension — pack info, rollback, sync — working.
 */
import type { KnowledgePack } from '../pack/schema';
import type { PackError } from '../pack/validate';
import { MAX_AUTOMATON_STATES } from '../pack/cost';
import { buildIndex, type AccountList, type PackIndex } from './index';
import { restoreIndex, type StoredIndex } from './persist';
import { grouped } from '../pack/grouped';

export type IndexBuild = { ok: true; index: PackIndex } | { ok: false; error: PackError };

/** Indexes intake built, by pack, so activation stores that one instead of building it again. */
const builtFor = new WeakMap<KnowledgePack, PackIndex>();

export function tryBuildIndex(pack: KnowledgePack): IndexBuild {
  let index: PackIndex;
  try {
    index = buildIndex(pack);
  } catch (e) {
    return { ok: false, error: { path: '(index)', message: `the match index could not be built: ${(e as Error).message}` } };
  }
  const r = checked(index);
  if (r.ok) builtFor.set(pack, index);
  return r;
}

/** The index a trial build made for this very pack object, if any. */
export function builtIndexOf(pack: KnowledgePack): PackIndex | undefined {
  return builtFor.get(pack);
}

/** The index stored with the pack when there is a usable one (no rebuild), else built from the pack. */
export function indexForStoredPack(pack: KnowledgePack, stored: StoredIndex | undefined, accounts?: AccountList): IndexBuild {
  let restored: PackIndex | null = null;
  try {
    restored = restoreIndex(pack, stored, accounts);
  } catch {
    // A stored index that does not fit: build instead.
  }
  return restored ? checked(restored) : tryBuildIndex(pack);
}

function checked(index: PackIndex): IndexBuild {
  const states = index.competitors.automaton.stateCount;
  if (states > MAX_AUTOMATON_STATES) {
    return { ok: false, error: { path: 'competitors', message: `the competitor aliases, keywords and exclusions make ${grouped(states)} matcher states; at most ${grouped(MAX_AUTOMATON_STATES)} are allowed` } };
  }
  return { ok: true, index };
}
