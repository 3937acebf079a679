/**
 * The Ctrl+K palette's search over accounts, competitors, objections and scenarios.
 * MiniSearch for ranking, prefix and typo tolerance; our own tokenizer because
 * MiniSearch's default drops Chinese: Latin words stay words, CJK runs become
 * single characters plus bigrams, so "云杉" finds "上海云杉科技有限公司".
 */
import MiniSearch from 'minisearch';
import type { KnowledgePack, Text } from '../pack/schema';
import { localize } from '../pack/text';

export type HitKind = 'account' | 'competitor' | 'objection' | 'scenario';

export interface PaletteHit {
  kind: HitKind;
  id: string;
  /** For objections: the competitor whose card holds it. */
  competitorId?: string;
  title: string;
  detail: string;
}

interface Doc {
  key: string;
  kind: HitKind;
  id: string;
  competitorId?: string;
  title: string;
  body: string;
  detail: string;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]/;
const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]+/g;

export function tokenize(text: string): string[] {
  const out: string[] = [];
  const s = text.normalize('NFKC').toLowerCase();
  for (const word of s.replace(CJK_RUN, ' ').split(/[^\p{L}\p{N}]+/u)) if (word) out.push(word);
  for (const run of s.match(CJK_RUN) ?? []) {
    for (let i = 0; i < run.length; i++) {
      out.push(run[i]);
      if (i + 1 < run.length) out.push(run.slice(i, i + 2));
    }
  }
  return out;
}

function allLocales(text: Text | undefined): string {
  if (text === undefined) return '';
  return typeof text === 'string' ? text : Object.values(text).join(' ');
}

export interface PaletteIndex {
  search(query: string, lang: string, limit?: number): PaletteHit[];
}

/** A document and the pack texts localized when it is shown (title, detail). */
type IndexedDoc = Doc & { texts: { title?: Text; detail?: Text } };

export function buildPaletteIndex(pack: KnowledgePack): PaletteIndex {
  const loc = pack.meta.defaultLocale;
  const docs = paletteDocs(pack);
  const mini = miniIndex(docs);
  const byKey = new Map(docs.map((d) => [d.key, d]));

  return {
    search(query, lang, limit = 12) {
      const q = query.trim();
      if (!q) return [];
      let results = mini.search(q);
      // A CJK query of several characters: AND over bigrams can be too strict when words are mixed; fall back to OR.
      if (!results.length) results = mini.search(q, { combineWith: 'OR' });
      return results.slice(0, limit).map((r) => {
        const d = byKey.get(r.id as string)!;
        const title = d.texts.title ? localize(d.texts.title, lang, loc) : d.title;
        const detail = d.texts.detail ? localize(d.texts.detail, lang, loc).slice(0, 120) : d.detail;
        return { kind: d.kind, id: d.id, competitorId: d.competitorId, title, detail };
      });
    },
  };
}

/** One document per account, competitor, objection and scenario. */
function paletteDocs(pack: KnowledgePack): IndexedDoc[] {
  const docs: IndexedDoc[] = [];
  for (const a of pack.accounts) {
    docs.push({
      key: `account:${a.id}`,
      kind: 'account',
      id: a.id,
      title: a.name,
      body: [a.aliases.join(' '), a.domains.join(' '), a.industry, a.region, a.segment, a.owner].filter(Boolean).join(' '),
      detail: [a.segment, a.region, a.domains[0]].filter(Boolean).join(' · '),
      texts: {},
    });
  }
  for (const c of pack.competitors) {
    docs.push({
      key: `competitor:${c.id}`,
      kind: 'competitor',
      id: c.id,
      title: c.name,
      body: [c.aliases.map((x) => (typeof x === 'string' ? x : x.text)).join(' '), c.keywords.join(' '), allLocales(c.battlecard.summary)].join(' '),
      detail: '',
      texts: { detail: c.battlecard.summary },
    });
    for (const o of c.battlecard.objections) {
      docs.push({
        key: `objection:${c.id}:${o.id}`,
        kind: 'objection',
        id: o.id,
        competitorId: c.id,
        title: '',
        body: [allLocales(o.objection), allLocales(o.response)].join(' '),
        detail: c.name,
        texts: { title: o.objection },
      });
    }
  }
  for (const s of pack.scenarios) {
    docs.push({
      key: `scenario:${s.id}`,
      kind: 'scenario',
      id: s.id,
      title: s.industry,
      body: [allLocales(s.useCase), allLocales(s.scenario), allLocales(s.advantage), allLocales(s.value)].join(' '),
      detail: '',
      texts: { detail: s.useCase },
    });
  }
  return docs;
}

function miniIndex(docs: IndexedDoc[]): MiniSearch<Doc> {
  const mini = new MiniSearch<Doc>({
    idField: 'key',
    fields: ['title', 'titleAll', 'body'],
    storeFields: [],
    tokenize,
    processTerm: (t) => t,
    searchOptions: {
      boost: { title: 3, titleAll: 3 },
      // Typos only for Latin words of some length; a Chinese character has no "near miss".
      fuzzy: (term) => (CJK.test(term) || term.length < 4 ? false : 0.2),
      prefix: (term) => !CJK.test(term),
      combineWith: 'AND',
    },
    extractField: (doc, field) => {
      if (field === 'titleAll') return allLocales((doc as IndexedDoc).texts.title);
      return (doc as unknown as Record<string, string>)[field];
    },
  });
  mini.addAll(docs);
  return mini;
}
