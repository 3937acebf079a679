/**
 * Name normalisation for account and competitor lookup: NFKC, case fold, Traditional
 * Chinese folded to Simplified, punctuation and whitespace collapsed, legal-form suffixes
 * stripped (English and Chinese), CJK kept.
 *
 *   "ACME Co., Ltd."                 → "acme"
 *   "Ｇｌｏｂｅｘ  S.A."              → "globex"
 *   "华为技术有限公司"                 → "华为技术"
 *   "阿里巴巴（中国）网络技术有限公司" → "阿里巴巴网络技术"
 *   "天宇資訊股份有限公司"            → "天宇资讯"
 *
 * Pure and allocation-light; used at index build time for every name and alias and
 * once per page for the page's account name.
 */

import { toSimplified } from './hanzi';

/**
 * Legal forms stripped from the end of a Latin-script name, as they read after
 * punctuation is removed ("S.A. de C.V." → "sa de cv"), by number of words.
 */
const LATIN_SUFFIX_1 = new Set([
  'inc', 'incorporated', 'llc', 'llp', 'lp', 'ltd', 'limited', 'gmbh', 'mbh', 'ag', 'kg', 'sa', 'sas', 'sarl', 'sl', 'spa', 'srl',
  'co', 'corp', 'corporation', 'company', 'plc', 'bv', 'nv', 'pty', 'pte', 'kk', 'oy', 'oyj', 'ab', 'as', 'asa', 'aps',
  'se', 'sro', 'kft', 'doo', 'bhd', 'tbk', 'pvt', 'ulc', 'lda', 'ltda',
]);
const LATIN_SUFFIX_2 = new Set(['co ltd', 'co inc', 'pty ltd', 'pte ltd', 'pvt ltd', 'sdn bhd', 'sp zoo', 'co kg', 's a', 'b v', 'n v']);
const LATIN_SUFFIX_3 = new Set(['sa de cv', 's de rl', 'gmbh co kg', 'l l c']);
/** The last word of every legal form: a name ending in another word has none to strip (most names, at index build). */
const LATIN_SUFFIX_LAST = new Set([...LATIN_SUFFIX_1, ...LATIN_SUFFIX_2, ...LATIN_SUFFIX_3].map((x) => x.slice(x.lastIndexOf(' ') + 1)));

/** Chinese legal forms, longest first; stripped repeatedly from the end (Traditional forms are folded to these first). */
const CJK_SUFFIXES = [
  '集团股份有限公司', '股份有限公司', '有限责任公司', '有限公司', '股份公司', '集团公司', '集团', '公司',
];

/** Region markers in brackets: "(中国)", "（China）", "(Shanghai)". */
const REGION_IN_BRACKETS =
  /[(（[［]\s*(?:中国|china|prc|p\.r\.c\.?|香港|hong\s*kong|上海|北京|深圳|广州|杭州|台湾|taiwan|shanghai|beijing|shenzhen)\s*[)）\]］]/giu;

