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
const PARTICLES = new Uint8Array(65536);
for (const c of '的了和与及或在是也都对跟同被把给向从用将等吗呢吧啊说而之于') PARTICLES[c.charCodeAt(0)] = 1;

/** What follows a company's short name: "数策科技", "格罗贝斯公司". */
const SUFFIXES = ['科技', '公司', '集团', '股份', '有限', '控股', '银行', '证券', '保险', '网络', '信息', '软件', '技术', '智能', '电子', '通信', '资讯', '实业', '国际', '云'];

/**
 * The words in an open-addressing hash table keyed by their two or three code units,
 * built on the first Chinese hit (~9,000 words, about a millisecond): a lookup is
 * one or two probes instead of a binary search through the word list.
 */
interface WordTable {
  bits: number;
  hi: Uint32Array;
  lo: Uint16Array;
  rank: Int8Array;
}
let TABLE: WordTable | null = null;

const slot = (hi: number, lo: number, bits: number) => Math.imul(hi ^ Math.imul(lo + 1, 0x9e3779b1), 0x85ebca6b) >>> (32 - bits);

function wordTable(): WordTable {
  if (TABLE) return TABLE;
  let n = 0;
  for (const len of Object.keys(CJK_WORDS)) n += Number(len) * CJK_WORDS[Number(len)].ranks.length;
  const bits = Math.ceil(Math.log2(n * 2 + 1));
  const t: WordTable = { bits, hi: new Uint32Array(1 << bits), lo: new Uint16Array(1 << bits), rank: new Int8Array(1 << bits).fill(-1) };
  const mask = (1 << bits) - 1;
  const put = (hi: number, lo: number, r: number) => {
    let i = slot(hi, lo, bits);
    while (t.rank[i] >= 0 && !(t.hi[i] === hi && t.lo[i] === lo)) i = (i + 1) & mask;
    t.hi[i] = hi;
    t.lo[i] = lo;
    t.rank[i] = Math.max(t.rank[i], r);
  };
  for (const key of Object.keys(CJK_WORDS)) {
    const len = Number(key);
    const { ranks } = CJK_WORDS[len];
    const bytes = atob(CJK_WORDS[len].words);
    const unit = (k: number) => bytes.charCodeAt(2 * k) | (bytes.charCodeAt(2 * k + 1) << 8);
    for (let w = 0; w < ranks.length; w++) {
      const at = w * len;
      const hi = ((unit(at) << 16) | unit(at + 1)) >>> 0;
      const lo = len === 3 ? unit(at + 2) : 0;
      put(hi, lo, parseInt(ranks[w], 36));
      // Every adjacent pair inside a word, under the key (pair, PAIR): a crossing word must hold the pair at the edge.
      put(hi, PAIR, 0);
      if (len === 3) put(((unit(at + 1) << 16) | lo) >>> 0, PAIR, 0);
    }
  }
  TABLE = t;
  return t;
}

/** `lo` of a pair entry: not a Han code unit, so no word has it. */
const PAIR = 0xffff;

/** Some frequent word holds text[at - 1] text[at] side by side. */
function pairInWord(text: string, at: number, fold: Uint16Array): boolean {
  if (at < 1 || at >= text.length) return false;
  const t = wordTable();
  const hi = ((fold[text.charCodeAt(at - 1)] << 16) | fold[text.charCodeAt(at)]) >>> 0;
  const mask = (1 << t.bits) - 1;
  for (let i = slot(hi, PAIR, t.bits); t.rank[i] >= 0; i = (i + 1) & mask) if (t.hi[i] === hi && t.lo[i] === PAIR) return true;
  return false;
}

/** floor(log2(frequency)) of the folded word text[from, from + len), or -1 when it is not a frequent word. Allocation-free. */
function rank(text: string, from: number, len: number, fold: Uint16Array): number {
  if (from < 0 || from + len > text.length || len < 2 || len > 3) return -1;
  const c0 = fold[text.charCodeAt(from)];
  const c1 = fold[text.charCodeAt(from + 1)];
  const lo = len === 3 ? fold[text.charCodeAt(from + 2)] : 0;
  if (!isHan(c0) || !isHan(c1) || (len === 3 && !isHan(lo))) return -1;
  const t = wordTable();
  const hi = ((c0 << 16) | c1) >>> 0;
  const mask = (1 << t.bits) - 1;
  for (let i = slot(hi, lo, t.bits); t.rank[i] >= 0; i = (i + 1) & mask) if (t.hi[i] === hi && t.lo[i] === lo) return t.rank[i];
  return -1;
}

/**
 * True when no frequent word crosses the alias' edge at `edge` (its start when `left`,
 * else its end) that the characters outside do not better belong to. Words are 2 or 3
 * long, so a crossing word leaves 1 or 2 characters outside; `inside` is the alias'
 * length.
 */
function sideFree(text: string, edge: number, inside: number, left: boolean, fold: Uint16Array): boolean {
  // Every crossing word holds the two characters on either side of the edge: one probe settles most hits.
  if (!pairInWord(text, edge, fold)) return true;
  return (
    claimed(text, edge, crossing(text, edge, 2, 1, left, fold), left, fold) &&
    (inside < 2 || claimed(text, edge, crossing(text, edge, 3, 1, left, fold), left, fold)) &&
    claimed(text, edge, crossing(text, edge, 3, 2, left, fold), left, fold)
  );
}

/** Rank of the `len`-character word with `out` characters outside the edge, or -1. */
function crossing(text: string, edge: number, len: number, out: number, left: boolean, fold: Uint16Array): number {
  return rank(text, left ? edge - out : edge + out - len, len, fold);
}

/** No crossing word (`r` = -1), or a word at least as common lies wholly outside, against the edge. */
function claimed(text: string, edge: number, r: number, left: boolean, fold: Uint16Array): boolean {
  return r < 0 || rank(text, left ? edge - 2 : edge, 2, fold) >= r || rank(text, left ? edge - 3 : edge, 3, fold) >= r;
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
    if (isHan(c) && PARTICLES[c] === 0 && !sideFree(text, start, end - start, true, fold)) return false;
  }
  if (right && end < text.length) {
    const c = fold[text.charCodeAt(end)];
    if (isHan(c) && PARTICLES[c] === 0 && !suffixAt(text, end, fold) && !sideFree(text, end, end - start, false, fold)) return false;
  }
  return true;
}
