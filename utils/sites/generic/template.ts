/**
 * The pattern language of pack site rules, for URLs and for parts of a text:
 * literal characters, `*` for any run of characters, and `{name}` to capture one.
 *
 *   "#/deals/{id}/show"   on "#/deals/7/show"                   → { id: "7" }
 *   "* at {value}"        on "CFO at McCullough, Doyle and Collins" → { value: "McCullough, Doyle and Collins" }
 *
 * Pack content is untrusted and JavaScript's RegExp backtracks, so rules get no regular
 * expressions: a template is matched left to right, each literal at its first
 * occurrence after the previous one (the last one at its last occurrence when the
 * template is anchored at the end), which is linear in the text for a template of
 * bounded size. Lengths are capped on both sides.
 */

export const TEMPLATE_MAX = 200;
/** Text a template is tried on: an attribute, a field's text, a URL. Longer input is cut. */
export const INPUT_MAX = 2_000;

type Part = { kind: 'lit'; text: string } | { kind: 'cap'; name: string } | { kind: 'any' };

export interface Template {
  source: string;
  parts: readonly Part[];
}

/** The template, or why it is not one (for the validation message). */
export function parseTemplate(source: string): Template | { error: string } {
  if (!source) return { error: 'expected a pattern' };
  if (source.length > TEMPLATE_MAX) return { error: `a pattern may be at most ${TEMPLATE_MAX} characters` };
  const parts: Part[] = [];
  let lit = '';
  const flush = () => {
    if (lit) parts.push({ kind: 'lit', text: lit });
    lit = '';
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\' && i + 1 < source.length && '*{}\\'.includes(source[i + 1])) {
      lit += source[++i];
    } else if (c === '*') {
      flush();
      parts.push({ kind: 'any' });
    } else if (c === '{') {
      const end = source.indexOf('}', i);
      const name = end > i ? source.slice(i + 1, end) : '';
      if (!/^[a-z][a-z0-9]{0,19}$/i.test(name)) return { error: `"{${name}" is not a capture: write {name} with letters and digits (\\{ for a literal brace)` };
      flush();
      parts.push({ kind: 'cap', name });
      i = end;
    } else if (c === '}') {
      return { error: 'a "}" without its "{" (write \\} for a literal brace)' };
    } else lit += c;
  }
  flush();
  for (let i = 1; i < parts.length; i++) {
    if (parts[i].kind !== 'lit' && parts[i - 1].kind !== 'lit') return { error: 'two wildcards or captures in a row cannot be told apart: put literal text between them' };
  }
  const names = parts.filter((p): p is { kind: 'cap'; name: string } => p.kind === 'cap').map((p) => p.name);
  if (new Set(names).size !== names.length) return { error: 'each capture name may appear once' };
  return { source, parts };
}

export function captures(t: Template): string[] {
  return t.parts.filter((p): p is { kind: 'cap'; name: string } => p.kind === 'cap').map((p) => p.name);
}

/** The captures when the whole input matches, else null. Captured values are trimmed; an empty capture fails. */
export function matchTemplate(t: Template, input: string): Record<string, string> | null {
  const s = input.length > INPUT_MAX ? input.slice(0, INPUT_MAX) : input;
  const out: Record<string, string> = {};
  let pos = 0;
  let open: Part | null = null; // a wildcard or capture waiting for the next literal to end it
  let openAt = 0;
  const parts = t.parts;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p.kind !== 'lit') {
      open = p;
      openAt = pos;
      continue;
    }
    const last = i === parts.length - 1;
    let at: number;
    if (!open) at = s.startsWith(p.text, pos) ? pos : -1;
    else if (last) {
      // Anchored at the end: the last literal must end the input.
      at = s.length - p.text.length;
      if (at < pos || !s.endsWith(p.text)) at = -1;
    } else at = s.indexOf(p.text, pos);
    if (at < 0) return null;
    if (open?.kind === 'cap') {
      const v = s.slice(openAt, at).trim();
      if (!v) return null;
      out[open.name] = v;
    }
    open = null;
    pos = at + p.text.length;
  }
  if (open) {
    if (open.kind === 'cap') {
      const v = s.slice(openAt).trim();
      if (!v) return null;
      out[open.name] = v;
    }
    return out;
  }
  return pos === s.length ? out : null;
}
