/**
 * The competitor index: every alias, keyword, exclusion phrase and own domain of every
 * competitor in one automaton, so detection (detectCompetitors.ts) is one pass over
 * the page text. The rules it serves:
 *
 * - An exclusion phrase of a competitor that covers one of its alias hits cancels it
 *   ("the oracle of Delphi").
 * - A `caseSensitive` alias counts only in the case written ("Beacon", not "beacon").
 * - A `needsContext` alias counts only when one of the competitor's keywords occurs in
 *   the scanned text (subject or body): a competitor whose name is a common word never
 *   matches on that word alone.
 * - A hit inside an e-mail address, URL or host name is not a mention ("jane@hooli-fans.org").
 *   The competitor's own domains (`website` and `domains`) in a participant's address or
 *   in an address on the page are evidence of their own kind ("a participant writes from
 *   globex.com").
 * - Overlapping hits resolve leftmost-longest ("Oracle Cloud" is one mention, not two).
 * - Ranking: the CRM's competitor field > the account's competitors in play > mentions
 *   by count.
 */
import type { Alias, Competitor } from '../pack/schema';
import { Automaton, doubled, foldString, HitBuffer, type PatternSpec } from './automaton';
import { normalizeName } from './normalize';

export const PatternKind = { Alias: 0, Keyword: 1, Exclusion: 2, Domain: 3 } as const;

export interface CompetitorIndex {
  competitors: readonly Competitor[];
  byId: Map<string, number>;
  /** Normalised name / alias → competitor indices (for CRM field values). */
  byName: Map<string, number[]>;
  /** The competitors' own domains → competitor indices (for participants' addresses). */
  byDomain: Map<string, number[]>;
  /**
   * One automaton pattern per distinct text (and case rule); what it means is a list
   * of payloads (CSR: `payStart[p]`…`payStart[p + 1]`), since several competitors may
   * share a keyword ("CRM", "pricing") or even an alias.
   */
  automaton: Automaton;
  payStart: Int32Array;
  payKind: Uint8Array;
  payCompetitor: Int32Array;
  payNeedsContext: Uint8Array;
  /** Per-call scratch, sized by the number of competitors, reused by every detection (single-threaded). */
  scratch: { epoch: number; kwEpoch: Uint32Array; kwHit: Int32Array; hits: HitBuffer; alias: FoundBuffer; exclusions: FoundBuffer };
}

/** Payload hits of one detection as columns (competitor, payload, which text, start, end): no object per hit. */
export class FoundBuffer {
  count = 0;
  ci: Int32Array = new Int32Array(256);
  pay: Int32Array = new Int32Array(256);
  text: Int32Array = new Int32Array(256);
  start: Int32Array = new Int32Array(256);
  end: Int32Array = new Int32Array(256);

  push(ci: number, pay: number, text: number, start: number, end: number): void {
    const k = this.count;
    if (k === this.ci.length) {
      this.ci = doubled(this.ci);
      this.pay = doubled(this.pay);
      this.text = doubled(this.text);
      this.start = doubled(this.start);
      this.end = doubled(this.end);
    }
    this.ci[k] = ci;
    this.pay[k] = pay;
    this.text[k] = text;
    this.start[k] = start;
    this.end[k] = end;
    this.count = k + 1;
  }
}

type Boundary = 'strict' | 'loose';

function aliasOf(a: Alias): { text: string; caseSensitive: boolean; needsContext: boolean; cjkBoundary: Boundary } {
  return typeof a === 'string'
    ? { text: a, caseSensitive: false, needsContext: false, cjkBoundary: 'strict' }
    : { text: a.text, caseSensitive: !!a.caseSensitive, needsContext: !!a.needsContext, cjkBoundary: a.cjkBoundary ?? 'strict' };
}

/** What `competitorPatterns` makes besides the automaton's patterns: maps and typed arrays, stored with the index (persist.ts). */
export type CompetitorTables = Pick<CompetitorIndex, 'byId' | 'byName' | 'byDomain' | 'payStart' | 'payKind' | 'payCompetitor' | 'payNeedsContext'>;

/**
 * The competitor index; `stored` when it was restored from storage: the automaton (built
 * from `competitorPatterns(competitors).specs`) and the tables beside it. Making the
 * patterns again normalises and folds every alias: 14 ms of a 500-competitor pack's
 * restore of 18, on every wake.
 */
