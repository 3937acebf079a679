/** Limits: what no real pack comes near, checked before anything else reads the input. */
import { formatPath } from './jsonPath';
import type { PackError } from './validate';

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
 * One pass over the parsed input, without recursion (a 10,000-deep list must not
 * overflow the stack): nesting depth, forbidden keys, over-long strings and text that
 * was not UTF-8 when it was read (the decoder's U+FFFD). Each problem names its path.
 */
export function checkStructure(input: unknown): PackError[] {
  const errors: PackError[] = [];
  type Node = { value: unknown; depth: number; parent: Node | null; key: string | number | null };
  const pathOf = (n: Node) => {
    const keys: (string | number)[] = [];
    for (let at: Node | null = n; at && at.key !== null; at = at.parent) keys.push(at.key);
    return formatPath(keys.reverse());
  };
  const stack: Node[] = [{ value: input, depth: 0, parent: null, key: null }];
  while (stack.length && errors.length < MAX_ERRORS) {
    const node = stack.pop()!;
    const value = node.value;
    if (typeof value === 'string') {
      if (value.length > MAX_STRING) {
        errors.push({ path: pathOf(node), message: `text of ${value.length.toLocaleString('en')} characters is longer than the ${MAX_STRING.toLocaleString('en')} allowed` });
      } else if (value.includes('\uFFFD')) {
        errors.push({ path: pathOf(node), message: 'contains U+FFFD, a character that could not be decoded: save the file as UTF-8' });
      }
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (node.depth >= MAX_DEPTH) {
      errors.push({ path: pathOf(node), message: `nested more than ${MAX_DEPTH} levels deep` });
      continue;
    }
    const children: Node[] = [];
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) children.push({ value: value[i], depth: node.depth + 1, parent: node, key: i });
    } else {
      for (const key of Object.keys(value)) {
        const child: Node = { value: (value as Record<string, unknown>)[key], depth: node.depth + 1, parent: node, key };
        if (FORBIDDEN_KEYS.has(key)) {
          errors.push({ path: pathOf(child), message: `"${key}" is not allowed as a field name` });
          continue;
        }
        children.push(child);
      }
    }
    // Reversed, so problems come out in document order.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return errors;
}

/** Refuses a pack file that is too large before anything parses it. */
export function checkPackSize(size: number): PackError | null {
  return size > MAX_PACK_BYTES ? { path: '(file)', message: `the file is ${mb(size)}; the largest pack accepted is ${mb(MAX_PACK_BYTES)}` } : null;
}
