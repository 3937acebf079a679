/**
 * "Did you mean" lookup for account names: Dice similarity over character bigrams of
 * normalised names (spaces removed, so it works for CJK too), with an inverted index
 * from bigram to names so a query touches only names that share a bigram with it.
 * Scratch counters are allocated once, at build time: a query allocates nothing
 * proportional to the number of names.
 */

/**
 * Distinct bigrams of `s` with spaces removed, as numbers (two UTF-16 code units
 * packed into one integer); a one-character string is its own "bigram".
 */
function bigrams(s: string, out: number[] = []): number[] {
  out.length = 0;
  let prev = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) continue;
    if (prev >= 0) {
      const g = prev * 65536 + c;
      if (!out.includes(g)) out.push(g);
    }
    prev = c;
  }
  if (!out.length && prev >= 0) out.push(prev);
  return out;
}

/** Dice coefficient over distinct bigrams, 0–1. */
export function diceSimilarity(a: string, b: string): number {
  const ga = bigrams(a);
  const gb = new Set(bigrams(b));
  if (!ga.length || !gb.size) return 0;
  let shared = 0;
  for (const g of ga) if (gb.has(g)) shared++;
  return (2 * shared) / (ga.length + gb.size);
}

export interface FuzzyHit {
  /** The entry id given at build time. */
  entry: number;
  score: number;
}

/**
 * Open-addressing hash from a 32-bit bigram code to a row number: bigram codes exceed
 * V8's small-integer range, and a Map keyed by heap numbers was the slowest part of
 * building the index for 50k names.
 */
class GramTable {
  keys: Uint32Array;
  rows: Int32Array;
  size = 0;
  constructor(capacity = 4096, stored?: { keys: Uint32Array; rows: Int32Array; size: number }) {
    if (stored) {
      ({ keys: this.keys, rows: this.rows, size: this.size } = stored);
      return;
    }
    this.keys = new Uint32Array(capacity);
    this.rows = new Int32Array(capacity).fill(-1);
  }
  private slot(key: number): number {
    const mask = this.keys.length - 1;
    let i = Math.imul(key ^ (key >>> 15), 0x2c1b3c6d) >>> 0;
    for (i &= mask; ; i = (i + 1) & mask) if (this.rows[i] === -1 || this.keys[i] === key) return i;
  }
  get(key: number): number {
    return this.rows[this.slot(key >>> 0)];
  }
  /** The row of `key`, adding it with the next row number when new. */
  intern(key: number): number {
    const k = key >>> 0;
    let i = this.slot(k);
    if (this.rows[i] !== -1) return this.rows[i];
    if ((this.size + 1) * 2 > this.keys.length) {
      this.grow();
      i = this.slot(k);
    }
    this.keys[i] = k;
    this.rows[i] = this.size++;
    return this.rows[i];
  }
  private grow() {
    const { keys, rows } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.rows = new Int32Array(keys.length * 2).fill(-1);
    for (let j = 0; j < keys.length; j++) if (rows[j] !== -1) {
      const i = this.slot(keys[j]);
      this.keys[i] = keys[j];
      this.rows[i] = rows[j];
    }
  }
}

/** A built fuzzy index as typed arrays, for storage beside the pack (persist.ts). */
export interface FuzzyData {
  gramKeys: Uint32Array;
  gramRows: Int32Array;
  gramSize: number;
  start: Int32Array;
  postings: Uint16Array | Int32Array;
  gramCount: Uint16Array;
}

function grownInt32(a: Int32Array, length: number, fill = 0): Int32Array {
  const b = new Int32Array(length);
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}

export class FuzzyIndex {
  /** Bigram → its row in the postings (CSR: `start[row]`…`start[row + 1]` in `postings`). */
  private readonly rows: GramTable;
  private readonly start: Int32Array;
  /** Entry ids; 16-bit while they fit (65,536 names and aliases): the largest array of the fuzzy index. */
  private readonly postings: Uint16Array | Int32Array;
  private readonly gramCount: Uint16Array;
  private readonly counts: Int32Array;
  private readonly touched: Int32Array;

  /** `names[i]` must already be normalised; or the data of an index built before. */
  constructor(names: readonly string[] | FuzzyData) {
    let d: FuzzyData;
    if (Array.isArray(names)) {
      const b = new FuzzyIndexBuilder(names.length);
      for (const name of names) b.add(name);
      d = b.data();
    } else d = names as FuzzyData;
    this.rows = new GramTable(0, { keys: d.gramKeys, rows: d.gramRows, size: d.gramSize });
    ({ start: this.start, postings: this.postings, gramCount: this.gramCount } = d);
    this.counts = new Int32Array(d.gramCount.length);
    this.touched = new Int32Array(d.gramCount.length);
  }

  toData(): FuzzyData {
    return { gramKeys: this.rows.keys, gramRows: this.rows.rows, gramSize: this.rows.size, start: this.start, postings: this.postings, gramCount: this.gramCount };
  }

