/**
 * Reading a competitor's Markdown into battlecard sections, per locale: prose
 * (summary, pricing), lists (why we win, …) and objections (`### <id>` with
 * **Objection:** / **Response:** / **Proof:** parts).
 */
import { bodyText, labelled, listItems, sections, type MdSection } from '../markdown';
import { BATTLECARD_SECTIONS, OBJECTION_PARTS, battlecardSection, objectionPart, type SectionKind } from '../layout';
import type { YamlFile } from '../yaml';
import type { BuildContext, Obj } from './context';
import type { LocaleDoc, Localised } from './docs';

export type Item = { text: string; line: number };
export type Objection = { line: number; parts: Record<string, Item> };

export interface ParsedSection {
  kind: SectionKind;
  markdown: Localised<string>[];
  list: Localised<Item[]>[];
  objections: Localised<Map<string, Objection>>[];
}

const SECTION_NAMES = BATTLECARD_SECTIONS.map((s) => s.title).join(', ');
const PART_NAMES = OBJECTION_PARTS.map((p) => `**${p.label}:**`).join(', ').replace(/, ([^,]*)$/, ' or $1');

/** Battlecard field → what each locale's doc says, in doc order; sections set in YAML are refused. */
export function readBattlecardSections(ctx: BuildContext, docs: LocaleDoc[], yamlCard: Obj, yamlFile: YamlFile): Map<string, ParsedSection> {
  const fields = new Map<string, ParsedSection>();
  for (const d of docs) {
    const seen = new Map<string, number>();
    for (const s of sections(d.lines, 2).sections) {
      const spec = battlecardSection(s.title);
      if (!spec || seen.has(spec.field)) {
        const message = spec ? `"## ${s.title}" appears twice (first at line ${seen.get(spec.field)})` : `"## ${s.title}" is not a battlecard section (expected one of: ${SECTION_NAMES})`;
        ctx.fail({ path: '(file)', file: d.file, line: s.line, message });
        continue;
      }
      seen.set(spec.field, s.line);
      if (spec.field in yamlCard) {
        ctx.fail({ path: '(file)', file: d.file, line: s.line, message: `battlecard.${spec.field} is set both here and in ${yamlFile.file}:${yamlFile.lineOf(['battlecard', spec.field])}` });
        continue;
      }
      let f = fields.get(spec.field);
      if (!f) fields.set(spec.field, (f = { kind: spec.kind, markdown: [], list: [], objections: [] }));
      readSection(ctx, d, s, f);
    }
  }
  return fields;
}

function readSection(ctx: BuildContext, d: LocaleDoc, s: MdSection, f: ParsedSection): void {
  if (f.kind === 'markdown') {
    const body = bodyText(s.body);
    if (!body.text) ctx.fail({ path: '(file)', file: d.file, line: s.line, message: `"## ${s.title}" is empty` });
    else f.markdown.push({ doc: d, value: body.text, line: body.line ?? s.line });
  } else if (f.kind === 'list') {
    const { items, stray } = listItems(s.body);
    for (const l of stray) ctx.fail({ path: '(file)', file: d.file, line: l.line, message: `"## ${s.title}" is a list: start each entry with "- "` });
    f.list.push({ doc: d, value: items, line: s.line });
  } else {
    f.objections.push({ doc: d, value: readObjections(ctx, d, s), line: s.line });
  }
}

function readObjections(ctx: BuildContext, d: LocaleDoc, s: MdSection): Map<string, Objection> {
  const map = new Map<string, Objection>();
  const sub = sections(s.body, 3);
  for (const l of sub.before) if (l.text.trim()) ctx.fail({ path: '(file)', file: d.file, line: l.line, message: 'objections start with "### <objection id>"' });
  for (const o of sub.sections) {
    if (map.has(o.title)) {
      ctx.fail({ path: '(file)', file: d.file, line: o.line, message: `objection "${o.title}" appears twice (first at line ${map.get(o.title)!.line})` });
      continue;
    }
    map.set(o.title, { line: o.line, parts: readObjectionParts(ctx, d, o) });
  }
  return map;
}

function readObjectionParts(ctx: BuildContext, d: LocaleDoc, o: MdSection): Record<string, Item> {
  const fail = (line: number, message: string) => ctx.fail({ path: '(file)', file: d.file, line, message });
  const { parts, stray, unknown } = labelled(o.body, objectionPart);
  for (const u of unknown) fail(u.line, `"**${u.label}:**" is not an objection part (expected ${PART_NAMES})`);
  for (const l of stray) fail(l.line, 'text before "**Objection:**" is not part of the pack');
  const byKey: Record<string, Item> = {};
  for (const p of parts) {
    if (byKey[p.key]) fail(p.line, `**${p.label}:** appears twice in objection "${o.title}"`);
    else if (!p.text) fail(p.line, `**${p.label}:** is empty`);
    else byKey[p.key] = { text: p.text, line: p.line };
  }
  for (const need of OBJECTION_PARTS) {
    if (need.required && !byKey[need.key] && !parts.some((p) => p.key === need.key)) fail(o.line, `objection "${o.title}" has no **${need.label}:**`);
  }
  return byKey;
}
