/**
 * Name normalisation for account and competitor lookup: NFKC, case fold, punctuation
 * and whitespace collapsed, legal-form suffixes stripped (English and Chinese), CJK kept.
 *
 *   "ACME Co., Ltd."                 → "acme"
 *   "Ｇｌｏｂｅｘ  S.A."              → "globex"
 *   "华为技术有限公司"                 → "华为技术"
 *   "阿里巴巴（中国）网络技术有限公司" → "阿里巴巴网络技术"
 *
 * Pure and allocation-light; used at index build time for every name and alias and
 * once per page for the page's account name.
 */

/**
 * Legal forms stripped from the end of a Latin-script name, as they read after
 * punctuation is removed ("S.A. de C.V." → "sa de cv"). Longest first.
 */
const LATIN_SUFFIXES = [
  'sa de cv', 's de rl', 'gmbh co kg', 'co ltd', 'co inc', 'pty ltd', 'pte ltd', 'pvt ltd', 'sdn bhd', 'sp zoo', 'co kg', 'l l c',
  'inc', 'incorporated', 'llc', 'llp', 'lp', 'ltd', 'limited', 'gmbh', 'mbh', 'ag', 'kg', 'sa', 'sas', 'sarl', 'sl', 'spa', 'srl',
  'co', 'corp', 'corporation', 'company', 'plc', 'bv', 'nv', 'pty', 'pte', 'kk', 'oy', 'oyj', 'ab', 'as', 'asa', 'aps',
  'se', 'sro', 'kft', 'doo', 'bhd', 'tbk', 'pvt', 'ulc', 'lda', 'ltda',
].sort((a, b) => b.length - a.length);

/** Chinese legal forms, longest first; stripped repeatedly from the end. */
const CJK_SUFFIXES = [
  '集团股份有限公司', '集團股份有限公司', '股份有限公司', '有限责任公司', '有限責任公司', '有限公司', '股份公司', '集团公司', '集團公司', '集团', '集團', '公司',
];

/** Region markers in brackets: "(中国)", "（China）", "(Shanghai)". */
const REGION_IN_BRACKETS =
  /[(（[［]\s*(?:中国|中國|china|prc|p\.r\.c\.?|香港|hong\s*kong|上海|北京|深圳|广州|杭州|台湾|臺灣|taiwan|shanghai|beijing|shenzhen)\s*[)）\]］]/giu;

const CJK_CHAR = /[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;
const CJK_RANGE = '\\u2e80-\\u2fff\\u3040-\\u30ff\\u3100-\\u31ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
const SPACE_NEAR_CJK = new RegExp(`(?<=[${CJK_RANGE}]) +| +(?=[${CJK_RANGE}])`, 'gu');

/** True when the string has at least one CJK character. */
export function hasCjk(s: string): boolean {
  return CJK_CHAR.test(s);
}

/** NFKC + lower case (with ß → ss), nothing else. */
export function foldCase(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/ß/g, 'ss');
}

/**
 * Folds case and punctuation without stripping legal forms: the comparison form for
 * stage names, opportunity types and CRM picklist values.
 */
export function normalizeLoose(s: string): string {
  return foldCase(s)
    .replace(/[.'’`´]/g, '')
    .replace(/[\p{P}\p{S}\s]+/gu, ' ')
    .replace(SPACE_NEAR_CJK, '')
    .trim();
}

/**
 * Normalised company name: see the file comment. Never returns an empty string for a
 * non-empty name made only of a legal form ("AG" stays "ag").
 */
export function normalizeName(input: string): string {
  let s = foldCase(input).replace(REGION_IN_BRACKETS, ' ');
  // Dots and apostrophes join ("S.A." → "sa", "O'Neil" → "oneil"); other punctuation splits.
  s = s
    .replace(/[.'’`´]/g, '')
    .replace(/[\p{P}\p{S}\s]+/gu, ' ')
    .replace(SPACE_NEAR_CJK, '')
    .trim();
  if (!s) return s;
  const stripped = stripLegal(s);
  return stripped || s;
}

function stripLegal(s: string): string {
  let out = s;
  for (let guard = 0; guard < 8; guard++) {
    const before = out;
    // Chinese forms at the end.
    for (const suf of CJK_SUFFIXES) {
      if (out.length > suf.length && out.endsWith(suf)) {
        out = out.slice(0, -suf.length).trim();
        break;
      }
    }
    // Latin forms at the end, as whole words.
    for (const suf of LATIN_SUFFIXES) {
      if (out.length > suf.length + 1 && out.endsWith(suf) && out.charCodeAt(out.length - suf.length - 1) === 32) {
        out = out.slice(0, -suf.length - 1).trim();
        break;
      }
    }
    // A leading "the".
    if (out.startsWith('the ') && out.length > 4) out = out.slice(4);
    if (out === before) break;
  }
  return out.trim();
}
