/**
 * Competitors on a page, from the index `buildCompetitorIndex` makes (rules in
 * competitors.ts): the CRM's competitor field, the account's competitors in play,
 * participants writing from a competitor's own domain, then mentions in one scan of
 * each text. Ranking: the CRM's field > in play > own domain > mentions by count.
 */
import type { CompetitorMatch, Mention, Reason } from './types';
import { addressAround, addressHost } from './addresses';
import { foldString, foldTable } from './automaton';
import { PatternKind, type CompetitorIndex, type FoundBuffer } from './competitors';
import { hostOf } from './domains';
import { normalizeName } from './normalize';

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

interface Found {
  ci: number;
  /** The payload entry (for needsContext). */
  pay: number;
  text: number; // which scanned text
  start: number;
  end: number;
}

/** What was found for one competitor. */
interface Acc {
  ci: number;
  crmValue: string | null;
  inPlay: boolean;
  /** Its mentions: rows of the scan's alias hits (`Scan.alias`). */
  hits: number[];
  keyword: string | null;
  /** Own domains seen, participants first. */
  domains: { domain: string; source: 'participant' | 'link' }[];
}

/** One detection's findings, per competitor in the order first found. */
class Findings {
  readonly byCi = new Map<number, Acc>();
  of(ci: number): Acc {
    let a = this.byCi.get(ci);
    if (!a) this.byCi.set(ci, (a = { ci, crmValue: null, inPlay: false, hits: [], keyword: null, domains: [] }));
    return a;
  }
  sawDomain(ci: number, domain: string, source: 'participant' | 'link'): void {
    const list = this.of(ci).domains;
    if (!list.some((d) => d.domain === domain)) list.push({ domain, source });
  }
}

/** What the scan of the texts found: alias hits still to be checked, and the first hit of each competitor's keywords. */
interface Scan {
  /** Alias hits (the index's scratch, valid until the next detection). */
  alias: FoundBuffer;
  exclusions: FoundBuffer;
  kwHits: Found[];
  hasKeyword: (ci: number) => boolean;
  /** For a competitor with a keyword on the page, its first keyword hit in `kwHits`. */
  kwHit: Int32Array;
}

const SNIPPET_SIDE = 30;

/** What `\s` matches in a regular expression (and `String.prototype.trim` removes), by code unit. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * The window [a, b) of a snippet around [start, end): ~`side` characters each way, cut
 * at spaces where it can be (after the first space on the left, before the last on the
 * right). Character loops rather than slices and regular expressions: a thread with a
 * hundred competitors builds a few hundred of these per view.
 */
export function snippetBounds(text: string, start: number, end: number, side = SNIPPET_SIDE): [number, number] {
  let a = Math.max(0, start - side);
  let b = Math.min(text.length, end + side);
  if (a > 0) {
    let sp = a;
    while (sp < start && !isSpace(text.charCodeAt(sp))) sp++;
    if (sp < start && sp + 1 < start) a = sp + 1;
  }
  if (b < text.length) {
    let sp = b - 1;
    while (sp >= end && !isSpace(text.charCodeAt(sp))) sp--;
    if (sp > end) b = sp;
  }
  return [a, b];
}

/** Whitespace that `collapsed` changes: any but a lone space. */
const COLLAPSES = /[\t-\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}/;

/** text[a, b) with each run of whitespace as one space, trimmed (what `.replace(/\s+/g, ' ').trim()` gives). */
function collapsed(text: string, a: number, b: number): string {
  while (a < b && isSpace(text.charCodeAt(a))) a++;
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
  // Most windows hold lone spaces only: one native test instead of a loop over each character.
  const window = text.slice(a, b);
  if (!COLLAPSES.test(window)) return window;
  let out = '';
  let from = a;
  for (let i = a; i < b; i++) {
    if (!isSpace(text.charCodeAt(i))) continue;
    let j = i + 1;
    while (j < b && isSpace(text.charCodeAt(j))) j++;
    // A lone space stays as it is; any other run becomes one space.
    if (j - i > 1 || text.charCodeAt(i) !== 32) {
      out += `${text.slice(from, i)} `;
      from = j;
    }
    i = j - 1;
  }
  return from === a ? text.slice(a, b) : out + text.slice(from, b);
}

