/**
 * nginx weakens the ETag of every response it compresses (`W/"…"`). The extension hands
 * the validator back exactly as it got it and leaves the (weak) comparison to the
 * server, as HTTP has it for If-None-Match. The pack-host e2e spec shows it against a
 * real nginx; this pins the request the sync sends.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EMPTY_STATE, runSync, type SyncState } from '../../../utils/sync/sync';
import type { EffectiveSettings } from '../../../utils/sync/settings';
import type { KnowledgePack } from '../../../utils/pack/schema';

const sample = readFileSync(new URL('../../../assets/sample-pack.json', import.meta.url), 'utf8');
const URL_ = 'https://packs.example.com/frontline/pack.json';
const no = { packUrl: false, publicKey: false, refreshMinutes: false, allowPackSwitch: false };
const settings: EffectiveSettings = { packUrl: URL_, publicKey: null, refreshMinutes: 60, allowPackSwitch: false, fromPolicy: no, locked: no, policyProblems: [], keyProblem: null };

describe('a weak ETag', () => {
  it('is sent back verbatim in If-None-Match, and the 304 keeps the pack', async () => {
    const WEAK = 'W/"6b0dc3eb-1c58e"';
    const sent: (string | null)[] = [];
    let state: SyncState = EMPTY_STATE;
    let active: KnowledgePack | null = null;
    const deps = {
      fetch: (async (_u: string, init?: RequestInit) => {
        const inm = new Headers(init?.headers).get('If-None-Match');
        sent.push(inm);
        // nginx compares If-None-Match weakly: the weak tag matches the stored one.
        return inm === WEAK ? new Response(null, { status: 304, headers: { ETag: WEAK } }) : new Response(sample, { status: 200, headers: { ETag: WEAK } });
      }) as typeof fetch,
      settings: async () => settings,
      loadState: async () => state,
      saveState: async (s: SyncState) => void (state = s),
      active: async () => active,
      activate: async (p: KnowledgePack) => void (active = p),
      now: () => new Date('2026-11-23T09:00:00Z'),
    };
    expect((await runSync(deps)).result?.outcome).toBe('updated');
    expect(state.etag).toBe(WEAK);
    expect((await runSync(deps)).result?.outcome).toBe('not-modified');
    expect(sent).toEqual([null, WEAK]);
  });
});
