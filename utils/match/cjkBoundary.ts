/**
 * Does a Chinese alias stand on its own where it was found, or is it half of other
 * words? Chinese has no spaces, so "数策" occurs inside "多数策略" (多数 + 策略, "the
 * majority strategy") without anyone naming the company.
 *
 * Checked only at a candidate hit, only on a side where the neighbouring character is
 * Han (a space, punctuation, Latin or a digit is a boundary already). A side is glued
 * when a frequent word (cjkWords.ts) crosses it — "多数" across the start — unless a
 * word at least as frequent claims the outside characters instead ("对比数策": 比数 is
 * rare, 对比 is common, so 比 belongs to 对比 and the alias stands). A grammatical
 * particle beside the alias (的, 和, 在, 是…) or a company suffix after it (科技, 公司,
 * 集团…) is a boundary whatever the dictionary says.
 *
 * No segmenter: Intl.Segmenter gives the same kind of answer but costs ~60 µs per
 * character in Node 20 and would make Node tools (eval, CLI, bench) disagree with the
 * browser whenever the two ICU builds differ. This is a handful of binary searches per
 * hit, the same in every runtime.
 */
import { CJK_WORDS } from './cjkWords';

/** Han ideographs (unified, extension A, compatibility). */
export function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/** Function words that sit between words, not inside company names. */
const PARTICLES = new Set([...'的了和与及或在是也都对跟同被把给向从用将等吗呢吧啊说而之于'].map((c) => c.charCodeAt(0)));

/** What follows a company's short name: "数策科技", "格罗贝斯公司". */
const SUFFIXES = ['科技', '公司', '集团', '股份', '有限', '控股', '银行', '证券', '保险', '网络', '信息', '软件', '技术', '智能', '电子', '通信', '资讯', '实业', '国际', '云'];

/** floor(log2(frequency)) of the folded word text[from, from + len), or -1 when it is not a frequent word. */
function rank(text: string, from: number, len: number, fold: Uint16Array): number {
  const entry = CJK_WORDS[len];
  if (!entry || from < 0 || from + len > text.length) return -1;
  let key = '';
  for (let i = from; i < from + len; i++) {
    const c = fold[text.charCodeAt(i)];
    if (!isHan(c)) return -1;
    key += String.fromCharCode(c);
  }
  const { words, ranks } = entry;
  let lo = 0;
  let hi = ranks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const w = words.slice(mid * len, mid * len + len);
    if (w === key) return parseInt(ranks[mid], 36);
    if (w < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

const LENGTHS = Object.keys(CJK_WORDS).map(Number);

/** True when no frequent word crosses `start` (the alias starts there) that the characters before it do not better belong to. */
function leftFree(text: string, start: number, end: number, fold: Uint16Array): boolean {
  for (const len of LENGTHS) {
    for (let out = 1; out < len; out++) {
      if (len - out > end - start) continue;
      const r = rank(text, start - out, len, fold);
      if (r < 0) continue;
      // A word ending at `start` that covers the same outside characters, at least as common.
      let claimed = false;
      for (const l2 of LENGTHS) if (l2 >= out && rank(text, start - l2, l2, fold) >= r) claimed = true;
      if (!claimed) return false;
    }
  }
  return true;
}

function rightFree(text: string, start: number, end: number, fold: Uint16Array): boolean {
  for (const len of LENGTHS) {
    for (let out = 1; out < len; out++) {
      if (len - out > end - start) continue;
      const r = rank(text, end - (len - out), len, fold);
      if (r < 0) continue;
      let claimed = false;
      for (const l2 of LENGTHS) if (l2 >= out && rank(text, end, l2, fold) >= r) claimed = true;
      if (!claimed) return false;
    }
  }
  return true;
}

function suffixAt(text: string, at: number, fold: Uint16Array): boolean {
  for (const s of SUFFIXES) {
    let ok = at + s.length <= text.length;
    for (let i = 0; ok && i < s.length; i++) ok = fold[text.charCodeAt(at + i)] === s.charCodeAt(i);
    if (ok) return true;
  }
  return false;
}

/**
 * The hit text[start, end) of a Chinese alias is not glued into longer words: checked on
 * the left when `left`, on the right when `right` (the alias' first or last character is
 * Han and the alias is strict). `fold` is the matcher's per-character fold.
 */
export function cjkBounded(text: string, start: number, end: number, fold: Uint16Array, left: boolean, right: boolean): boolean {
  if (left && start > 0) {
    const c = fold[text.charCodeAt(start - 1)];
    if (isHan(c) && !PARTICLES.has(c) && !leftFree(text, start, end, fold)) return false;
  }
  if (right && end < text.length) {
    const c = fold[text.charCodeAt(end)];
    if (isHan(c) && !PARTICLES.has(c) && !suffixAt(text, end, fold) && !rightFree(text, start, end, fold)) return false;
  }
  return true;
}