const CJK_CHAR = /[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;
const CJK_RANGE = '\\u2e80-\\u2fff\\u3040-\\u30ff\\u3100-\\u31ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
const SPACE_NEAR_CJK = new RegExp(`(?<=[${CJK_RANGE}]) +| +(?=[${CJK_RANGE}])`, 'gu');

/** True when the string has at least one CJK character. */
export function hasCjk(s: string): boolean {
  return CJK_CHAR.test(s);
}

/**
 * NFKC + lower case (with ß → ss) + Traditional → Simplified, nothing else: the one
 * fold every name, alias, keyword and label goes through (the automaton's per-character
 * table applies the same Traditional → Simplified map, see `hanzi.ts`).
 */
export function foldCase(s: string): string {
  return toSimplified(s.normalize('NFKC').toLowerCase().replace(/ß/g, 'ss'));
}

/**
 * The comparison key for picklist labels — stage names, opportunity types: case,
 * punctuation and spaces all dropped, so a label and its internal value agree
 * ("Decision maker bought-in" ≡ "decisionmakerboughtin", "New Business" ≡ "newbusiness").
 */
export function normalizeLoose(s: string): string {
  return foldCase(s).replace(/[\p{P}\p{S}\s]+/gu, '');
}

/**
 * Normalised company name: see the file comment. Never returns an empty string for a
 * non-empty name made only of a legal form ("AG" stays "ag").
 */
export function normalizeName(input: string): string {
  let s: string;
  const shape = nameShape(input);
  if (shape === HAN) {
    // Han ideographs only (most Chinese names): NFKC, case and punctuation leave them as they are.
    s = toSimplified(input);
  } else if (shape !== OTHER) {
    // Fast path (most names): no NFKC, no CJK.
    s = input.toLowerCase();
    // Words of letters and digits with single spaces are their own key.
    if (shape === ASCII) {
      if (s.includes('(') || s.includes('[')) s = s.replace(REGION_IN_BRACKETS, ' ');
      s = asciiWords(s);
    }
  } else {
    s = foldCase(input).replace(REGION_IN_BRACKETS, ' ');
    // Dots and apostrophes join ("S.A." → "sa", "O'Neil" → "oneil"); other punctuation splits.
    s = s
      .replace(/[.'’`´]/g, '')
      .replace(/[\p{P}\p{S}\s]+/gu, ' ')
      .replace(SPACE_NEAR_CJK, '')
      .trim();
  }
  if (!s) return s;
  const stripped = stripLegal(s);
  return stripped || s;
}

/**
 * `nameShape`: words of ASCII letters and digits with single spaces between them; other
 * printable ASCII; CJK Unified Ideographs (U+4E00–U+9FFF) only; anything else.
 */
const CLEAN = 0;
const ASCII = 1;
const HAN = 2;
const OTHER = 3;

/**
 * Which path a name takes, in one pass over its characters (two regular expression tests
 * did this, a fifth of the name normalisation at index build).
 */
function nameShape(s: string): number {
  if (s.length && s.charCodeAt(0) >= 0x4e00) return hanOnly(s) ? HAN : OTHER;
  let clean = true;
  let afterSpace = true; // a leading space is not clean
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return OTHER;
    if (c === 32) {
      if (afterSpace) clean = false;
      afterSpace = true;
    } else {
      if (!isAsciiAlnum(c)) clean = false;
      afterSpace = false;
    }
  }
  return clean && !afterSpace ? CLEAN : ASCII;
}

function hanOnly(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x4e00 || c > 0x9fff) return false;
  }
  return true;
}

/** An ASCII letter (either case) or digit. */
export function isAsciiAlnum(c: number): boolean {
  const lower = c | 32;
  return (lower >= 97 && lower <= 122) || (c >= 48 && c <= 57);
}

/**
 * Lower-case printable ASCII as its words of letters and digits, one space between them:
 * dots and apostrophes join ("s.a." → "sa", "o'neil" → "oneil"), anything else splits.
 * What `.replace(/[.'`]/g, '').replace(/[^a-z0-9]+/g, ' ').trim()` gives, in one pass.
 */
function asciiWords(s: string): string {
  let out = '';
  let run = -1;
  let split = false;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 32;
    if (isAsciiAlnum(c)) {
      if (run < 0) {
        if (split && out) out += ' ';
        split = false;
        run = i;
      }
      continue;
    }
    if (run >= 0) {
      out += s.slice(run, i);
      run = -1;
    }
    if (c !== 46 && c !== 39 && c !== 96) split = true;
  }
  return out;
}

/** The last `n` space-separated words of `s` and where they start, or null. */
function lastWords(s: string, n: number): number {
  let i = s.length;
  for (let k = 0; k < n; k++) {
    i = s.lastIndexOf(' ', i - 1);
    if (i < 0) return -1;
  }
  return i;
}

function stripLegal(s: string): string {
  let out = s;
  for (let guard = 0; guard < 8; guard++) {
    const before = out;
    // Chinese forms at the end.
    if (out.length > 2 && out.charCodeAt(out.length - 1) > 0x2e80) {
      for (const suf of CJK_SUFFIXES) {
        if (out.length > suf.length && out.endsWith(suf)) {
          out = out.slice(0, -suf.length).trim();
          break;
        }
      }
    }
    // Latin forms at the end, as whole words (three, two, then one).
    const lastSpace = out.lastIndexOf(' ');
    for (let n = lastSpace > 0 && LATIN_SUFFIX_LAST.has(out.slice(lastSpace + 1)) ? 3 : 0; n >= 1; n--) {
      const at = lastWords(out, n);
      if (at <= 0) continue;
      const tail = out.slice(at + 1);
      if ((n === 1 ? LATIN_SUFFIX_1 : n === 2 ? LATIN_SUFFIX_2 : LATIN_SUFFIX_3).has(tail)) {
        out = out.slice(0, at).trim();
        break;
      }
    }
    // A leading "the".
    if (out.startsWith('the ') && out.length > 4) out = out.slice(4);
    if (out === before) break;
  }
  return out.trim();
}
