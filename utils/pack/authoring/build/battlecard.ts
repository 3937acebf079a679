/**
 * A competitor's battlecard from its Markdown: each locale's sections joined into one
 * card. List entries pair up by position and objections by id, so every locale must
 * agree on how many entries and which ids there are.
 */
import { formatPath } from '../../jsonPath';
import type { Seg } from '../errors';
import { BATTLECARD_SECTIONS, OBJECTION_PARTS, PLAIN_OBJECTION_PARTS } from '../layout';
import type { YamlFile } from '../yaml';
import type { BuildContext, Obj } from './context';
import { recordTextOrigins, textOf, warnMissingSection, type LocaleDoc } from './docs';
import { readBattlecardSections, type Item, type Objection, type ParsedSection } from './battlecardSections';
import type { Localised } from './docs';

const TITLES = new Map(BATTLECARD_SECTIONS.map((s) => [s.field, s.title]));

/** Battlecard fields from a competitor's Markdown files (those YAML does not set). */
export function battlecardFromDocs(ctx: BuildContext, docs: LocaleDoc[], path: Seg[], yamlCard: Obj, yamlFile: YamlFile): Obj {
  const card: Obj = {};
  for (const [field, f] of readBattlecardSections(ctx, docs, yamlCard, yamlFile)) {
    const at = [...path, 'battlecard', field];
    const value = assembleField(ctx, docs, at, f);
    if (value !== undefined) card[field] = value;
  }
  return card;
}

/** undefined: nothing to set (no text, or locales that disagree, already reported). */
function assembleField(ctx: BuildContext, docs: LocaleDoc[], at: Seg[], f: ParsedSection): unknown {
  const heading = TITLES.get(String(at[at.length - 1]))!;
  if (f.kind === 'markdown') {
    if (!f.markdown.length) return undefined;
    recordTextOrigins(ctx, at, f.markdown);
    warnMissingSection(ctx, docs, f.markdown, heading);
    return textOf(f.markdown);
  }
  if (f.kind === 'list') {
    const list = assembleList(ctx, at, f.list);
    if (list) warnMissingSection(ctx, docs, f.list, heading);
    return list;
  }
  return assembleObjections(ctx, at, f.objections);
}

function assembleList(ctx: BuildContext, at: Seg[], lists: Localised<Item[]>[]): unknown[] | undefined {
  const ref = lists[0];
  ctx.origins.set(at, { file: ref.doc.file, line: ref.line });
  let consistent = true;
  for (const other of lists.slice(1)) {
    if (other.value.length === ref.value.length) continue;
    consistent = false;
    ctx.fail({ path: formatPath(at), file: other.doc.file, line: other.line, message: `${other.value.length} entries here but ${ref.value.length} in ${ref.doc.file}:${ref.line} (entries are paired by position)` }, at);
  }
  if (!consistent) return undefined;
  return ref.value.map((_, i) => {
    const values = lists.map((l) => ({ doc: l.doc, value: l.value[i].text, line: l.value[i].line }));
    recordTextOrigins(ctx, [...at, i], values);
    return textOf(values);
  });
}

function assembleObjections(ctx: BuildContext, at: Seg[], lists: Localised<Map<string, Objection>>[]): unknown[] | undefined {
  const ref = lists[0];
  ctx.origins.set(at, { file: ref.doc.file, line: ref.line });
  const ids = [...ref.value.keys()];
  let consistent = true;
  for (const other of lists.slice(1)) {
    for (const id of ids.filter((id) => !other.value.has(id))) {
      consistent = false;
      ctx.fail({ path: formatPath(at), file: other.doc.file, line: other.line, message: `objection "${id}" (${ref.doc.file}:${ref.value.get(id)!.line}) is missing here` }, at);
    }
    for (const id of [...other.value.keys()].filter((id) => !ref.value.has(id))) {
      consistent = false;
      ctx.fail({ path: formatPath(at), file: other.doc.file, line: other.value.get(id)!.line, message: `objection "${id}" is not in ${ref.doc.file}: every locale lists the same objection ids` }, at);
    }
  }
  if (!consistent) return undefined;
  return ids.map((id, j) => {
    ctx.origins.set([...at, j], { file: ref.doc.file, line: ref.value.get(id)!.line });
    const o: Obj = { id };
    for (const { key } of OBJECTION_PARTS) {
      const values = lists.flatMap((l) => {
        const p = l.value.get(id)!.parts[key];
        return p ? [{ doc: l.doc, value: p.text, line: p.line }] : [];
      });
      if (!values.length) continue;
      if (PLAIN_OBJECTION_PARTS.has(key)) {
        // One word for all locales: files that disagree are an error, not a translation.
        const words = new Set(values.map((x) => x.value.trim()));
        if (words.size > 1) ctx.fail({ path: formatPath([...at, j, key]), file: values[1].doc.file, line: values[1].line, message: `**Audience:** differs between locales (${[...words].join(' / ')}): write it the same in every file` }, [...at, j, key]);
        o[key] = values[0].value.trim();
        continue;
      }
      o[key] = textOf(values);
      recordTextOrigins(ctx, [...at, j, key], values);
    }
    return o;
  });
}
