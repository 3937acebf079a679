/**
 * A large pack's accounts as they are stored: their JSON, one after another, in one
 * UTF-8 buffer with where each starts, in place of 50,000 account objects in the pack's
 * record. A woken worker reads the active pack on the rep's wait, and reading that many
 * objects back out of IndexedDB is what it waited for: a 50k-account record took
 * 270–580 ms to read in an extension page here, the same accounts as a buffer 35–46 ms.
 * A view needs a handful of accounts (the record's, its candidates): each is decoded the
 * first time it is asked for. Anything that wants them all (ops, export, palette search)
 * gets them all, decoded once.
 */
import type { AccountList } from '../match/index';
import type { Account } from '../pack/schema';

export interface PackedAccounts {
  /** UTF-8 of each account's JSON, back to back. */
  bytes: Uint8Array;
  /** Account i is `bytes[starts[i]]`…`bytes[starts[i + 1] - 1]`. */
  starts: Int32Array;
}

/** Below this many accounts a record keeps them as objects: reading them costs little, and the record stays as it always was. */
export const PACKED_FROM = 1_000;

export function packAccounts(accounts: readonly Account[]): PackedAccounts {
  const encoder = new TextEncoder();
  const starts = new Int32Array(accounts.length + 1);
  // Encoded straight into one growing buffer: a Uint8Array per account (50k ArrayBuffers)
  // made packing a 50k pack ~20 % slower (interleaved A/B, 584 → 479 ms here).
  let bytes = new Uint8Array(1 << 16);
  let at = 0;
  for (let i = 0; i < accounts.length; i++) {
    const json = JSON.stringify(accounts[i]);
    // UTF-8 takes at most three bytes per UTF-16 code unit.
    if (bytes.length - at < json.length * 3) {
      let cap = bytes.length * 2;
      while (cap - at < json.length * 3) cap *= 2;
      const next = new Uint8Array(cap);
      next.set(bytes.subarray(0, at));
      bytes = next;
    }
    at += encoder.encodeInto(json, bytes.subarray(at)).written;
    starts[i + 1] = at;
  }
  return { bytes: bytes.slice(0, at), starts };
}

/** Whether `x` is packed accounts as stored (a record read back from IndexedDB is not trusted to be). */
export function isPackedAccounts(x: unknown): x is PackedAccounts {
  const p = x as PackedAccounts | null;
  return !!p && p.bytes instanceof Uint8Array && p.starts instanceof Int32Array && p.starts.length >= 1 && p.starts[p.starts.length - 1] === p.bytes.length;
}

export class LazyAccounts implements AccountList {
  private readonly cache: (Account | undefined)[];
  private readonly decoder = new TextDecoder();

  constructor(private readonly packed: PackedAccounts) {
    this.cache = new Array(packed.starts.length - 1);
  }

  get length(): number {
    return this.packed.starts.length - 1;
  }

  at(i: number): Account | undefined {
    if (!Number.isInteger(i) || i < 0 || i >= this.length) return undefined;
    let a = this.cache[i];
    if (a === undefined) {
      const { bytes, starts } = this.packed;
      a = JSON.parse(this.decoder.decode(bytes.subarray(starts[i], starts[i + 1]))) as Account;
      this.cache[i] = a;
    }
    return a;
  }

  /** Every account, as an array (decoded once; the same objects `at` gives). */
  all(): Account[] {
    const out = new Array<Account>(this.length);
    for (let i = 0; i < out.length; i++) out[i] = this.at(i)!;
    return out;
  }
}
