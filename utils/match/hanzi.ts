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
 * (薴 → 苧 → 苎) are followed to the end, so folding is idempotent.
 *
 * Only the background (and Node tools) import this; content scripts never do.
 */
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';

let TABLE: Uint16Array | null = null;

/** code unit → its Simplified code unit (itself when none); built once, with the matcher's fold table. */
export function simplifiedTable(): Uint16Array {
  if (TABLE) return TABLE;
  const t = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) t[c] = c;
  for (const entry of TS_CHARACTERS.split('|')) {
    const sp = entry.indexOf(' ');
    // One Traditional code unit → the first Simplified candidate, when that is one code unit too.
    if (sp !== 1) continue;
    const end = entry.indexOf(' ', sp + 1);
    const s = end < 0 ? entry.slice(sp + 1) : entry.slice(sp + 1, end);
    if (s.length === 1) t[entry.charCodeAt(0)] = s.charCodeAt(0);
  }
  for (let c = 0x2e80; c < 65536; c++) {
    let s = t[c];
    for (let guard = 0; guard < 4 && t[s] !== s; guard++) s = t[s];
    t[c] = s;
  }
  TABLE = t;
  return t;
}

/** `s` with every Traditional character replaced by its Simplified form; same length. */
export function toSimplified(s: string): string {
  const t = simplifiedTable();
  let i = 0;
  while (i < s.length && t[s.charCodeAt(i)] === s.charCodeAt(i)) i++;
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) out += String.fromCharCode(t[s.charCodeAt(i)]);
  return out;
}
