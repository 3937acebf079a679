/**
 * Aho-Corasick multi-pattern matcher: one pass over the page text finds every alias,
 * keyword and exclusion phrase of every competitor.
 *
 * Layout (built once per pack; docs/matching.md, "Competitors"):
 * - Characters are folded per UTF-16 code unit (lower case, full-width ASCII → ASCII,
 *   odd spaces → " ", Traditional Chinese → Simplified), so a hit's offsets in the folded stream are its offsets in the
 *   original text; case-sensitive aliases are then verified against the original.
 * - The folded characters that occur in patterns form the alphabet. The 63 most frequent
 *   (Latin letters, space, digits, punctuation, the commonest Han) are "narrow" classes
 *   with a dense, fully resolved transition table (a DFA: one array read per character,
 *   rows a power of two wide). The rest (mostly CJK) are "wide" classes: goto edges
 *   hashed by (state, class) plus failure links, skipping states with no wide edge; the
 *   root has a dense row for them. Characters that occur in no pattern are class 0 and
 *   go to the root.
 * - States are numbered breadth-first, so the hot shallow rows sit together, then those
 *   with output are moved last, so "is there a hit here" is one compare per character.
 * - Word boundaries apply per pattern end: an end that is a Latin/Greek/Cyrillic/Hangul
 *   letter or digit needs a non-word character (or the text's edge) beside it
 *   ("我们用Globex的产品"). A Han end of a `cjkBoundary: 'strict'` pattern must not be
 *   glued into longer words (cjkBoundary.ts: "多数策略" holds no "数策"); a loose one needs
 *   nothing ("使用甲骨文数据库").
 */

import { cjkBounded, isHan } from './cjkBoundary';
import { foldTable, isWordCode } from './fold';

export { foldString, foldTable, isWordCode } from './fold';

export interface PatternSpec {
  /** The pattern as written; NFKC is applied here. */
  text: string;
  /** Match only with the same letter case as written (compared after NFKC). */
  caseSensitive?: boolean;
  /** 'strict': a Han first or last character must not be glued into a longer word (default 'loose'). */
  cjkBoundary?: 'strict' | 'loose';
}

export interface Hit {
  patternIndex: number;
  /** UTF-16 offsets into the scanned text, end exclusive. */
  start: number;
  end: number;
}

/** Hits as columns (pattern, start, end), reused from scan to scan; grows as needed. */
export class HitBuffer {
  count = 0;
  pattern: Int32Array = new Int32Array(256);
  start: Int32Array = new Int32Array(256);
  end: Int32Array = new Int32Array(256);

  push(pattern: number, start: number, end: number): void {
    const k = this.count;
    if (k === this.pattern.length) {
      this.pattern = doubled(this.pattern);
      this.start = doubled(this.start);
      this.end = doubled(this.end);
    }
    this.pattern[k] = pattern;
    this.start[k] = start;
    this.end[k] = end;
    this.count = k + 1;
  }
}

