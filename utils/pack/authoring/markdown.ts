/**
 * The little Markdown structure the builder needs: `##` sections whose heading names a
 * field (or an id), list items, and `**Label:**` paragraphs — each with its line, so a
 * problem can say `competitors/globex.zh-CN.md:41`. Section bodies are kept verbatim:
 * they are pack Markdown, rendered later by the extension from an allow-list.
 */
export interface MdLine {
  text: string;
  /** 1-based. */
  line: number;
  /** Heading level (1–6), 0 for other lines; never set inside a code block. */
  heading: number;
}

export interface MdSection {
  title: string;
  line: number;
  body: MdLine[];
}

const HEADING = /^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(```+|~~~+)/;
const COMMENT = /^\s*<!--.*-->\s*$/;

/** Splits into lines, marks headings outside code blocks, drops one-line `<!-- comments -->`. */
export function mdLines(text: string): MdLine[] {
  const out: MdLine[] = [];
  let fence: string | null = null;
  const raw = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  raw.forEach((t, i) => {
    const f = FENCE.exec(t);
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length && t.trim() === f[1]) fence = null;
      out.push({ text: t, line: i + 1, heading: 0 });
      return;
    }
    if (f) {
      fence = f[1];
      out.push({ text: t, line: i + 1, heading: 0 });
      return;
    }
    if (COMMENT.test(t)) return;
    const h = HEADING.exec(t);
    out.push({ text: t, line: i + 1, heading: h ? h[1].length : 0 });
  });
  return out;
}

/**
 * Cuts lines into sections at headings of `level`; a heading of a higher rank (fewer
 * #) ends the run. Lines before the first heading are returned as `before`.
 */
export function sections(lines: MdLine[], level: number): { before: MdLine[]; sections: MdSection[]; higher: MdLine[] } {
  const before: MdLine[] = [];
  const out: MdSection[] = [];
  const higher: MdLine[] = [];
  let cur: MdSection | null = null;
  for (const l of lines) {
    if (l.heading && l.heading < level) {
      higher.push(l);
      cur = null;
      continue;
    }
    if (l.heading === level) {
      cur = { title: HEADING.exec(l.text)![2].trim(), line: l.line, body: [] };
      out.push(cur);
      continue;
    }
    if (cur) cur.body.push(l);
    else before.push(l);
  }
  return { before, sections: out, higher };
}

const blank = (l: MdLine) => l.text.trim() === '';

/** The body as pack Markdown: verbatim, without blank lines around it. */
export function bodyText(lines: MdLine[]): { text: string; line: number | undefined } {
  let a = 0;
  let b = lines.length;
  while (a < b && blank(lines[a])) a++;
  while (b > a && blank(lines[b - 1])) b--;
  return { text: lines.slice(a, b).map((l) => l.text.replace(/\s+$/, '')).join('\n'), line: lines[a]?.line };
}

const ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+(.*)$/;

/** A bulleted or numbered list, one entry per top-level item; lines inside an item join with a space. */
export function listItems(lines: MdLine[]): { items: { text: string; line: number }[]; stray: MdLine[] } {
  const items: { text: string; line: number }[] = [];
  const stray: MdLine[] = [];
  let cur: { text: string; line: number } | null = null;
  for (const l of lines) {
    if (blank(l)) continue;
    const m = ITEM.exec(l.text);
    if (m && !/^\s{4,}/.test(l.text)) {
      cur = { text: m[1].trim(), line: l.line };
      items.push(cur);
    } else if (cur && !l.heading) {
      cur.text += ` ${l.text.trim()}`;
    } else stray.push(l);
  }
  return { items, stray };
}

/**
 * `**Label:** text` paragraphs. Text runs until the next label; returns each label
 * found (normalised by `keyOf`) with its text and line.
 */
export function labelled(lines: MdLine[], keyOf: (label: string) => string | null): {
  parts: { key: string; label: string; text: string; line: number }[];
  stray: MdLine[];
  unknown: { label: string; line: number }[];
} {
  const LABEL = /^\*\*([^*]+?)\s*[:：]?\s*\*\*\s*[:：]?\s*(.*)$/;
  const parts: { key: string; label: string; lines: MdLine[]; line: number }[] = [];
  const stray: MdLine[] = [];
  const unknown: { label: string; line: number }[] = [];
  let cur: (typeof parts)[number] | null = null;
  for (const l of lines) {
    const m = LABEL.exec(l.text);
    const key = m ? keyOf(m[1]) : null;
    if (m && key) {
      cur = { key, label: m[1], lines: m[2] ? [{ ...l, text: m[2] }] : [], line: l.line };
      parts.push(cur);
    } else if (m && !cur && /[:：]\s*\*\*|\*\*\s*[:：]/.test(l.text)) {
      unknown.push({ label: m[1], line: l.line });
    } else if (cur) cur.lines.push(l);
    else if (!blank(l)) stray.push(l);
  }
  return {
    parts: parts.map((p) => ({ key: p.key, label: p.label, line: p.line, text: bodyText(p.lines).text })),
    stray,
    unknown,
  };
}

/** "Why we win", "whyWeWin", "why-we-win" → "whywewin". */
export const normKey = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
