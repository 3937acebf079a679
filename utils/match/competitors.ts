/**
 * Competitor detection: every alias, keyword and exclusion phrase of every competitor
 * in one automaton, one pass over the page text.
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
import type { CompetitorMatch, Mention, Reason } from './types';
import { addressAround, addressHost } from './addresses';
import { Automaton, foldString, foldTable, type PatternSpec } from './automaton';
import { hostOf } from './domains';
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
  scratch: { epoch: number; kwEpoch: Uint32Array; kwHit: Int32Array };
}

type Boundary = 'strict' | 'loose';

function aliasOf(a: Alias): { text: string; caseSensitive: boolean; needsContext: boolean; cjkBoundary: Boundary } {
  return typeof a === 'string'
    ? { text: a, caseSensitive: false, needsContext: false, cjkBoundary: 'strict' }
    : { text: a.text, caseSensitive: !!a.caseSensitive, needsContext: !!a.needsContext, cjkBoundary: a.cjkBoundary ?? 'strict' };
}

export function buildCompetitorIndex(competitors: readonly Competitor[]): CompetitorIndex {
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
  return {
    competitors,
    byId,
    byName,
    byDomain,
    automaton: new Automaton(specs),
    payStart,
    payKind,
    payCompetitor,
    payNeedsContext,
    scratch: { epoch: 0, kwEpoch: new Uint32Array(competitors.length), kwHit: new Int32Array(competitors.length) },
  };
}

interface Found {
  ci: number;
  /** The payload entry (for needsContext). */
  pay: number;
  text: number; // which scanned text
  start: number;
  end: number;
}

interface Acc {
  ci: number;
  crmValue: string | null;
  inPlay: boolean;
  hits: Found[];
  keyword: string | null;
  /** Own domains seen, participants first. */
  domains: { domain: string; source: 'participant' | 'link' }[];
}

export interface DetectInput {
  /** Texts to scan (subject, body…); empty ones are skipped. */
  texts: readonly (string | null | undefined)[];
  /** Values of the CRM's competitor field. */
  crmField: readonly string[];
  /** E-mail addresses of the thread's participants (ours left out). */
  addresses?: readonly string[];
  /** Competitor ids in play at the matched account, and its name for the reason. */
  inPlay: readonly string[];
  accountName?: string | null;
  maxSnippets?: number;
}

const SNIPPET_SIDE = 30;

/** The window [a, b) of a snippet around [start, end): ~`side` characters each way, cut at spaces where it can be. */
export function snippetBounds(text: string, start: number, end: number, side = SNIPPET_SIDE): [number, number] {
  let a = Math.max(0, start - side);
  let b = Math.min(text.length, end + side);
  if (a > 0) {
    const sp = text.slice(a, start).search(/\s/);
    if (sp >= 0 && a + sp + 1 < start) a = a + sp + 1;
  }
  if (b < text.length) {
    const tail = text.slice(end, b);
    const m = /\s(?=\S*$)/.exec(tail);
    if (m && m.index > 0) b = end + m.index;
  }
  return [a, b];
}

/** A ~60-character window around [start, end), cut at spaces where it can be, whitespace collapsed, "…" where cut. */
export function snippet(text: string, start: number, end: number, side = SNIPPET_SIDE): string {
  const [a, b] = snippetBounds(text, start, end, side);
  const body = text.slice(a, b).replace(/\s+/g, ' ').trim();
  return `${a > 0 ? '…' : ''}${body}${b < text.length ? '…' : ''}`;
}

