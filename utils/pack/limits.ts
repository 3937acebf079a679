/** Limits: what no real pack comes near, checked before anything else reads the input. */
import { formatPath } from './jsonPath';
import type { PackError } from './validate';
import { grouped } from './grouped';

/**
 * The largest pack file accepted. A synthetic pack of 50,000 accounts (the largest
 * customers we plan for) is about 22 MB; anything past this is a mistake or an attack,
 * and refusing it before `JSON.parse` keeps the worker responsive.
 */
export const MAX_PACK_BYTES = 40 * 1024 * 1024;
/** Objects and lists nest at most this deep (a real pack nests 7 levels). */
export const MAX_DEPTH = 32;
/** The longest single text (a battlecard section is a few KB). */
export const MAX_STRING = 100_000;
/** Errors listed; the rest are counted in one last line. */
export const MAX_ERRORS = 500;
/** Keys that would change an object's prototype, or that valibot drops without a word. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * One pass over the parsed input: nesting depth, forbidden keys, over-long strings and
 * text that was not UTF-8 when it was read (the decoder's U+FFFD). Each problem names
 * its path. Recursive, but never deeper than MAX_DEPTH + 1 calls: a node at the limit
 * is reported and not entered, so a 10,000-deep list cannot overflow the stack. The
 * path is one shared list of keys, formatted only for a problem (a 50k-account pack
 * has millions of values and almost never a problem).
 *
 * `cleanAccounts[i]`, when set, says `input.accounts[i]` holds nothing this walk
 * reports (the accounts fast path, validateAccounts.ts, checks that as it shapes
 * them): those accounts, nearly all of a large pack's values, are not walked again.
 */
export function checkStructure(input: unknown, cleanAccounts?: readonly unknown[] | null): PackError[] {
  const errors: PackError[] = [];
  const accounts = cleanAccounts ? (input as { accounts?: unknown }).accounts : undefined;
  const keys: (string | number)[] = [];
  const at = (key: string | number) => {
    keys.push(key);
    const path = formatPath(keys);
    keys.pop();
    return path;
  };
  // Visits in document order; a node's forbidden keys are reported before anything inside it.
  const visit = (value: unknown, depth: number): void => {
    if (errors.length >= MAX_ERRORS) return;
    if (typeof value === 'string') {
      if (value.length > MAX_STRING) {
        errors.push({ path: formatPath(keys), message: `text of ${grouped(value.length)} characters is longer than the ${grouped(MAX_STRING)} allowed` });
      } else if (value.includes('\uFFFD')) {
        errors.push({ path: formatPath(keys), message: 'contains U+FFFD, a character that could not be decoded: save the file as UTF-8' });
      }
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    if (depth >= MAX_DEPTH) {
      errors.push({ path: formatPath(keys), message: `nested more than ${MAX_DEPTH} levels deep` });
      return;
    }
    if (Array.isArray(value)) {
      const skip = depth === 1 && value === accounts;
      for (let i = 0; i < value.length; i++) {
        if (skip && cleanAccounts![i]) continue;
        keys.push(i);
        visit(value[i], depth + 1);
        keys.pop();
      }
      return;
    }
    const own = Object.keys(value);
    let forbidden = false;
    for (const key of own) {
      if (FORBIDDEN_KEYS.has(key)) {
        errors.push({ path: at(key), message: `"${key}" is not allowed as a field name` });
        forbidden = true;
      }
    }
    for (const key of own) {
      if (forbidden && FORBIDDEN_KEYS.has(key)) continue;
      keys.push(key);
      visit((value as Record<string, unknown>)[key], depth + 1);
      keys.pop();
    }
  };
  visit(input, 0);
  return errors;
}

/** Refuses a pack file that is too large before anything parses it. */
export function checkPackSize(size: number): PackError | null {
  return size > MAX_PACK_BYTES ? { path: '(file)', message: `the file is ${mb(size)}; the largest pack accepted is ${mb(MAX_PACK_BYTES)}` } : null;
}
