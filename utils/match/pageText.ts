/**
 * The third reading layer's lookup: the pack's account names and aliases found in a
 * record page's visible text, for pages whose fields the adapters could not read
 * (utils/sites/layers.ts). Word n-grams of the text are normalised like names and looked
 * up in the index's name map, so a 50,000-account pack costs no extra index: the cost is
 * in the text (capped), not the pack.
 *
 * Precision first: only the one account whose whole name is in the record's heading may
 * be picked ("Fabrikam" in "Fabrikam Logistics GmbH" is part of another name, and a name
 * in the text may be a partner, a reference or a competitor); every other find is a
 * candidate the rep confirms with one click.
 */
import type { PackIndex } from './index';
import { hasCjk, normalizeName } from './normalize';

/** The record page's text looked at: the fields and the start of the activity, not a whole feed. */
export const PAGE_TEXT_MAX = 30_000;
/** Longest name looked for, in words (Latin) and characters (CJK). */
const MAX_WORDS = 6;
const MAX_CJK = 16;
const MIN_CJK = 2;
const MIN_LATIN = 3;

export interface TextHit {
  account: number;
  /** The words as the page writes them. */
  text: string;
  inHeading: boolean;
  /** Every heading find runs on into another capitalised word or CJK character: part of a longer name. */
  partial: boolean;
  count: number;
}

/** Words after a name that do not make it another company's ("Acme and Globex", "Acme GmbH"). */
const CONTINUE_OK = /^(?:and|or|of|the|for|at|in|on|to|vs|x|&|inc|ltd|llc|gmbh|ag|co|corp|plc|sa|srl|bv|nv|pty|pte|kk)$/i;

/** Runs of letters and digits (Latin words), and runs of CJK characters, in order. */
const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}&'’.-]*|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/gu;

type Visit = (account: number, written: string, at: number, end: number, partial: boolean) => void;

/** Every place in `text` where a name or alias of the pack starts and ends (offsets into `text`). */
function lookups(index: PackIndex, text: string, visit: Visit): void {
  const capped = text.slice(0, PAGE_TEXT_MAX);
  const words: { w: string; at: number }[] = [];
  let offset = 0;
  for (const line of capped.split('\n')) {
    words.length = 0;
    for (const m of line.matchAll(TOKEN)) words.push({ w: m[0].replace(/[.'’-]+$/, ''), at: offset + m.index! });
    for (let i = 0; i < words.length; i++) {
      const { w, at } = words[i];
      if (hasCjk(w)) {
        // Chinese has no spaces: every substring of the run, longest first at each start.
        for (let s = 0; s < w.length; s++) {
          for (let e = Math.min(w.length, s + MAX_CJK); e - s >= MIN_CJK; e--) hit(index, w.slice(s, e), at + s, at + e, s > 0 || e < w.length, visit);
        }
        continue;
      }
      for (let n = 0; n < MAX_WORDS && i + n < words.length; n++) {
        const last = words[i + n];
        if (n && hasCjk(last.w)) break;
        const phrase = capped.slice(at, last.at + last.w.length);
        const next = words[i + n + 1];
        const runsOn = !!next && /^\p{Lu}/u.test(next.w) && !CONTINUE_OK.test(next.w) && /^\s*$/.test(capped.slice(last.at + last.w.length, next.at));
        if (phrase.length >= MIN_LATIN) hit(index, phrase, at, last.at + last.w.length, runsOn, visit);
      }
    }
    offset += line.length + 1;
  }
}

function hit(index: PackIndex, written: string, at: number, end: number, partial: boolean, visit: Visit): void {
  const key = normalizeName(written);
  if (!key || key.length < (hasCjk(key) ? MIN_CJK : MIN_LATIN)) return;
  for (const en of index.byName.all(key)) visit(index.nameAccount[en], written, at, end, partial);
}

/** Every account the heading or the text names, most named first; overlapping finds of one account count once. */
export function accountsInText(index: PackIndex, heading: string | null | undefined, text: string): TextHit[] {
  const hits = new Map<number, TextHit & { spans: [number, number][] }>();
  const note =
    (inHeading: boolean): Visit =>
    (account, written, at, end, partial) => {
      let h = hits.get(account);
      if (!h) hits.set(account, (h = { account, text: written, inHeading: false, partial: true, count: 0, spans: [] }));
      if (written.length > h.text.length) h.text = written;
      if (inHeading) {
        h.inHeading = true;
        if (!partial) h.partial = false;
        return;
      }
      if (h.spans.some(([a, b]) => at < b && end > a)) return;
      h.spans.push([at, end]);
      h.count++;
    };
  if (heading) lookups(index, heading, note(true));
  lookups(index, text, note(false));
  return [...hits.values()]
    .map(({ spans: _spans, ...h }) => h)
    .sort((a, b) => Number(b.inHeading) - Number(a.inHeading) || b.count - a.count);
}

/** The account the heading singles out by its whole name, or null. */
export function pickFromText(hits: readonly TextHit[]): TextHit | null {
  const inHeading = hits.filter((h) => h.inHeading);
  return inHeading.length === 1 && !inHeading[0].partial ? inHeading[0] : null;
}
