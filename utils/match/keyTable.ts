/**
 * A string → small-integer-list lookup held in typed arrays and one string, instead of
 * a `Map`: at 50,000 accounts the index's five Maps held ~200k entries, cost most of
 * the index build (Map growth and the garbage it leaves) and ~10 MB, and every major
 * GC had to trace them. Here the keys are one concatenated string, the hash slots and
 * values are typed arrays: nothing for the GC to trace, and the whole table is
 * structured-clonable as it is (the worker stores it beside the pack and restores it
 * on wake; utils/match/persist.ts).
 *
 * Values keep insertion order and no duplicates per key, like the `push` of the Maps
 * they replace. A key with one value holds it in `val`; a key with several holds
 * `-(offset + 1)` there, and `multi[offset]` is the count, followed by the values.
 */

/** 32-bit FNV-1a over UTF-16 code units (with a final mix, so linear probing spreads). */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  return Math.imul(h, 0x7feb352d) >>> 0;
}

/** The table's data: plain typed arrays, so it survives a structured clone unchanged. */
export interface KeyTableData {
  /**
   * Every key's UTF-16 code units, concatenated (bytes when every unit fits one: most
   * keys are ASCII); key k is `keys[keyStart[k]]`…`keys[keyStart[k + 1] - 1]`.
   */
  keys: Uint8Array | Uint16Array;
  keyStart: Int32Array;
  /** Open addressing, linear probing; key id + 1, 0 for empty. Length is a power of two. */
  slots: Int32Array;
  val: Int32Array;
  multi: Int32Array;
}

const NONE: readonly number[] = Object.freeze([]);

export class KeyTable {
  constructor(readonly data: KeyTableData) {}

  get size(): number {
    return this.data.val.length;
  }

  /** The key id of `key`, or -1. */
  find(key: string): number {
    const { slots, keys, keyStart } = this.data;
    const mask = slots.length - 1;
    const len = key.length;
    for (let i = hashString(key) & mask; ; i = (i + 1) & mask) {
      const k = slots[i] - 1;
      if (k < 0) return -1;
      const at = keyStart[k];
      if (keyStart[k + 1] - at !== len) continue;
      let j = 0;
      while (j < len && keys[at + j] === key.charCodeAt(j)) j++;
      if (j === len) return k;
    }
  }

  has(key: string): boolean {
    return this.find(key) >= 0;
  }

  /** The values under `key`, in the order they were added (empty when none). */
  all(key: string): readonly number[] {
    const k = this.find(key);
    if (k < 0) return NONE;
    const v = this.data.val[k];
    if (v >= 0) return [v];
    const { multi } = this.data;
    const at = -v - 1;
    return Array.from(multi.subarray(at + 1, at + 1 + multi[at]));
  }

  /** The last value added under `key` (what `Map.set` would have kept), or -1. */
  last(key: string): number {
    const k = this.find(key);
    if (k < 0) return -1;
    const v = this.data.val[k];
    if (v >= 0) return v;
    const at = -v - 1;
    return this.data.multi[at + this.data.multi[at]];
  }

  get bytes(): number {
    const d = this.data;
    return d.keys.byteLength + d.keyStart.byteLength + d.slots.byteLength + d.val.byteLength + d.multi.byteLength;
  }
}

/**
 * Collects keys and values, then packs them into a `KeyTable`. Keys are copied into a
 * code-unit buffer as they come, so the strings they were made from die young (a
 * scavenge, not a major GC, collects them).
 */
export class KeyTableBuilder {
  /**
   * 16-bit while building, whatever the keys: one element type keeps `intern` monomorphic
   * (it was a fifth of the index build when some tables' buffers were 8-bit and others 16);
   * `build` narrows it to bytes when every unit fits one.
   */
  private units = new Uint16Array(4096);
  private wide = false;
  private used = 0;
  private count = 0;
  private keyStart: Int32Array = new Int32Array(1025);
  private hashes: Int32Array = new Int32Array(1024);
  /**
   * Per key: its one value, -1 while it has none, or `-(list + 2)` when it has several,
   * kept in `lists` (rare: shared domains, names). A typed array, not a JS array of
   * numbers and lists: a young array of a quarter-million elements was copied by every
   * scavenge of the index build.
   */
  private vals: Int32Array = new Int32Array(1024);
  private readonly lists: number[][] = [];
  private slots: Int32Array;

  constructor(expectedKeys = 1024) {
    this.slots = new Int32Array(capacityFor(expectedKeys));
  }

  get size(): number {
    return this.count;
  }

