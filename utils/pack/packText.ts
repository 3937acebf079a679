/**
 * A pack file's bytes and text before validation: refused when too large or not UTF-8,
 * and a JSON syntax error named by line and column.
 */
import { checkPackSize } from './limits';
import type { PackError } from './validate';

/** V8's JSON.parse message, with the line and column of the fault. */
function jsonErrorAt(text: string, message: string): string {
  const pos = jsonSyntaxErrorOffset(text);
  if (pos < 0) return message;
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < pos; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `${message} (line ${line}, column ${pos - lineStart + 1})`;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

/**
 * Offset of the first character that makes `text` invalid JSON (-1 when it is valid).
 * V8 gives a position for some faults and not others; this finds it for all, without
 * recursion. Only runs once JSON.parse has failed.
 */
export function jsonSyntaxErrorOffset(text: string): number {
  const n = text.length;
  const stack: number[] = []; // 123 "{" or 91 "["
  // value | valueOrClose | keyOrClose | key | colon | after | done
  let state = 'value';
  let i = 0;
  const token = (re: RegExp) => {
    re.lastIndex = i;
    return re.test(text) ? re.lastIndex : -1;
  };
  const valueDone = () => (state = stack.length ? 'after' : 'done');
  while (true) {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
    if (i >= n) return state === 'done' ? -1 : n;
    const c = text[i];
    switch (state) {
      case 'done':
        return i;
      case 'colon':
        if (c !== ':') return i;
        i++;
        state = 'value';
        continue;
      case 'after':
        if (c === ',') {
          i++;
          state = stack[stack.length - 1] === 123 ? 'key' : 'value';
        } else if ((c === '}' && stack[stack.length - 1] === 123) || (c === ']' && stack[stack.length - 1] === 91)) {
          i++;
          stack.pop();
          valueDone();
        } else return i;
        continue;
      case 'keyOrClose':
      case 'key': {
        if (c === '}' && state === 'keyOrClose') {
          i++;
          stack.pop();
          valueDone();
          continue;
        }
        if (c !== '"') return i;
        const end = token(STRING);
        if (end < 0) return i;
        i = end;
        state = 'colon';
        continue;
      }
      case 'valueOrClose':
        if (c === ']') {
          i++;
          stack.pop();
          valueDone();
          continue;
        }
      // falls through: a value
      default: {
        if (c === '{' || c === '[') {
          stack.push(c.charCodeAt(0));
          i++;
          state = c === '{' ? 'keyOrClose' : 'valueOrClose';
          continue;
        }
        let end = -1;
        if (c === '"') end = token(STRING);
        else if (c === '-' || (c >= '0' && c <= '9')) end = token(NUMBER);
        else for (const lit of ['true', 'false', 'null']) if (text.startsWith(lit, i)) end = i + lit.length;
        if (end < 0) return i;
        i = end;
        valueDone();
      }
    }
  }
}

/**
 * Pack file text → JSON, refusing a file over the size cap before parsing it and naming
 * the line and column of a syntax error. Every way a pack arrives (file, URL, sync)
 * should come through here.
 */
export function parsePackText(text: string): { ok: true; json: unknown } | { ok: false; errors: PackError[] } {
  // Every UTF-16 unit is at least one byte of the file, so this never lets a larger file through.
  const tooBig = checkPackSize(text.length);
  if (tooBig) return { ok: false, errors: [tooBig] };
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch (e) {
    const message = (e as Error).message;
    const detail = text.trim() === '' ? 'the file is empty' : jsonErrorAt(text, message);
    return { ok: false, errors: [{ path: '(file)', message: `not valid JSON: ${detail}` }] };
  }
}

/**
 * Pack file bytes → text, refusing what is not UTF-8 (a pack saved as Latin-1 or
 * UTF-16 would otherwise turn into replacement characters without a word), naming the
 * first bad byte. For a pack held whole in memory; the options page streams a picked
 * file through utils/sync/fetchPack's `readCapped` instead.
 */
export function decodePackBytes(bytes: ArrayBuffer | Uint8Array): { ok: true; text: string } | { ok: false; errors: PackError[] } {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const tooBig = checkPackSize(view.byteLength);
  if (tooBig) return { ok: false, errors: [tooBig] };
  if ((view[0] === 0xff && view[1] === 0xfe) || (view[0] === 0xfe && view[1] === 0xff)) {
    return { ok: false, errors: [{ path: '(file)', message: 'not UTF-8: the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8' }] };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(view) };
  } catch {
    const at = firstInvalidUtf8(view);
    return { ok: false, errors: [{ path: '(file)', message: `not UTF-8: byte ${at} (0x${view[at].toString(16).padStart(2, '0')}) cannot start or continue a UTF-8 character; save the file as UTF-8` }] };
  }
}

/** Offset of the first byte that breaks UTF-8 (only called once the decoder has said one does). */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) {
      if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    }
    // Overlong, surrogate and above-U+10FFFF forms.
    if ((c === 0xe0 && b[i + 1] < 0xa0) || (c === 0xed && b[i + 1] > 0x9f) || (c === 0xf0 && b[i + 1] < 0x90) || (c === 0xf4 && b[i + 1] > 0x8f)) return i;
    i += n + 1;
  }
  return Math.max(0, b.length - 1);
}
