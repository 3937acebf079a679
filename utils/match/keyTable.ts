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

/** The table's data: plain typed arrays and a string, so it survives a structured clone unchanged. */
export interface KeyTableData {
  /** Every key, concatenated; key k is `keys.slice(keyStart[k], keyStart[k + 1])`. */
  keys: string;
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
      while (j < len && keys.charCodeAt(at + j) === key.charCodeAt(j)) j++;
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
    return d.keys.length * 2 + d.keyStart.byteLength + d.slots.byteLength + d.val.byteLength + d.multi.byteLength;
  }
}

/** Collects keys and values, then packs them into a `KeyTable`. */
export class KeyTableBuilder {
  private keys: string[] = [];
  /** One value as a number, several as a list (rare: shared domains, names). */
  private vals: (number | number[])[] = [];
  private slots: Int32Array;

  constructor(expectedKeys = 1024) {
    this.slots = new Int32Array(capacityFor(expectedKeys));
  }

  private slotOf(key: string, h: number): number {
    const { slots, keys } = this;
    const mask = slots.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const k = slots[i] - 1;
      if (k < 0 || keys[k] === key) return i;
    }
  }

  /** The key's id, adding it when new. */
  intern(key: string): number {
    const h = hashString(key);
    let i = this.slotOf(key, h);
    if (this.slots[i] !== 0) return this.slots[i] - 1;
    if ((this.keys.length + 1) * 2 > this.slots.length) {
      this.grow();
      i = this.slotOf(key, h);
    }
    const k = this.keys.length;
    this.keys.push(key);
    this.vals.push(-1);
    this.slots[i] = k + 1;
    return k;
  }

  /** The values already under key id `k`. */
  valuesOf(k: number): readonly number[] {
    const v = this.vals[k];
    return typeof v === 'number' ? (v < 0 ? NONE : [v]) : v;
  }

  /** Adds `value` under `key` unless it is there already. */
  add(key: string, value: number): void {
    this.addAt(this.intern(key), value);
  }

  addAt(k: number, value: number): void {
    const cur = this.vals[k];
    if (typeof cur === 'number') {
      if (cur < 0) this.vals[k] = value;
      else if (cur !== value) this.vals[k] = [cur, value];
    } else if (!cur.includes(value)) cur.push(value);
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    for (let i = 0; i < old.length; i++) {
      const k = old[i] - 1;
      if (k >= 0) this.slots[this.slotOf(this.keys[k], hashString(this.keys[k]))] = k + 1;
    }
  }

  build(): KeyTable {
    const n = this.keys.length;
    const keyStart = new Int32Array(n + 1);
    for (let k = 0; k < n; k++) keyStart[k + 1] = keyStart[k] + this.keys[k].length;
    const val = new Int32Array(n);
    let multiLen = 0;
    for (const v of this.vals) if (typeof v !== 'number') multiLen += 1 + v.length;
    const multi = new Int32Array(multiLen);
    let at = 0;
    for (let k = 0; k < n; k++) {
      const v = this.vals[k];
      if (typeof v === 'number') val[k] = v;
      else {
        val[k] = -(at + 1);
        multi[at] = v.length;
        multi.set(v, at + 1);
        at += 1 + v.length;
      }
    }
    // Rebuilt at the final size: the builder's table may be twice as large as needed.
    const slots = new Int32Array(capacityFor(n));
    const mask = slots.length - 1;
    for (let k = 0; k < n; k++) {
      let i = hashString(this.keys[k]) & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = k + 1;
    }
    return new KeyTable({ keys: this.keys.join(''), keyStart, slots, val, multi });
  }
}

/** A power of two at least 1.5× the keys (load ≤ ~0.67; probes stay short). */
function capacityFor(n: number): number {
  let c = 16;
  while (c < n * 1.5) c *= 2;
  return c;
}