  /**
   * The key's id, adding it when new. One pass copies the key's code units to the end
   * of the buffer while hashing them; a key seen before is then found by comparing
   * buffer with buffer, and the copy is dropped.
   */
  intern(key: string): number {
    const len = key.length;
    const at = this.used;
    if (at + len > this.units.length) this.resize(at + len);
    const u = this.units;
    let h = 0x811c9dc5;
    let all = 0;
    for (let j = 0; j < len; j++) {
      const c = key.charCodeAt(j);
      all |= c;
      u[at + j] = c;
      h = Math.imul(h ^ c, 0x01000193);
    }
    if (all > 255) this.wide = true;
    h ^= h >>> 16;
    h = Math.imul(h, 0x7feb352d) >>> 0;
    const { slots, keyStart, hashes } = this;
    const mask = slots.length - 1;
    let i = h & mask;
    for (; ; i = (i + 1) & mask) {
      const k = slots[i] - 1;
      if (k < 0) break;
      if (hashes[k] !== (h | 0)) continue;
      const ks = keyStart[k];
      if (keyStart[k + 1] - ks !== len) continue;
      let j = 0;
      while (j < len && u[ks + j] === u[at + j]) j++;
      if (j === len) return k;
    }
    const k = this.count++;
    if (k + 1 >= this.hashes.length) {
      this.hashes = grown(this.hashes, this.hashes.length * 2);
      this.keyStart = grown(this.keyStart, this.keyStart.length * 2);
    }
    this.hashes[k] = h;
    this.keyStart[k + 1] = at + len;
    this.used = at + len;
    if (k === this.vals.length) this.vals = grown(this.vals, k * 2);
    this.vals[k] = -1;
    this.slots[i] = k + 1;
    if (this.count * 2 > this.slots.length) this.slots = slotsFor(this.hashes, this.count, this.slots.length * 2);
    return k;
  }

  private resize(need: number): void {
    let cap = this.units.length;
    while (cap < need) cap *= 2;
    const next = new Uint16Array(cap);
    next.set(this.units.subarray(0, this.used));
    this.units = next;
  }

  /** The last value added under key id `k`, or -1 (no list made for it, unlike `KeyTable.all`). */
  lastOf(k: number): number {
    const v = this.vals[k];
    if (v >= -1) return v;
    const list = this.lists[-v - 2];
    return list[list.length - 1];
  }

  /** Adds `value` under `key` unless it is there already. */
  add(key: string, value: number): void {
    this.addAt(this.intern(key), value);
  }

  addAt(k: number, value: number): void {
    const cur = this.vals[k];
    if (cur === -1) this.vals[k] = value;
    else if (cur >= 0) {
      if (cur !== value) {
        this.vals[k] = -(this.lists.length + 2);
        this.lists.push([cur, value]);
      }
    } else {
      const list = this.lists[-cur - 2];
      if (!list.includes(value)) list.push(value);
    }
  }

  build(): KeyTable {
    const n = this.count;
    const val = new Int32Array(n);
    let multiLen = 0;
    for (const list of this.lists) multiLen += 1 + list.length;
    const multi = new Int32Array(multiLen);
    let at = 0;
    for (let k = 0; k < n; k++) {
      const v = this.vals[k];
      if (v >= -1) val[k] = v;
      else {
        const list = this.lists[-v - 2];
        val[k] = -(at + 1);
        multi[at] = list.length;
        multi.set(list, at + 1);
        at += 1 + list.length;
      }
    }
    return new KeyTable({
      keys: this.wide ? this.units.slice(0, this.used) : bytes(this.units.subarray(0, this.used)),
      keyStart: this.keyStart.slice(0, n + 1),
      // At the final size: the builder's table may be up to twice as large as needed.
      slots: slotsFor(this.hashes, n, capacityFor(n)),
      val,
      multi,
    });
  }
}

function bytes(units: Uint16Array): Uint8Array {
  const b = new Uint8Array(units.length);
  b.set(units);
  return b;
}

function grown(a: Int32Array, length: number): Int32Array {
  const b = new Int32Array(length);
  b.set(a);
  return b;
}

function slotsFor(hashes: Int32Array, count: number, capacity: number): Int32Array {
  const slots = new Int32Array(capacity);
  const mask = capacity - 1;
  for (let k = 0; k < count; k++) {
    let i = hashes[k] & mask;
    while (slots[i] !== 0) i = (i + 1) & mask;
    slots[i] = k + 1;
  }
  return slots;
}

/**
 * A power of two at least 1.25× the keys (load ≤ 0.8): a page looks up a handful of
 * keys, so a probe or two more costs nothing, and 50k keys fit 65,536 slots.
 */
function capacityFor(n: number): number {
  let c = 16;
  while (c < n * 1.25) c *= 2;
  return c;
}
