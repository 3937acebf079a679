/**
 * "Did you mean" lookup for account names: Dice similarity over character bigrams of
 * normalised names (spaces removed, so it works for CJK too), with an inverted index
 * from bigram to names so a query touches only names that share a bigram with it.
 * Scratch counters are allocated once, at build time: a query allocates nothing
 * proportional to the number of names.
 */

function bigrams(s: string): string[] {
  const t = s.replace(/ /g, '');
  if (t.length < 2) return t ? [t] : [];
  const out = new Set<string>();
  for (let i = 0; i < t.length - 1; i++) out.add(t.slice(i, i + 2));
  return [...out];
}

/** Dice coefficient over distinct bigrams, 0–1. */
export function diceSimilarity(a: string, b: string): number {
  const ga = bigrams(a);
  const gb = new Set(bigrams(b));
  if (!ga.length || !gb.size) return 0;
  let shared = 0;
  for (const g of ga) if (gb.has(g)) shared++;
  return (2 * shared) / (ga.length + gb.size);
}

export interface FuzzyHit {
  /** The entry id given at build time. */
  entry: number;
  score: number;
}

export class FuzzyIndex {
  private readonly postings = new Map<string, Int32Array>();
  private readonly gramCount: Uint16Array;
  private readonly counts: Int32Array;
  private readonly touched: Int32Array;

  /** `names[i]` must already be normalised. */
  constructor(names: readonly string[]) {
    const lists = new Map<string, number[]>();
    this.gramCount = new Uint16Array(names.length);
    names.forEach((name, i) => {
      const gs = bigrams(name);
      this.gramCount[i] = Math.min(gs.length, 65535);
      for (const g of gs) {
        const l = lists.get(g);
        if (l) l.push(i);
        else lists.set(g, [i]);
      }
    });
    for (const [g, l] of lists) this.postings.set(g, Int32Array.from(l));
    this.counts = new Int32Array(names.length);
    this.touched = new Int32Array(names.length);
  }

  /** Entries with Dice similarity ≥ `threshold`, best first, at most `limit`. */
  search(normalizedQuery: string, threshold = 0.6, limit = 5): FuzzyHit[] {
    const qs = bigrams(normalizedQuery);
    if (!qs.length) return [];
    const { counts, touched, gramCount } = this;
    let nTouched = 0;
    for (const g of qs) {
      const list = this.postings.get(g);
      if (!list) continue;
      for (let k = 0; k < list.length; k++) {
        const e = list[k];
        if (counts[e]++ === 0) touched[nTouched++] = e;
      }
    }
    const hits: FuzzyHit[] = [];
    const qn = qs.length;
    for (let k = 0; k < nTouched; k++) {
      const e = touched[k];
      const score = (2 * counts[e]) / (qn + gramCount[e]);
      counts[e] = 0;
      if (score >= threshold) hits.push({ entry: e, score });
    }
    hits.sort((a, b) => b.score - a.score || a.entry - b.entry);
    return hits.length > limit ? hits.slice(0, limit) : hits;
  }

  get bytes(): number {
    let b = this.gramCount.byteLength + this.counts.byteLength + this.touched.byteLength;
    for (const [g, l] of this.postings) b += l.byteLength + 64 + g.length * 2;
    return b;
  }
}