/** Competitors on the page, strongest first, each with its sources, evidence and reasons. */
export function detectCompetitors(index: CompetitorIndex, input: DetectInput): CompetitorMatch[] {
  const { competitors, automaton, payStart, payKind, payCompetitor, payNeedsContext } = index;
  const fold = foldTable();
  const byCi = new Map<number, Acc>();
  const acc = (ci: number): Acc => {
    let a = byCi.get(ci);
    if (!a) byCi.set(ci, (a = { ci, crmValue: null, inPlay: false, hits: [], keyword: null, domains: [] }));
    return a;
  };
  const sawDomain = (ci: number, domain: string, source: 'participant' | 'link') => {
    const list = acc(ci).domains;
    if (!list.some((d) => d.domain === domain)) list.push({ domain, source });
  };

  // 1. The CRM's competitor field: whole value, then its parts, then aliases inside it.
  for (const raw of input.crmField) {
    const value = raw?.trim();
    if (!value) continue;
    let found = index.byName.get(normalizeName(value));
    if (!found) {
      const parts = value.split(/[;,|/\n、，；]+/).map((p) => index.byName.get(normalizeName(p)) ?? []);
      const flat = [...new Set(parts.flat())];
      if (flat.length) found = flat;
    }
    if (!found) {
      const cis = new Set<number>();
      for (const h of automaton.scan(value))
        for (let k = payStart[h.patternIndex]; k < payStart[h.patternIndex + 1]; k++) if (payKind[k] === PatternKind.Alias) cis.add(payCompetitor[k]);
      if (cis.size) found = [...cis];
    }
    for (const ci of found ?? []) {
      const a = acc(ci);
      if (a.crmValue === null) a.crmValue = value;
    }
  }

  // 2. In play at the account.
  for (const id of input.inPlay) {
    const ci = index.byId.get(id);
    if (ci !== undefined) acc(ci).inPlay = true;
  }

  // 3. Participants writing from a competitor's own domain (or a subdomain of it).
  // The host and each parent that still has a dot ("mail.globex.com", "globex.com"): no public-suffix parse needed,
  // since only the competitors' own domains are looked up.
  if (index.byDomain.size) {
    for (const raw of input.addresses ?? []) {
      const at = raw.lastIndexOf('@');
      let h = at < 0 ? null : hostOf(raw.slice(at + 1));
      while (h && h.includes('.')) {
        for (const ci of index.byDomain.get(h) ?? []) sawDomain(ci, h, 'participant');
        h = h.slice(h.indexOf('.') + 1);
      }
    }
  }

  // 4. Mentions: scan every text, then drop alias hits cancelled by an exclusion or lacking context.
  const texts = input.texts;
  const aliasHits: Found[] = [];
  let exclusions: Found[] | null = null;
  // Which competitors have a keyword on the page: per-competitor scratch stamped with this call's epoch
  // (allocated once per index), and the first hit of each keyword pattern to quote it.
  const epoch = (index.scratch.epoch = (index.scratch.epoch + 1) >>> 0 || 1);
  const { kwEpoch, kwHit } = index.scratch;
  const kwHits: Found[] = [];
  const hasKeyword = (ci: number) => kwEpoch[ci] === epoch;
  let seenKeyword: Set<number> | null = null;
  for (let ti = 0; ti < texts.length; ti++) {
    const t = texts[ti];
    if (!t) continue;
    for (const h of automaton.scan(t)) {
      const p = h.patternIndex;
      // Keywords only need to be present: the first occurrence marks all their competitors.
      const keywordSeen = seenKeyword?.has(p) ?? false;
      let keyword = false;
      let inAddress: boolean | undefined;
      for (let k = payStart[p]; k < payStart[p + 1]; k++) {
        const ci = payCompetitor[k];
        const kind = payKind[k];
        if (kind === PatternKind.Alias) aliasHits.push({ ci, pay: k, text: ti, start: h.start, end: h.end });
        else if (kind === PatternKind.Domain) {
          const domain = ownDomainAt(t, h.start, h.end);
          if (domain) sawDomain(ci, domain, 'link');
        } else if (kind === PatternKind.Keyword) {
          if (keywordSeen || (inAddress ??= addressAround(t, h.start, h.end, fold) !== null)) continue;
          if (!keyword) kwHits.push({ ci, pay: k, text: ti, start: h.start, end: h.end });
          keyword = true;
          if (kwEpoch[ci] !== epoch) {
            kwEpoch[ci] = epoch;
            kwHit[ci] = kwHits.length - 1;
          }
        } else (exclusions ??= []).push({ ci, pay: k, text: ti, start: h.start, end: h.end });
      }
      if (keyword) (seenKeyword ??= new Set()).add(p);
    }
  }
  let n = 0;
  for (const f of aliasHits) {
    if (payNeedsContext[f.pay] && !hasKeyword(f.ci)) continue;
    if (addressAround(texts[f.text]!, f.start, f.end, fold)) continue;
    if (exclusions && exclusions.some((x) => x.ci === f.ci && x.text === f.text && x.start <= f.start && x.end >= f.end)) continue;
    aliasHits[n++] = f;
  }
  aliasHits.length = n;
  return finish();

  function finish(): CompetitorMatch[] {
    // Leftmost-longest across all competitors, per text.
    aliasHits.sort((x, y) => x.text - y.text || x.start - y.start || y.end - y.start - (x.end - x.start));
    let lastText = -1;
    let lastStart = -1;
    let lastEnd = -1;
    for (const f of aliasHits) {
      if (f.text !== lastText) {
        lastText = f.text;
        lastEnd = -1;
        lastStart = -1;
      }
      if (f.start >= lastEnd || (f.start === lastStart && f.end === lastEnd)) {
        acc(f.ci).hits.push(f);
        lastStart = f.start;
        lastEnd = Math.max(lastEnd, f.end);
      }
    }
    for (const a of byCi.values()) {
      if (!hasKeyword(a.ci)) continue;
      const h = kwHits[kwHit[a.ci]];
      a.keyword = texts[h.text]!.slice(h.start, h.end);
    }

    const out: CompetitorMatch[] = [];
    const maxSnippets = input.maxSnippets ?? 3;
    for (const a of byCi.values()) {
      if (a.crmValue === null && !a.inPlay && a.hits.length === 0 && a.domains.length === 0) continue;
      const c = competitors[a.ci];
      const sources: CompetitorMatch['sources'] = [];
      const reasons: Reason[] = [];
      let confidence = 0;
      if (a.crmValue !== null) {
        sources.push('crm_field');
        reasons.push({ code: 'crm_field', params: { competitor: c.name, competitorId: c.id, value: a.crmValue } });
        confidence = Math.max(confidence, 0.95);
      }
      if (a.inPlay) {
        sources.push('in_play');
        reasons.push({ code: 'in_play', params: { competitor: c.name, competitorId: c.id, account: input.accountName ?? '' } });
        confidence = Math.max(confidence, 0.85);
      }
      if (a.domains.length) {
        sources.push('domain');
        for (const d of a.domains) reasons.push({ code: 'competitor_domain', params: { competitor: c.name, competitorId: c.id, domain: d.domain, source: d.source } });
        confidence = Math.max(confidence, a.domains.some((d) => d.source === 'participant') ? 0.8 : 0.6);
      }
      const mentions: Mention[] = [];
      if (a.hits.length) {
        sources.push('mentions');
        const params: Record<string, string | number> = { competitor: c.name, competitorId: c.id, count: a.hits.length };
        if (a.keyword) params.keyword = a.keyword;
        reasons.push({ code: 'mentions', params });
        confidence = Math.max(confidence, Math.min(0.9, 0.5 + 0.1 * (a.hits.length - 1) + (a.keyword ? 0.2 : 0)));
        // One snippet per stretch of text: a hit inside the previous snippet's window adds nothing.
        let lastText = -1;
        let lastEnd = -1;
        for (const f of a.hits) {
          if (mentions.length >= maxSnippets) break;
          if (f.text === lastText && f.start < lastEnd) continue;
          const t = texts[f.text]!;
          const [from, to] = snippetBounds(t, f.start, f.end);
          lastText = f.text;
          lastEnd = to;
          const body = t.slice(from, to).replace(/\s+/g, ' ').trim();
          mentions.push({ text: t.slice(f.start, f.end), snippet: `${from > 0 ? '…' : ''}${body}${to < t.length ? '…' : ''}` });
        }
      }
      out.push({ competitorId: c.id, name: c.name, sources, mentionCount: a.hits.length, mentions, confidence, reasons });
    }
    const rank = (m: CompetitorMatch) => (m.sources.includes('crm_field') ? 4 : 0) + (m.sources.includes('in_play') ? 2 : 0) + (m.sources.includes('domain') ? 1 : 0);
    out.sort((x, y) => rank(y) - rank(x) || y.mentionCount - x.mentionCount || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
    return out;
  }
}

/**
 * The competitor domain hit at text[start, end) when it is the host of an address there
 * ("sales@eu.globex.com", "https://globex.com/pricing"), not part of a longer host
 * ("globex.com.au") or of other text; returns the host as seen.
 */
function ownDomainAt(text: string, start: number, end: number): string | null {
  const addr = addressAround(text, start, end, foldTable());
  const host = addr && addressHost(addr);
  if (!host) return null;
  const d = foldString(text.slice(start, end));
  return host === d || host.endsWith(`.${d}`) ? d : null;
}