  get bytes(): number {
    return this.rows.keys.byteLength + this.rows.rows.byteLength + this.start.byteLength + this.postings.byteLength + this.gramCount.byteLength * 5;
  }

  /** Entries with Dice similarity ≥ `threshold`, best first, at most `limit`. */
  search(normalizedQuery: string, threshold = 0.6, limit = 5): FuzzyHit[] {
    const qs = bigrams(normalizedQuery);
    if (!qs.length) return [];
    const { counts, touched, gramCount, start, postings } = this;
    let nTouched = 0;
    for (const g of qs) {
      const r = this.rows.get(g);
      if (r === -1) continue;
      for (let k = start[r]; k < start[r + 1]; k++) {
        const e = postings[k];
        if (counts[e]++ === 0) touched[nTouched++] = e;
      }
    }
    const hits: FuzzyHit[] = [];
    const qn = qs.length;
    for (let k = 0; k < nTouched; k++) {
      const e = touched[k];
      const score = (2 * counts[e]) / (qn + gramCount[e]);
      counts[e] = 0;
      if (score >= threshold) hits.push({ entry: e, score });
    }
    hits.sort((a, b) => b.score - a.score || a.entry - b.entry);
    return hits.length > limit ? hits.slice(0, limit) : hits;
  }
}

/**
 * Builds a `FuzzyIndex` one name at a time: bigrams once per name into one flat list of
 * rows, counted per row; then the postings filled from that list. Each name's string can
 * die as soon as it is added (the index build adds them as it normalises them: 65k
 * strings held to the end were promoted out of the young generation on every build).
 * A bigram of two ASCII units finds its row in a direct table (most bigrams of most
 * names), others through the hash; a row stamped with the name drops repeats within it.
 */
export class FuzzyIndexBuilder {
  private readonly rows = new GramTable();
  private sizes: Int32Array = new Int32Array(1024);
  private stamp: Int32Array = new Int32Array(1024).fill(-1);
  private grams: Int32Array;
  private readonly asciiRow = new Int32Array(128 * 128).fill(-1);
  private total = 0;
  private n = 0;
  private perName: Int32Array;
  private gramCount: Uint16Array;

  constructor(expectedNames = 1024) {
    const cap = Math.max(16, expectedNames);
    this.grams = new Int32Array(cap * 8);
    this.perName = new Int32Array(cap);
    this.gramCount = new Uint16Array(cap);
  }

  /** Adds the next entry (ids count from 0 in the order added); `name` must already be normalised. */
  add(name: string): void {
    const i = this.n++;
    if (i === this.perName.length) {
      this.perName = grownInt32(this.perName, i * 2);
      const g = new Uint16Array(i * 2);
      g.set(this.gramCount);
      this.gramCount = g;
    }
    if (this.total + name.length > this.grams.length) this.grams = grownInt32(this.grams, Math.max(this.grams.length * 2, this.total + name.length));
    const { rows, asciiRow } = this;
    const before = this.total;
    let prev = -1;
    for (let j = 0; j < name.length; j++) {
      const c = name.charCodeAt(j);
      if (c === 32) continue;
      if (prev >= 0) {
        if (prev < 128 && c < 128) {
          const a = prev * 128 + c;
          this.count(asciiRow[a] >= 0 ? asciiRow[a] : (asciiRow[a] = rows.intern(prev * 65536 + c)), i);
        } else this.count(rows.intern(prev * 65536 + c), i);
      }
      prev = c;
    }
    // A name of one character is its own "bigram", as `bigrams` has it.
    if (this.total === before && prev >= 0) this.count(rows.intern(prev), i);
    this.perName[i] = this.total - before;
    this.gramCount[i] = Math.min(this.total - before, 65535);
  }

  /** Counts row `r` once for name `i`. */
  private count(r: number, i: number): void {
    if (r >= this.sizes.length) {
      this.sizes = grownInt32(this.sizes, this.sizes.length * 2);
      this.stamp = grownInt32(this.stamp, this.stamp.length * 2, -1);
    }
    if (this.stamp[r] === i) return;
    this.stamp[r] = i;
    this.sizes[r]++;
    this.grams[this.total++] = r;
  }

  data(): FuzzyData {
    const { rows, sizes, grams, perName, n, total } = this;
    const start = new Int32Array(rows.size + 1);
    for (let r = 0; r < rows.size; r++) start[r + 1] = start[r] + sizes[r];
    const fill = start.slice(0, rows.size);
    const postings = n <= 65536 ? new Uint16Array(total) : new Int32Array(total);
    let k = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < perName[i]; j++) postings[fill[grams[k++]]++] = i;
    return { gramKeys: rows.keys, gramRows: rows.rows, gramSize: rows.size, start, postings, gramCount: this.gramCount.slice(0, n) };
  }

  build(): FuzzyIndex {
    return new FuzzyIndex(this.data());
  }
}
