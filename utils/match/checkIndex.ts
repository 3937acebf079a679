/**
 * Builds the match index the way the service worker will, and says why it cannot be
 * used: an incoming pack is refused on this before it becomes active, and a stored
 * pack that fails it (one taken by an older version) leaves the rest of the
 * extension — pack info, rollback, sync — working.
 */
import type { KnowledgePack } from '../pack/schema';
import type { PackError } from '../pack/validate';
import { MAX_AUTOMATON_STATES } from '../pack/cost';
import { buildIndex, type PackIndex } from './index';

export type IndexBuild = { ok: true; index: PackIndex } | { ok: false; error: PackError };

export function tryBuildIndex(pack: KnowledgePack): IndexBuild {
  let index: PackIndex;
  try {
    index = buildIndex(pack);
  } catch (e) {
    return { ok: false, error: { path: '(index)', message: `the match index could not be built: ${(e as Error).message}` } };
  }
  const states = index.competitors.automaton.stateCount;
  if (states > MAX_AUTOMATON_STATES) {
    return { ok: false, error: { path: 'competitors', message: `the competitor aliases, keywords and exclusions make ${states.toLocaleString('en')} matcher states; at most ${MAX_AUTOMATON_STATES.toLocaleString('en')} are allowed` } };
  }
  return { ok: true, index };
}