/** A ~60-character window around [start, end), cut at spaces where it can be, whitespace collapsed, "…" where cut. */
export function snippet(text: string, start: number, end: number, side = SNIPPET_SIDE): string {
  const [a, b] = snippetBounds(text, start, end, side);
  return `${a > 0 ? '…' : ''}${collapsed(text, a, b)}${b < text.length ? '…' : ''}`;
}

/** Competitors on the page, strongest first, each with its sources, evidence and reasons. */
export function detectCompetitors(index: CompetitorIndex, input: DetectInput): CompetitorMatch[] {
  const found = new Findings();
  fromCrmField(index, input.crmField, found);
  for (const id of input.inPlay) {
    const ci = index.byId.get(id);
    if (ci !== undefined) found.of(ci).inPlay = true;
  }
  fromAddresses(index, input.addresses ?? [], found);
  const scan = scanTexts(index, input.texts, found);
  keepCountedAliasHits(index, input.texts, scan);
  assignMentions(scan.alias, found);
  for (const a of found.byCi.values()) {
    if (!scan.hasKeyword(a.ci)) continue;
    const h = scan.kwHits[scan.kwHit[a.ci]];
    a.keyword = input.texts[h.text]!.slice(h.start, h.end);
  }
  return ranked(index, input, found);
}

/** The CRM's competitor field: whole value, then its parts, then aliases inside it. */
function fromCrmField(index: CompetitorIndex, crmField: readonly string[], found: Findings): void {
  const { automaton, payStart, payKind, payCompetitor } = index;
  for (const raw of crmField) {
    const value = raw?.trim();
    if (!value) continue;
    let cis = index.byName.get(normalizeName(value));
    if (!cis) {
      const parts = value.split(/[;,|/\n、，；]+/).map((p) => index.byName.get(normalizeName(p)) ?? []);
      const flat = [...new Set(parts.flat())];
      if (flat.length) cis = flat;
    }
    if (!cis) {
      const inside = new Set<number>();
      for (const h of automaton.scan(value))
        for (let k = payStart[h.patternIndex]; k < payStart[h.patternIndex + 1]; k++) if (payKind[k] === PatternKind.Alias) inside.add(payCompetitor[k]);
      if (inside.size) cis = [...inside];
    }
    for (const ci of cis ?? []) {
      const a = found.of(ci);
      if (a.crmValue === null) a.crmValue = value;
    }
  }
}

/**
 * Participants writing from a competitor's own domain (or a subdomain of it): the host
 * and each parent that still has a dot ("mail.globex.com", "globex.com"); no
 * public-suffix parse needed, since only the competitors' own domains are looked up.
 */
function fromAddresses(index: CompetitorIndex, addresses: readonly string[], found: Findings): void {
  if (!index.byDomain.size) return;
  for (const raw of addresses) {
    const at = raw.lastIndexOf('@');
    let h = at < 0 ? null : hostOf(raw.slice(at + 1));
    while (h && h.includes('.')) {
      for (const ci of index.byDomain.get(h) ?? []) found.sawDomain(ci, h, 'participant');
      h = h.slice(h.indexOf('.') + 1);
    }
  }
}

