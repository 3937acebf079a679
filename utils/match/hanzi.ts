/**
 * Traditional → Simplified Chinese, one character at a time: the one script the
 * matcher compares in. "格羅貝斯" and "格罗贝斯", "天宇資訊" and "天宇资讯" fold to the
 * same key, so a pack writes a name once and a Taiwanese or Hong Kong page still finds it.
 *
 * The table is OpenCC's TSCharacters (through opencc-js; data Apache-2.0): the
 * character-level layer of OpenCC's Traditional → Simplified conversion. Only its
 * one-to-one BMP entries are used (about 3,000; the rest are rare astral characters),
 * so folding never changes a string's length and a hit's offsets in the folded text are
 * its offsets in the page. Phrase-level rules (which of 乾/干 is meant) do not matter
 * here: both sides of a comparison are folded the same way. Chains in the table
 * (薴 → 苧 → 苎) are followed to the end, so folding is idempotent. The pairs are derived
 * from the dictionary when they are generated (scripts/build/hanziPairs.ts), not here.
 *
 * Only the background (and Node tools) import this; content scripts never do.
 */
import { HANZI_PAIRS } from './hanziPairs';

let TABLE: Uint16Array | null = null;

/**
 * code unit → its Simplified code unit, or 0 when it has none (it is itself); built once.
 * Zero for "itself" because a fresh table is zero-filled natively: filling in 65,536
 * identities was a cold loop on a woken worker's first view.
 */
export function simplifiedTable(): Uint16Array {
  if (TABLE) return TABLE;
  const t = new Uint16Array(65536);
  const bytes = atob(HANZI_PAIRS);
  for (let i = 0; i + 3 < bytes.length; i += 4) {
    t[bytes.charCodeAt(i) | (bytes.charCodeAt(i + 1) << 8)] = bytes.charCodeAt(i + 2) | (bytes.charCodeAt(i + 3) << 8);
  }
  TABLE = t;
  return t;
}

/** `s` with every Traditional character replaced by its Simplified form; same length. */
export function toSimplified(s: string): string {
  const t = simplifiedTable();
  let i = 0;
  while (i < s.length && t[s.charCodeAt(i)] === 0) i++;
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += String.fromCharCode(t[c] || c);
  }
  return out;
}