export function buildCompetitorIndex(competitors: readonly Competitor[], stored?: { automaton: Automaton; tables: CompetitorTables }): CompetitorIndex {
  const { specs, ...rest } = stored ? { specs: null, ...stored.tables } : competitorPatterns(competitors);
  return {
    competitors,
    ...rest,
    automaton: stored?.automaton ?? new Automaton(specs!),
    scratch: { epoch: 0, kwEpoch: new Uint32Array(competitors.length), kwHit: new Int32Array(competitors.length), hits: new HitBuffer(), alias: new FoundBuffer(), exclusions: new FoundBuffer() },
  };
}

/** Every pattern of every competitor (one per distinct text and case rule) and what each means. */
export function competitorPatterns(competitors: readonly Competitor[]) {
  const specs: PatternSpec[] = [];
  const payloads: { kind: number; ci: number; needs: number }[][] = [];
  const patternOf = new Map<string, number>();
  const byId = new Map<string, number>();
  const byName = new Map<string, number[]>();
  const byDomain = new Map<string, number[]>();
  const addTo = (map: Map<string, number[]>, key: string, ci: number) => {
    if (!key) return;
    const list = map.get(key);
    if (!list) map.set(key, [ci]);
    else if (!list.includes(ci)) list.push(ci);
  };
  const addName = (key: string, ci: number) => addTo(byName, key, ci);
  const addPattern = (text: string, caseSensitive: boolean, cjkBoundary: Boundary, kind: number, ci: number, needs: boolean) => {
    const t = text.normalize('NFKC');
    const key = `${cjkBoundary === 'strict' ? 'S' : 'L'}${caseSensitive ? `C${t}` : `i${foldString(t)}`}`;
    let p = patternOf.get(key);
    if (p === undefined) {
      p = specs.length;
      patternOf.set(key, p);
      specs.push({ text: t, caseSensitive, cjkBoundary });
      payloads.push([]);
    }
    const list = payloads[p];
    if (!list.some((x) => x.kind === kind && x.ci === ci && x.needs === (needs ? 1 : 0))) list.push({ kind, ci, needs: needs ? 1 : 0 });
  };
  competitors.forEach((c, ci) => {
    byId.set(c.id, ci);
    addName(normalizeName(c.name), ci);
    // The name itself is an alias unless an alias object already says how to treat it.
    const aliases = c.aliases.map(aliasOf);
    const folded = new Set(aliases.map((a) => foldString(a.text.normalize('NFKC'))));
    if (!folded.has(foldString(c.name.normalize('NFKC')))) aliases.unshift({ text: c.name, caseSensitive: false, needsContext: false, cjkBoundary: 'strict' });
    for (const a of aliases) {
      addName(normalizeName(a.text), ci);
      addPattern(a.text, a.caseSensitive, a.cjkBoundary, PatternKind.Alias, ci, a.needsContext);
    }
    // Keywords are words too ("信创" is not in "自信创造"); an exclusion phrase cancels wherever it stands.
    for (const k of c.keywords ?? []) addPattern(k, false, 'strict', PatternKind.Keyword, ci, false);
    for (const x of c.exclusions ?? []) addPattern(x, false, 'loose', PatternKind.Exclusion, ci, false);
    for (const d of new Set([...(c.website ? [c.website] : []), ...(c.domains ?? [])])) {
      addTo(byDomain, d, ci);
      addPattern(d, false, 'loose', PatternKind.Domain, ci, false);
    }
  });
  const payStart = new Int32Array(specs.length + 1);
  payloads.forEach((l, p) => (payStart[p + 1] = payStart[p] + l.length));
  const n = payStart[specs.length];
  const payKind = new Uint8Array(n);
  const payCompetitor = new Int32Array(n);
  const payNeedsContext = new Uint8Array(n);
  payloads.forEach((l, p) =>
    l.forEach((x, k) => {
      payKind[payStart[p] + k] = x.kind;
      payCompetitor[payStart[p] + k] = x.ci;
      payNeedsContext[payStart[p] + k] = x.needs;
    }),
  );
  return { specs, byId, byName, byDomain, payStart, payKind, payCompetitor, payNeedsContext };
}