/** One automaton pass over each text: alias hits, exclusions, own-domain links, and which competitors have a keyword. */
function scanTexts(index: CompetitorIndex, texts: DetectInput['texts'], found: Findings): Scan {
  const { automaton, payStart, payKind, payCompetitor } = index;
  const fold = foldTable();
  const { hits, alias, exclusions } = index.scratch;
  alias.count = 0;
  exclusions.count = 0;
  // Which competitors have a keyword on the page: per-competitor scratch stamped with this call's epoch
  // (allocated once per index), and the first hit of each keyword pattern to quote it.
  const epoch = (index.scratch.epoch = (index.scratch.epoch + 1) >>> 0 || 1);
  const { kwEpoch, kwHit } = index.scratch;
  const kwHits: Found[] = [];
  let seenKeyword: Set<number> | null = null;
  for (let ti = 0; ti < texts.length; ti++) {
    const t = texts[ti];
    if (!t) continue;
    automaton.scanInto(t, hits);
    for (let hk = 0; hk < hits.count; hk++) {
      const p = hits.pattern[hk];
      const hs = hits.start[hk];
      const he = hits.end[hk];
      // Keywords only need to be present: the first occurrence marks all their competitors.
      const keywordSeen = seenKeyword?.has(p) ?? false;
      let keyword = false;
      let inAddress: boolean | undefined;
      for (let k = payStart[p]; k < payStart[p + 1]; k++) {
        const ci = payCompetitor[k];
        const kind = payKind[k];
        if (kind === PatternKind.Alias) alias.push(ci, k, ti, hs, he);
        else if (kind === PatternKind.Domain) {
          const domain = ownDomainAt(t, hs, he);
          if (domain) found.sawDomain(ci, domain, 'link');
        } else if (kind === PatternKind.Keyword) {
          if (keywordSeen || (inAddress ??= addressAround(t, hs, he, fold) !== null)) continue;
          if (!keyword) kwHits.push({ ci, pay: k, text: ti, start: hs, end: he });
          keyword = true;
          if (kwEpoch[ci] !== epoch) {
            kwEpoch[ci] = epoch;
            kwHit[ci] = kwHits.length - 1;
          }
        } else exclusions.push(ci, k, ti, hs, he);
      }
      if (keyword) (seenKeyword ??= new Set()).add(p);
    }
  }
  return { alias, exclusions, kwHits, kwHit, hasKeyword: (ci) => kwEpoch[ci] === epoch };
}

/** Drops, in place, alias hits lacking their context keyword, inside an address, or covered by an exclusion. */
function keepCountedAliasHits(index: CompetitorIndex, texts: DetectInput['texts'], scan: Scan): void {
  const fold = foldTable();
  const { alias: f, exclusions: x } = scan;
  let n = 0;
  for (let k = 0; k < f.count; k++) {
    const ci = f.ci[k];
    const ti = f.text[k];
    const start = f.start[k];
    const end = f.end[k];
    if (index.payNeedsContext[f.pay[k]] && !scan.hasKeyword(ci)) continue;
    if (addressAround(texts[ti]!, start, end, fold)) continue;
    let excluded = false;
    for (let e = 0; e < x.count && !excluded; e++) excluded = x.ci[e] === ci && x.text[e] === ti && x.start[e] <= start && x.end[e] >= end;
    if (excluded) continue;
    if (n !== k) {
      f.ci[n] = ci;
      f.pay[n] = f.pay[k];
      f.text[n] = ti;
      f.start[n] = start;
      f.end[n] = end;
    }
    n++;
  }
  f.count = n;
}

/** Leftmost-longest across all competitors, per text: each kept hit is a mention of its competitor. */
function assignMentions(f: FoundBuffer, found: Findings): void {
  const order = hitOrder(f);
  let lastText = -1;
  let lastStart = -1;
  let lastEnd = -1;
  for (let o = 0; o < order.length; o++) {
    const k = order[o];
    const ti = f.text[k];
    const start = f.start[k];
    const end = f.end[k];
    if (ti !== lastText) {
      lastText = ti;
      lastEnd = -1;
      lastStart = -1;
    }
    if (start >= lastEnd || (start === lastStart && end === lastEnd)) {
      found.of(f.ci[k]).hits.push(k);
      lastStart = start;
      lastEnd = Math.max(lastEnd, end);
    }
  }
}