export function doubled(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

export interface BuildOptions {
  /**
   * Narrow classes, class 0 included (default 64 — a–z, space, digits, punctuation and the
   * commonest Han characters of the patterns — or 32 past 65,535 states, where the table
   * needs 32-bit cells).
   */
  narrowWidth?: number;
}

/** Case key for verifying case-sensitive hits: full-width ASCII → ASCII, whitespace → space. */
function caseKey(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0;
  if (c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000) return 32;
  return c;
}

/**
 * Everything a built automaton is, as plain typed arrays and strings: stored beside
 * the pack and handed back to `new Automaton(data)` on wake, with no rebuild.
 */
export interface AutomatonData {
  patternCount: number;
  stateCount: number;
  width: number;
  shift: number;
  classOf: Uint16Array;
  delta: Uint16Array | Int32Array;
  firstOut: number;
  fail: Int32Array;
  wideBase: Int32Array;
  wideKey: Int32Array;
  wideCls: Uint16Array;
  wideTo: Int32Array;
  rootWide: Int32Array;
  outStart: Int32Array;
  outPat: Int32Array;
  dictLink: Int32Array;
  patLen: Int32Array;
  patFlags: Uint8Array;
  patText: string[];
}

const DATA_KEYS = ['patternCount', 'stateCount', 'width', 'shift', 'classOf', 'delta', 'firstOut', 'fail', 'wideBase', 'wideKey', 'wideCls', 'wideTo', 'rootWide', 'outStart', 'outPat', 'dictLink', 'patLen', 'patFlags', 'patText'] as const;

export class Automaton {
  readonly patternCount: number;
  readonly stateCount: number;
  /** Narrow classes (class 0 included): the dense table's columns in use. */
  readonly width: number;
  /**
   * A row of the dense table is `1 << shift` cells (width rounded up to a power of two):
   * the scan's one dependent step per character is then a shift, an add and a read —
   * a multiply by a width held in a register cost the 50 KB thread a sixth of its scan.
   */
  readonly shift: number;

  private readonly classOf: Uint16Array;
  /**
   * The dense narrow table: `delta[(s << shift) + cls]`, 16-bit while the states fit (a
   * premultiplied 32-bit table scanned no faster here and doubled the automaton's
   * memory, the largest part of the index at 50k accounts after the account tables).
   */
  private readonly delta: Uint16Array | Int32Array;
  /** States from this one on have output (step 6 numbers them last). */
  private readonly firstOut: number;
  private readonly fail: Int32Array;
  /** The first state on the failure chain from each state (itself included) with a wide goto edge; 0 when none. */
  private readonly wideBase: Int32Array;
  /**
   * The goto edges on wide classes (root's aside: `rootWide`), hashed by (state, class):
   * open addressing, linear probing, `wideKey` the state + 1 (0: empty). One probe or two
   * per Han character where a binary search over the state's children took three or
   * four unpredictable branches.
   */
  private readonly wideKey: Int32Array;
  private readonly wideCls: Uint16Array;
  private readonly wideTo: Int32Array;
  private readonly rootWide: Int32Array;
  private readonly outStart: Int32Array;
  private readonly outPat: Int32Array;
  private readonly dictLink: Int32Array;
  private readonly patLen: Int32Array;
  /** bit 1: word boundary needed on the left, 2: on the right, 4: case-sensitive, 8/16: CJK boundary checked on the left/right. */
  private readonly patFlags: Uint8Array;
  private readonly patText: string[];
  private readonly fold: Uint16Array;

  constructor(patterns: readonly PatternSpec[] | AutomatonData, options: BuildOptions = {}) {
    const fold = foldTable();
    this.fold = fold;
    if (!Array.isArray(patterns)) {
      const d = patterns as AutomatonData;
      ({ patternCount: this.patternCount, stateCount: this.stateCount, width: this.width, shift: this.shift, classOf: this.classOf, delta: this.delta, firstOut: this.firstOut, fail: this.fail, wideBase: this.wideBase } = d);
      ({ wideKey: this.wideKey, wideCls: this.wideCls, wideTo: this.wideTo, rootWide: this.rootWide, outStart: this.outStart, outPat: this.outPat } = d);
      ({ dictLink: this.dictLink, patLen: this.patLen, patFlags: this.patFlags, patText: this.patText } = d);
      return;
    }
    const n = patterns.length;
    this.patternCount = n;
    const texts: string[] = new Array(n);
    const folded: Uint16Array[] = new Array(n);
    const patLen = new Int32Array(n);
    const patFlags = new Uint8Array(n);

    // 1. Alphabet: folded characters by frequency (counted in a typed array: a Map here was a
    // tenth of the automaton's build for 5,000 aliases).
    const freq = new Uint32Array(65536);
    const seen: number[] = [];
    for (let p = 0; p < n; p++) {
      const t = patterns[p].text.normalize('NFKC');
      texts[p] = t;
      const f = new Uint16Array(t.length);
      for (let i = 0; i < t.length; i++) {
        const c = fold[t.charCodeAt(i)];
        f[i] = c;
        if (freq[c]++ === 0) seen.push(c);
      }
      folded[p] = f;
      patLen[p] = t.length;
      if (t.length) {
        let flags = 0;
        if (isWordCode(t.charCodeAt(0))) flags |= 1;
        if (isWordCode(t.charCodeAt(t.length - 1))) flags |= 2;
        if (patterns[p].caseSensitive) flags |= 4;
        if (patterns[p].cjkBoundary === 'strict') {
          if (isHan(fold[t.charCodeAt(0)])) flags |= 8;
          if (isHan(fold[t.charCodeAt(t.length - 1)])) flags |= 16;
        }
        patFlags[p] = flags;
      }
    }
    const chars = seen.sort((a, b) => freq[b] - freq[a] || a - b);
    const classByFolded = new Uint16Array(65536);
    chars.forEach((c, i) => (classByFolded[c] = i + 1)); // 1..width-1 narrow, width.. wide
    const numClasses = chars.length + 1;
    const classOf = new Uint16Array(65536);
    for (let c = 0; c < 65536; c++) classOf[c] = classByFolded[fold[c]];
    this.classOf = classOf;

    // 2. Trie, with numeric keys in one Map (faster to build than a Map per node).
    const goto = new Map<number, number>();
    const parentOf: number[] = [0];
    const clsOf: number[] = [0];
    const endsAt: number[][] = [[]];
    for (let p = 0; p < n; p++) {
      const f = folded[p];
      if (!f.length) continue;
      let s = 0;
      for (let i = 0; i < f.length; i++) {
        const cls = classByFolded[f[i]];
        const key = s * numClasses + cls;
        let t = goto.get(key);
        if (t === undefined) {
          t = parentOf.length;
          goto.set(key, t);
          parentOf.push(s);
          clsOf.push(cls);
          endsAt.push([]);
        }
        s = t;
      }
      endsAt[s].push(p);
    }
    const stateCount = parentOf.length;
    this.stateCount = stateCount;
    const width = Math.max(2, Math.min(options.narrowWidth ?? (stateCount <= 65535 ? 64 : 32), chars.length + 1));
    const shift = 32 - Math.clz32(width - 1);
    this.width = width;
    this.shift = shift;

    // Children lists (old ids) to walk breadth-first and renumber.
    const childCount = new Int32Array(stateCount + 1);
    for (let s = 1; s < stateCount; s++) childCount[parentOf[s] + 1]++;
    for (let s = 0; s < stateCount; s++) childCount[s + 1] += childCount[s];
    const childStartOld = childCount.slice();
    const childList = new Int32Array(Math.max(0, stateCount - 1));
    const fillPos = childCount.slice(0, stateCount);
    for (let s = 1; s < stateCount; s++) childList[fillPos[parentOf[s]]++] = s;
    const order = new Int32Array(stateCount); // new id → old id
    const newId = new Int32Array(stateCount);
    let head = 0;
    let tail = 1;
    order[0] = 0;
    while (head < tail) {
      const old = order[head++];
      for (let k = childStartOld[old]; k < childStartOld[old + 1]; k++) {
        const ch = childList[k];
        newId[ch] = tail;
        order[tail++] = ch;
      }
    }

    // 3. Sparse goto edges (new ids), sorted by class, for every class.
    const edgeStart = new Int32Array(stateCount + 1);
    for (let ns = 0; ns < stateCount; ns++) {
      const old = order[ns];
      edgeStart[ns + 1] = edgeStart[ns] + (childStartOld[old + 1] - childStartOld[old]);
    }
    const edgeCls = new Uint16Array(Math.max(0, stateCount - 1));
    const edgeTo = new Int32Array(Math.max(0, stateCount - 1));
    for (let ns = 0; ns < stateCount; ns++) {
      const old = order[ns];
      const kids: number[] = [];
      for (let k = childStartOld[old]; k < childStartOld[old + 1]; k++) kids.push(childList[k]);
      kids.sort((a, b) => clsOf[a] - clsOf[b]);
      let e = edgeStart[ns];
      for (const ch of kids) {
        edgeCls[e] = clsOf[ch];
        edgeTo[e] = newId[ch];
        e++;
      }
    }
    ({ key: this.wideKey, cls: this.wideCls, to: this.wideTo } = wideEdges(stateCount, edgeStart, edgeCls, edgeTo, width));
    const rootWide = new Int32Array(Math.max(0, numClasses - width));
    for (let e = edgeStart[0]; e < edgeStart[1]; e++) if (edgeCls[e] >= width) rootWide[edgeCls[e] - width] = edgeTo[e];
    this.rootWide = rootWide;

    // 4. Failure links and the dense narrow table, breadth-first (ids are BFS order until step 6).
    const delta = stateCount <= 65535 ? new Uint16Array(stateCount << shift) : new Int32Array(stateCount << shift);
    const fail = new Int32Array(stateCount);
    const wideBase = new Int32Array(stateCount);
    this.delta = delta;
    this.fail = fail;
    this.wideBase = wideBase;
    for (let ns = 0; ns < stateCount; ns++) {
      const row = ns << shift;
      const fr = fail[ns] << shift;
      // Resolve narrow transitions: own goto edge, else the failure state's (already resolved; root's are 0).
      if (ns !== 0) delta.copyWithin(row + 1, fr + 1, fr + width);
      // Its failure state is shallower, so already has its wideBase (what `step` below reads).
      const ownWide = edgeStart[ns + 1] > edgeStart[ns] && edgeCls[edgeStart[ns + 1] - 1] >= width;
      wideBase[ns] = ns === 0 || ownWide ? ns : wideBase[fail[ns]];
      for (let e = edgeStart[ns]; e < edgeStart[ns + 1]; e++) {
        const cls = edgeCls[e];
        const child = edgeTo[e];
        if (cls < width) delta[row + cls] = child;
        // The child's failure link: the longest proper suffix that is a trie path.
        fail[child] = ns === 0 ? 0 : this.step(fail[ns], cls);
      }
    }

    // 5. Outputs: patterns ending at each state, and a link to the next state on the failure chain that has some.
    const outStart = new Int32Array(stateCount + 1);
    for (let ns = 0; ns < stateCount; ns++) outStart[ns + 1] = outStart[ns] + endsAt[order[ns]].length;
    const outPat = new Int32Array(outStart[stateCount]);
    for (let ns = 0; ns < stateCount; ns++) outPat.set(endsAt[order[ns]], outStart[ns]);
    const dictLink = new Int32Array(stateCount).fill(-1);
    const hasOut = new Uint8Array(stateCount);
    for (let ns = 1; ns < stateCount; ns++) {
      const f = fail[ns];
      dictLink[ns] = outStart[f + 1] > outStart[f] ? f : dictLink[f];
      hasOut[ns] = outStart[ns + 1] > outStart[ns] || dictLink[ns] >= 0 ? 1 : 0;
    }
    this.outStart = outStart;
    this.outPat = outPat;
    this.dictLink = dictLink;
    this.patLen = patLen;
    this.patFlags = patFlags;
    this.patText = texts;

    // 6. States with output renumbered last, the others keeping their BFS order.
    this.firstOut = this.outputsLast(hasOut);
  }

  /**
   * Renumbers the states so those with output come last (BFS order kept within each
   * part) and returns the first of them: the scan then asks `s >= firstOut`, a compare,
   * instead of reading a flag per character (a quarter of the scan of Latin text).
   */
  private outputsLast(hasOut: Uint8Array): number {
    const n = this.stateCount;
    const perm = new Int32Array(n);
    let next = 0;
    for (let s = 0; s < n; s++) if (hasOut[s] === 0) perm[s] = next++;
    const firstOut = next;
    for (let s = 0; s < n; s++) if (hasOut[s] !== 0) perm[s] = next++;
    const { width, shift, delta, fail, wideBase, wideKey, wideCls, wideTo, outStart, outPat, dictLink, rootWide } = this;
    const d2 = delta instanceof Uint16Array ? new Uint16Array(delta.length) : new Int32Array(delta.length);
    const fail2 = new Int32Array(n);
    const wide2 = new Int32Array(n);
    const dict2 = new Int32Array(n);
    const outStart2 = new Int32Array(n + 1);
    for (let s = 0; s < n; s++) {
      const p = perm[s];
      const from = s << shift;
      const to = p << shift;
      for (let c = 0; c < width; c++) d2[to + c] = perm[delta[from + c]];
      fail2[p] = perm[fail[s]];
      wide2[p] = perm[wideBase[s]];
      dict2[p] = dictLink[s] < 0 ? -1 : perm[dictLink[s]];
      outStart2[p + 1] = outStart[s + 1] - outStart[s];
    }
    for (let p = 0; p < n; p++) outStart2[p + 1] += outStart2[p];
    const outPat2 = new Int32Array(outPat.length);
    for (let s = 0; s < n; s++) outPat2.set(outPat.subarray(outStart[s], outStart[s + 1]), outStart2[perm[s]]);
    for (let i = 0; i < rootWide.length; i++) rootWide[i] = perm[rootWide[i]];
    // The wide edges hashed again under the new numbers.
    const key2 = new Int32Array(wideKey.length);
    const cls2 = new Uint16Array(wideKey.length);
    const to2 = new Int32Array(wideKey.length);
    for (let j = 0; j < wideKey.length; j++) if (wideKey[j] !== 0) putWide(key2, cls2, to2, perm[wideKey[j] - 1], wideCls[j], perm[wideTo[j]]);
    Object.assign(this, { delta: d2, fail: fail2, wideBase: wide2, dictLink: dict2, outStart: outStart2, outPat: outPat2, wideKey: key2, wideCls: cls2, wideTo: to2 });
    return firstOut;
  }

  /** Transition from `s` on class `cls` (any class), following failure links for wide classes. */
  private step(s: number, cls: number): number {
    const width = this.width;
    if (cls < width) return this.delta[(s << this.shift) + cls];
    const { wideKey, wideCls, wideTo, fail, wideBase } = this;
    const mask = wideKey.length - 1;
    for (;;) {
      // States with no wide edge at all are skipped: a Latin state before a Han character goes straight to the root.
      s = wideBase[s];
      if (s === 0) return this.rootWide[cls - width];
      for (let j = wideSlot(s, cls) & mask; wideKey[j] !== 0; j = (j + 1) & mask) if (wideKey[j] === s + 1 && wideCls[j] === cls) return wideTo[j];
      s = fail[s];
    }
  }

  /**
   * Every pattern occurrence in `text` (overlapping ones too), in order of their end,
   * after word-boundary and case checks. Appends to `out` when given.
   */
  scan(text: string, out: Hit[] = []): Hit[] {
    const hits = this.scanInto(text, new HitBuffer());
    for (let k = 0; k < hits.count; k++) out.push({ patternIndex: hits.pattern[k], start: hits.start[k], end: hits.end[k] });
    return out;
  }

  /**
   * The same hits into `out` (cleared first), as columns of typed arrays: the match of a
   * page allocates no object per hit, so a long thread leaves little for the GC.
   */
  scanInto(text: string, out: HitBuffer): HitBuffer {
    const { classOf, delta, width, shift, firstOut, wideBase, rootWide, wideKey, wideCls, wideTo, fail } = this;
    const mask = wideKey.length - 1;
    const n = text.length;
    out.count = 0;
    let s = 0;
    let i = 0;
    while (i < n) {
      // The hot loop runs until a wide class or a state with output: with no call in it,
      // the tables stay in registers (with the emit inside, each character reloaded
      // them: interleaved A/B on the 50 KB thread, 0.27 → 0.22 ms, the same hits).
      let cls = 0;
      for (; i < n; i++) {
        cls = classOf[text.charCodeAt(i)];
        if (cls >= width) break;
        s = delta[(s << shift) + cls];
        if (s >= firstOut) break;
      }
      if (i === n) break;
      if (cls >= width) {
        // `step` written out: as a call it cost a Han-heavy thread an eighth of its scan.
        for (;;) {
          s = wideBase[s];
          if (s === 0) {
            s = rootWide[cls - width];
            break;
          }
          let to = -1;
          for (let j = wideSlot(s, cls) & mask; wideKey[j] !== 0; j = (j + 1) & mask) {
            if (wideKey[j] === s + 1 && wideCls[j] === cls) {
              to = wideTo[j];
              break;
            }
          }
          if (to >= 0) {
            s = to;
            break;
          }
          s = fail[s];
        }
      }
      if (s >= firstOut) this.emit(s, i + 1, text, out);
      i++;
    }
    return out;
  }

  private emit(state: number, end: number, text: string, out: HitBuffer) {
    const { outStart, outPat, patLen, patFlags, dictLink } = this;
    for (let s = state; s >= 0; s = dictLink[s]) {
      for (let k = outStart[s]; k < outStart[s + 1]; k++) {
        const p = outPat[k];
        const start = end - patLen[p];
        const flags = patFlags[p];
        if (flags & 1 && start > 0 && isWordCode(text.charCodeAt(start - 1))) continue;
        if (flags & 2 && end < text.length && isWordCode(text.charCodeAt(end))) continue;
        if (flags & 4 && !this.sameCase(p, text, start)) continue;
        if (flags & 24 && !cjkBounded(text, start, end, this.fold, (flags & 8) !== 0, (flags & 16) !== 0)) continue;
        out.push(p, start, end);
      }
    }
  }

  private sameCase(p: number, text: string, start: number): boolean {
    const t = this.patText[p];
    for (let i = 0; i < t.length; i++) if (caseKey(text.charCodeAt(start + i)) !== caseKey(t.charCodeAt(i))) return false;
    return true;
  }

  /** The tables, for storage (`new Automaton(data)` takes them back). */
  toData(): AutomatonData {
    const d = {} as Record<string, unknown>;
    for (const k of DATA_KEYS) d[k] = this[k as keyof this];
    return d as unknown as AutomatonData;
  }

  /** Approximate memory held by the automaton's tables. */
  get bytes(): number {
    let b = 0;
    for (const a of [this.classOf, this.delta, this.fail, this.wideBase, this.wideKey, this.wideCls, this.wideTo, this.rootWide, this.outStart, this.outPat, this.dictLink, this.patLen, this.patFlags])
      b += a.byteLength;
    for (const t of this.patText) b += 16 + t.length * 2;
    return b;
  }
}

/** Where the wide edge (state, class) starts probing. */
function wideSlot(s: number, cls: number): number {
  return (Math.imul(s, 0x9e3779b1) ^ Math.imul(cls, 0x85ebca6b)) >>> 0;
}

function putWide(key: Int32Array, cls: Uint16Array, to: Int32Array, s: number, c: number, t: number): void {
  const mask = key.length - 1;
  let j = wideSlot(s, c) & mask;
  while (key[j] !== 0) j = (j + 1) & mask;
  key[j] = s + 1;
  cls[j] = c;
  to[j] = t;
}

/** The wide goto edges of every state but the root, hashed at a load of at most a half. */
function wideEdges(stateCount: number, edgeStart: Int32Array, edgeCls: Uint16Array, edgeTo: Int32Array, width: number) {
  let count = 0;
  for (let e = edgeStart[1]; e < edgeStart[stateCount]; e++) if (edgeCls[e] >= width) count++;
  let size = 16;
  while (size < count * 2) size *= 2;
  const table = { key: new Int32Array(size), cls: new Uint16Array(size), to: new Int32Array(size) };
  for (let s = 1; s < stateCount; s++) for (let e = edgeStart[s]; e < edgeStart[s + 1]; e++) if (edgeCls[e] >= width) putWide(table.key, table.cls, table.to, s, edgeCls[e], edgeTo[e]);
  return table;
}

/** Builds an automaton over `patterns` (plain strings are case-insensitive). */
export function buildAutomaton(patterns: readonly (string | PatternSpec)[], options?: BuildOptions): Automaton {
  return new Automaton(
    patterns.map((p) => (typeof p === 'string' ? { text: p } : p)),
    options,
  );
}
