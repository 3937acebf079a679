/**
 * Claim sources in the authoring folder: a competitor's YAML may say where its claims
 * come from, by section and by the entry's position in the Markdown list (from 1), so
 * the prose stays prose in every locale:
 *
 *   sources:
 *     proofPoints:
 *       1: { source: https://lumora.io/customers/harbor-pine, asOf: 2026-09-30 }
 *     pricing: { source: Globex list prices 2026, asOf: 2026-03-31 }
 *
 * The build turns those entries into `{ text, source, asOf }` claims; unbuild writes
 * them back here (claimSourcesOf).
 */
import { formatPath } from '../../jsonPath';
import { CLAIM_LISTS } from '../../claims';
import type { Seg } from '../errors';
import type { YamlFile } from '../yaml';
import { isObj, type BuildContext, type Obj } from './context';

export const SOURCES_KEY = 'sources';

const META_KEYS = ['source', 'asOf'];

function metaOf(ctx: BuildContext, yaml: YamlFile, at: Seg[], value: unknown): Obj | null {
  if (!isObj(value) || Object.keys(value).some((k) => !META_KEYS.includes(k)) || !Object.keys(value).length) {
    ctx.fail({ path: '(file)', file: yaml.file, line: yaml.lineOf(at), message: `${at.join('.')}: expected { source, asOf } (either or both)` });
    return null;
  }
  // YAML reads 2026-09-30 as a date; the pack wants the text.
  const out: Obj = { ...value };
  if (out.asOf instanceof Date) out.asOf = out.asOf.toISOString().slice(0, 10);
  return out;
}

/** Moves the competitor's `sources` onto its battlecard's claims; reports entries that name no claim. */
export function applyClaimSources(ctx: BuildContext, obj: Obj, path: Seg[], yaml: YamlFile): void {
  const sources = obj[SOURCES_KEY];
  delete obj[SOURCES_KEY];
  if (sources === undefined) return;
  const card = isObj(obj.battlecard) ? obj.battlecard : null;
  if (!isObj(sources) || !card) {
    ctx.fail({ path: formatPath(path), file: yaml.file, line: yaml.lineOf([SOURCES_KEY]), message: 'sources: expected a map of battlecard sections (whyWeWin, landmines, proofPoints, pricing)' });
    return;
  }
  for (const [field, entries] of Object.entries(sources)) {
    const at: Seg[] = [SOURCES_KEY, field];
    if (field === 'pricing') {
      const meta = metaOf(ctx, yaml, at, entries);
      if (meta && card.pricing !== undefined) card.pricing = { text: card.pricing, ...meta };
      else if (meta) ctx.fail({ path: '(file)', file: yaml.file, line: yaml.lineOf(at), message: 'sources.pricing: the battlecard has no Pricing section' });
      continue;
    }
    const list = card[field];
    if (!(CLAIM_LISTS as readonly string[]).includes(field) || !Array.isArray(list) || !isObj(entries)) {
      ctx.fail({ path: '(file)', file: yaml.file, line: yaml.lineOf(at), message: `sources.${field}: expected one of ${[...CLAIM_LISTS, 'pricing'].join(', ')}, with entries by position (1, 2, …)` });
      continue;
    }
    for (const [pos, value] of Object.entries(entries)) {
      const i = Number(pos) - 1;
      const meta = metaOf(ctx, yaml, [...at, pos], value);
      if (!meta) continue;
      if (!Number.isInteger(i) || i < 0 || i >= list.length) {
        ctx.fail({ path: '(file)', file: yaml.file, line: yaml.lineOf([...at, pos]), message: `sources.${field}.${pos}: the section has ${list.length} entries (count from 1)` });
        continue;
      }
      list[i] = { text: list[i], ...meta };
    }
  }
}

/** Unbuild: the battlecard with plain claims, and the `sources` map that puts them back. */
export function claimSourcesOf(card: Obj): { card: Obj; sources: Obj | null } {
  const out: Obj = { ...card };
  const sources: Obj = {};
  const split = (c: unknown): { text: unknown; meta: Obj | null } => {
    if (!isObj(c) || !('text' in c)) return { text: c, meta: null };
    const { text, ...meta } = c;
    return { text, meta: Object.keys(meta).length ? meta : null };
  };
  for (const field of CLAIM_LISTS) {
    if (!Array.isArray(card[field])) continue;
    const entries: Obj = {};
    out[field] = (card[field] as unknown[]).map((c, i) => {
      const { text, meta } = split(c);
      if (meta) entries[String(i + 1)] = meta;
      return text;
    });
    if (Object.keys(entries).length) sources[field] = entries;
  }
  if (card.pricing !== undefined) {
    const { text, meta } = split(card.pricing);
    out.pricing = text;
    if (meta) sources.pricing = meta;
  }
  return { card: out, sources: Object.keys(sources).length ? sources : null };
}