/**
 * The rows by text, start, longer first, then row number (equal hits stay in scan
 * order). An insertion sort: the scan emits hits by their end, so rows are already
 * nearly in start order (only overlapping hits are out of place) and this is one pass
 * where a comparator sort called back hundreds of times per long thread. Text that
 * overlaps hits far more than prose does (a page repeating nested aliases) falls back to
 * the comparator sort, so the worst case stays n log n.
 */
export function hitOrder(f: FoundBuffer): Int32Array {
  const order = new Int32Array(f.count);
  const { text, start, end } = f;
  const before = (x: number, y: number) => text[x] - text[y] || start[x] - start[y] || end[y] - start[y] - (end[x] - start[x]) || x - y;
  let budget = 8 * order.length;
  for (let k = 0; k < order.length; k++) {
    let j = k;
    // x is always an earlier row (rows go in in order): on a tie it stays first.
    while (j > 0 && before(order[j - 1], k) > 0) {
      order[j] = order[j - 1];
      j--;
      if (--budget < 0) {
        for (let r = 0; r < order.length; r++) order[r] = r;
        return order.sort(before);
      }
    }
    order[j] = k;
  }
  return order;
}

function ranked(index: CompetitorIndex, input: DetectInput, found: Findings): CompetitorMatch[] {
  const kept: Acc[] = [];
  for (const a of found.byCi.values()) if (a.crmValue !== null || a.inPlay || a.hits.length || a.domains.length) kept.push(a);
  // Ranked before the matches are made, on numbers worked out once (a thread can name a hundred competitors).
  const rank = kept.map((a) => ((a.crmValue !== null ? 4 : 0) + (a.inPlay ? 2 : 0) + (a.domains.length ? 1 : 0)) * 1e6 + a.hits.length);
  const order = kept.map((_, i) => i);
  const names = kept.map((a) => index.competitors[a.ci].name);
  order.sort((x, y) => rank[y] - rank[x] || (names[x] < names[y] ? -1 : names[x] > names[y] ? 1 : 0));
  return order.map((i) => competitorMatch(index, input, kept[i]));
}

/** One competitor's sources, reasons and confidence (the strongest source's). */
function competitorMatch(index: CompetitorIndex, input: DetectInput, a: Acc): CompetitorMatch {
  const c = index.competitors[a.ci];
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
  if (a.hits.length) {
    sources.push('mentions');
    const params: Record<string, string | number> = { competitor: c.name, competitorId: c.id, count: a.hits.length };
    if (a.keyword) params.keyword = a.keyword;
    reasons.push({ code: 'mentions', params });
    confidence = Math.max(confidence, Math.min(0.9, 0.5 + 0.1 * (a.hits.length - 1) + (a.keyword ? 0.2 : 0)));
  }
  const mentions = a.hits.length ? mentionSnippets(input.texts, index.scratch.alias, a.hits, input.maxSnippets ?? 3) : [];
  return { competitorId: c.id, name: c.name, sources, mentionCount: a.hits.length, mentions, confidence, reasons };
}

/** One snippet per stretch of text: a hit inside the previous snippet's window adds nothing. */
function mentionSnippets(texts: DetectInput['texts'], rows: FoundBuffer, hits: readonly number[], maxSnippets: number): Mention[] {
  const mentions: Mention[] = [];
  let lastText = -1;
  let lastEnd = -1;
  for (let h = 0; h < hits.length && mentions.length < maxSnippets; h++) {
    const k = hits[h];
    const ti = rows.text[k];
    const start = rows.start[k];
    const end = rows.end[k];
    if (ti === lastText && start < lastEnd) continue;
    const t = texts[ti]!;
    const [from, to] = snippetBounds(t, start, end);
    lastText = ti;
    lastEnd = to;
    mentions.push({ text: t.slice(start, end), snippet: `${from > 0 ? '…' : ''}${collapsed(t, from, to)}${to < t.length ? '…' : ''}` });
  }
  return mentions;
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
