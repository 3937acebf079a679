/**
 * Write-back into a battlecard's Markdown: replace one `## section`'s body, or one
 * objection's parts, and leave every other line exactly as it was (comments, blank
 * lines, other sections, their order). Line endings follow the file's own.
 */
import { mdLines, normKey, sections } from '../markdown';
import { BATTLECARD_SECTIONS, OBJECTION_PARTS, objectionPart } from '../layout';

const eol = (text: string) => (/\r\n/.test(text) ? '\r\n' : '\n');

/** Lines of `text` as the file has them (mdLines drops one-line comments; we must not). */
const rawLines = (text: string) => text.split(/\r\n|\r|\n/);

/** The body for a section: prose as given, a list as "- item" lines. */
export function sectionBody(field: string, value: string | string[]): string[] {
  const spec = BATTLECARD_SECTIONS.find((s) => s.field === field);
  if (!spec || spec.kind === 'objections') throw new Error(`"${field}" is not a prose or list section`);
  if (Array.isArray(value)) return value.map((v) => v.trim()).filter(Boolean).map((v) => `- ${v.replace(/\s*\n\s*/g, ' ')}`);
  return value.trim().split(/\r\n|\r|\n/);
}

/** Line index range [from, to) of the `##` section titled like `field`, body only. */
function findSection(text: string, title: string, level: number, within?: [number, number]): { head: number; from: number; to: number } | null {
  const lines = mdLines(text);
  const slice = within ? lines.filter((l) => l.line - 1 >= within[0] && l.line - 1 < within[1]) : lines;
  const { sections: found } = sections(slice, level);
  const s = found.find((x) => normKey(x.title) === normKey(title) || x.title === title);
  if (!s) return null;
  const head = s.line - 1;
  // The section ends where the next heading of its level or higher starts.
  const next = slice.find((l) => l.line - 1 > head && l.heading && l.heading <= level);
  const end = next ? next.line - 1 : within ? within[1] : rawLines(text).length;
  return { head, from: head + 1, to: end };
}

/** Replaces the lines [from, to) with `body`, one blank line before and after. */
function splice(text: string, from: number, to: number, body: string[], trailingBlank: boolean): string {
  const nl = eol(text);
  const lines = rawLines(text);
  const keepEnd = to >= lines.length && lines[lines.length - 1] === '';
  const tail = lines.slice(to);
  const replacement = ['', ...body, ...(trailingBlank && tail.length && !(keepEnd && tail.length === 1) ? [''] : [])];
  return [...lines.slice(0, from), ...replacement, ...tail].join(nl);
}

/** Sets a prose or list section of a battlecard file; adds the section at the end if it has none. */
export function setSection(text: string, field: string, value: string | string[]): string {
  const spec = BATTLECARD_SECTIONS.find((s) => s.field === field)!;
  const body = sectionBody(field, value);
  const at = findSection(text, spec.title, 2);
  if (at) return splice(text, at.from, at.to, body, true);
  const nl = eol(text);
  const base = text.replace(/(\r\n|\r|\n)*$/, '');
  return `${base}${nl}${nl}## ${spec.title}${nl}${nl}${body.join(nl)}${nl}`;
}

export interface ObjectionParts {
  objection: string;
  response: string;
  proof?: string;
}

/**
 * Sets one objection's parts in `## Objections`. Existing labels (English or Chinese)
 * are kept; a part the block lacks is added after the others; a new objection goes at
 * the end of the section (which is created if missing).
 */
export function setObjection(text: string, id: string, parts: ObjectionParts): string {
  const nl = eol(text);
  const sec = findSection(text, 'Objections', 2);
  if (!sec) return `${text.replace(/(\r\n|\r|\n)*$/, '')}${nl}${nl}## Objections${nl}${nl}${newObjection(id, parts).join(nl)}${nl}`;
  const block = findSection(text, id, 3, [sec.head, sec.to]);
  if (!block) {
    const lines = rawLines(text);
    let end = sec.to;
    while (end > sec.from && lines[end - 1].trim() === '') end--;
    return splice(text, end, end, newObjection(id, parts), true);
  }
  return splice(text, block.from, block.to, objectionBody(rawLines(text).slice(block.from, block.to), parts), true);
}

function newObjection(id: string, parts: ObjectionParts): string[] {
  return [`### ${id}`, '', ...objectionBody([], parts)];
}

const LABEL = /^\*\*([^*]+?)\s*[:：]?\s*\*\*\s*[:：]?\s*(.*)$/;

/** The block's parts rewritten in their order with their labels; missing parts appended. */
function objectionBody(old: string[], parts: ObjectionParts): string[] {
  const labels = new Map<string, string>();
  const order: string[] = [];
  for (const l of old) {
    const m = LABEL.exec(l);
    const key = m ? objectionPart(m[1]) : null;
    if (m && key && !labels.has(key)) {
      labels.set(key, l.slice(0, l.length - m[2].length).trimEnd());
      order.push(key);
    }
  }
  for (const p of OBJECTION_PARTS) if (!order.includes(p.key)) order.push(p.key);
  const out: string[] = [];
  for (const key of order) {
    const value = parts[key as keyof ObjectionParts]?.trim();
    if (!value) continue;
    const label = labels.get(key) ?? `**${OBJECTION_PARTS.find((p) => p.key === key)!.label}:**`;
    if (out.length) out.push('');
    out.push(`${label} ${value.replace(/\s*\n\s*/g, ' ')}`);
  }
  return out;
}
