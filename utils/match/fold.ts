/**
 * Folding text the way the automaton scans it (utils/match/automaton.ts), one code unit
 * at a time so offsets in the folded text are offsets in the page's, and which code
 * units count as letters of a word.
 */
import { simplifiedTable } from './hanzi';

let FOLD: Uint16Array | null = null;

/**
 * Blocks with no letter case (Unicode gives them no lower-case mapping): CJK radicals,
 * symbols, kana and bopomofo; CJK ideographs; Yi; Hangul syllables; private use;
 * compatibility ideographs. Their fold skips `toLowerCase`, which was most of the
 * table's cost (~8 ms of a woken worker's first match, on the rep's wait); a unit test
 * checks the table against the plain per-character computation, code unit by code unit.
 */
const CASELESS: readonly [number, number][] = [
  // U+3000, the ideographic space, folds to " ".
  [0x2e80, 0x2fff],
  [0x3001, 0x31ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7af],
  [0xe000, 0xfaff],
];

/** Per code unit fold: lower case, full-width ASCII → ASCII, whitespace → space, Traditional → Simplified. Length-preserving by construction. */
export function foldTable(): Uint16Array {
  if (FOLD) return FOLD;
  const simplified = simplifiedTable();
  const t = new Uint16Array(65536);
  let range = 0;
  for (let c = 0; c < 65536; c++) {
    const r = CASELESS[range];
    if (r && c >= r[0]) {
      for (; c <= r[1]; c++) t[c] = simplified[c] || c;
      c--;
      range++;
      continue;
    }
    t[c] = foldOne(c, simplified);
  }
  FOLD = t;
  return t;
}

/**
 * Takes the table stored with the match index (utils/match/persist.ts) when none has been
 * built in this worker yet: a woken worker's first match no longer builds it (11 ms of
 * interpreted loops there), and the index is scanned with the very table it was built with.
 */
export function useStoredFoldTable(t: Uint16Array): void {
  if (!FOLD && t instanceof Uint16Array && t.length === 65536) FOLD = t;
}

/** The table as first written, one `toLowerCase` per code unit: what `foldTable` must equal (tests). */
export function foldTableReference(): Uint16Array {
  const simplified = simplifiedTable();
  const t = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) t[c] = foldOne(c, simplified);
  return t;
}

function foldOne(c: number, simplified: Uint16Array): number {
  let f = c;
  if (c < 128) {
    if (c >= 65 && c <= 90) f = c + 32;
    else if (c === 9 || c === 10 || c === 11 || c === 12 || c === 13) f = 32;
  } else if (c >= 0xd800 && c <= 0xdfff) {
    f = c;
  } else if (c >= 0xff01 && c <= 0xff5e) {
    f = c - 0xfee0;
    if (f >= 65 && f <= 90) f += 32;
  } else if (c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x2028 || c === 0x2029) {
    f = 32;
  } else {
    const l = String.fromCharCode(c).toLowerCase();
    if (l.length === 1) f = l.charCodeAt(0);
    f = simplified[f] || f;
  }
  return f;
}

/** Folds a string with the same per-code-unit table the scanner uses. */
export function foldString(s: string): string {
  const fold = foldTable();
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(fold[s.charCodeAt(i)]);
  return out;
}

/** Letters and digits of scripts written with spaces between words (not CJK, Thai…). */
export function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c >= 0xc0 && c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  if (c >= 0x300 && c <= 0x52f) return true; // combining marks, Greek, Cyrillic
  if (c >= 0x1e00 && c <= 0x1fff) return true; // Latin extended additional, Greek extended
  if (c >= 0xac00 && c <= 0xd7af) return true; // Hangul syllables
  if (c >= 0xff10 && c <= 0xff19) return true; // full-width digits
  if ((c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) return true;
  return false;
}
