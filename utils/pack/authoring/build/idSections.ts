/**
 * `## <id>` sections, each one Markdown text, for the items of a YAML list keyed by id:
 * a playbook's stages (→ guidance), the health model's bands (→ play).
 */
import { formatPath } from '../../jsonPath';
import type { Seg } from '../errors';
import { bodyText, sections } from '../markdown';
import type { YamlFile } from '../yaml';
import { isObj, type BuildContext } from './context';
import { recordTextOrigins, textOf, warnMissingSection, type LocaleDoc, type Localised } from './docs';

/** id → Text, from every doc's sections; origins recorded under `basePath(id)`. */
function idSections(ctx: BuildContext, docs: LocaleDoc[], ids: string[], what: string, basePath: (id: string) => Seg[]): Map<string, unknown> {
  const per = new Map<string, Localised<string>[]>();
  for (const d of docs) {
    const seen = new Map<string, number>();
    for (const s of sections(d.lines, 2).sections) {
      const error = !ids.includes(s.title)
        ? `"## ${s.title}": no ${what} with that id (expected one of: ${ids.join(', ')})`
        : seen.has(s.title)
          ? `"## ${s.title}" appears twice (first at line ${seen.get(s.title)})`
          : null;
      if (error) {
        ctx.fail({ path: '(file)', file: d.file, line: s.line, message: error });
        continue;
      }
      seen.set(s.title, s.line);
      const body = bodyText(s.body);
      if (!body.text) {
        ctx.fail({ path: '(file)', file: d.file, line: s.line, message: `"## ${s.title}" is empty` });
        continue;
      }
      const list = per.get(s.title) ?? [];
      list.push({ doc: d, value: body.text, line: body.line ?? s.line });
      per.set(s.title, list);
    }
  }
  const out = new Map<string, unknown>();
  for (const [id, values] of per) {
    out.set(id, textOf(values));
    recordTextOrigins(ctx, basePath(id), values);
    warnMissingSection(ctx, docs, values, id);
  }
  return out;
}

export interface SectionTarget {
  /** The YAML list's JSON path in the pack: ['playbooks', 0, 'stages']. */
  at: Seg[];
  /** The list's key inside its YAML file. */
  key: string;
  /** What an item is, for messages: "stage". */
  what: string;
  /** The item field the section's text fills: "guidance". */
  field: string;
  yaml: YamlFile;
}

/** A copy of the list with each item's field filled from its `## <id>` section. */
export function fillFromSections(ctx: BuildContext, docs: LocaleDoc[], list: unknown, t: SectionTarget): unknown[] {
  const items = Array.isArray(list) ? list.map((x) => (isObj(x) ? { ...x } : x)) : [];
  const ids = items.flatMap((x) => (isObj(x) && typeof x.id === 'string' ? [x.id] : []));
  const texts = idSections(ctx, docs, ids, t.what, (id) => [...t.at, ids.indexOf(id), t.field]);
  items.forEach((x, i) => {
    if (!isObj(x) || typeof x.id !== 'string' || !texts.has(x.id)) return;
    if (x[t.field] === undefined) {
      x[t.field] = texts.get(x.id);
      return;
    }
    ctx.fail({
      path: formatPath([...t.at, i, t.field]),
      file: t.yaml.file,
      line: t.yaml.lineOf([t.key, i, t.field]),
      message: `${t.field} is set both here and in a "## ${x.id}" section of ${docs.map((d) => d.file).join(', ')}`,
    });
  });
  return items;
}
