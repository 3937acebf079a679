/**
 * Pack Markdown → a small JSON tree of allow-listed nodes. The tree is built in the
 * background (where the parser lives) and rendered by components/RichText as Preact
 * elements, so no pack text ever reaches the DOM as an HTML string. Raw HTML in the
 * Markdown is shown as literal text; links keep only http(s) and mailto targets.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import { safeHref } from './href';
import { grouped } from './grouped';

export { safeHref };

export type Inline =
  | string
  | { t: 'b' | 'i' | 'code' | 'del'; c: Inline[] }
  | { t: 'a'; href: string; c: Inline[] }
  | { t: 'br' };

export type Block =
  | { t: 'p'; c: Inline[] }
  | { t: 'h'; level: 1 | 2 | 3; c: Inline[] }
  | { t: 'ul' | 'ol'; items: Block[][] }
  | { t: 'quote'; c: Block[] }
  | { t: 'pre'; text: string };

export type Rich = Block[];

/** Adjacent text pieces (marked splits raw HTML into several tokens) become one. */
function merge(nodes: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const n of nodes) {
    const last = out[out.length - 1];
    if (typeof n === 'string' && typeof last === 'string') out[out.length - 1] = last + n;
    else out.push(n);
  }
  return out;
}

function inlines(tokens: Token[] | undefined): Inline[] {
  return merge(inlineNodes(tokens));
}

function inlineNodes(tokens: Token[] | undefined): Inline[] {
  const out: Inline[] = [];
  for (const tok of tokens ?? []) {
    switch (tok.type) {
      case 'strong':
        out.push({ t: 'b', c: inlines((tok as Tokens.Strong).tokens) });
        break;
      case 'em':
        out.push({ t: 'i', c: inlines((tok as Tokens.Em).tokens) });
        break;
      case 'del':
        out.push({ t: 'del', c: inlines((tok as Tokens.Del).tokens) });
        break;
      case 'codespan':
        out.push({ t: 'code', c: [(tok as Tokens.Codespan).text] });
        break;
      case 'br':
        out.push({ t: 'br' });
        break;
      case 'link': {
        const link = tok as Tokens.Link;
        const href = safeHref(link.href);
        const c = inlines(link.tokens);
        out.push(href ? { t: 'a', href, c } : { t: 'i', c });
        break;
      }
      case 'text': {
        const text = tok as Tokens.Text;
        if (text.tokens?.length) out.push(...inlines(text.tokens));
        else out.push(decodeEntities(text.text));
        break;
      }
      case 'escape':
        out.push((tok as Tokens.Escape).text);
        break;
      default:
        // html, image and anything unknown: show what the author typed, as text.
        out.push(tok.raw);
    }
  }
  return out;
}

function blocks(tokens: Token[]): Block[] {
  const out: Block[] = [];
  for (const tok of tokens) {
    switch (tok.type) {
      case 'space':
      case 'hr':
        break;
      case 'paragraph':
        out.push({ t: 'p', c: inlines((tok as Tokens.Paragraph).tokens) });
        break;
      case 'heading': {
        const h = tok as Tokens.Heading;
        out.push({ t: 'h', level: Math.min(3, Math.max(1, h.depth)) as 1 | 2 | 3, c: inlines(h.tokens) });
        break;
      }
      case 'list': {
        const l = tok as Tokens.List;
        out.push({ t: l.ordered ? 'ol' : 'ul', items: l.items.map((item) => blocks(item.tokens)) });
        break;
      }
      case 'blockquote':
        out.push({ t: 'quote', c: blocks((tok as Tokens.Blockquote).tokens) });
        break;
      case 'code':
        out.push({ t: 'pre', text: (tok as Tokens.Code).text });
        break;
      case 'text': {
        const text = tok as Tokens.Text;
        out.push({ t: 'p', c: text.tokens ? inlines(text.tokens) : [text.text] });
        break;
      }
      default:
        out.push({ t: 'p', c: [tok.raw] });
    }
  }
  return out;
}

function decodeEntities(s: string): string {
  // marked escapes &, <, >, " and ' in text tokens; we render text nodes, so undo it.
  return s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? _);
}

// ── Limits: the lexer recurses per nesting level and is quadratic in emphasis
// delimiters, so what reaches it is bounded first. A battlecard section is a few KB
// with a few dozen delimiters and two levels of nesting.

/** The longest Markdown text (per locale). */
export const MAX_MARKDOWN_CHARS = 20_000;
/** Emphasis, code, strike, link and HTML delimiters in one text. */
export const MAX_MARKDOWN_DELIMITERS = 2_000;
/** Nesting of block quotes and lists, in the source and in the tree (inline emphasis counts too). */
export const MAX_MARKDOWN_DEPTH = 8;
/** Columns of indentation before a line's content (nested lists indent 2–4 per level). */
export const MAX_MARKDOWN_INDENT = 40;
/**
 * Markers × characters in one paragraph: an unclosed marker makes the lexer scan the
 * rest of its paragraph, so this product, not either number, is what a text costs
 * (1,000 `*` before 18,000 letters took 0.6 s). A 2,000-character paragraph with 40
 * markers is 80,000.
 */
export const MAX_MARKER_WORK = 4_000_000;

const DELIMITER = /[*_~`[<]/g;

/**
 * Why `markdown` is refused before the lexer sees it, or null. One linear pass per
 * line: the container markers (`>`, list bullets and numbers) a line opens with, and
 * its indentation.
 */
export function markdownLimitProblem(markdown: string): string | null {
  if (markdown.length > MAX_MARKDOWN_CHARS) return `Markdown of ${grouped(markdown.length)} characters; at most ${grouped(MAX_MARKDOWN_CHARS)} are allowed`;
  const delimiters = markdown.match(DELIMITER)?.length ?? 0;
  if (delimiters > MAX_MARKDOWN_DELIMITERS) return `${grouped(delimiters)} Markdown markers (* _ ~ \` [ <); at most ${grouped(MAX_MARKDOWN_DELIMITERS)} are allowed`;
  const paragraphs = markdown.split(/\n[ \t]*\n/);
  for (let p = 0, line = 1; p < paragraphs.length; line += paragraphs[p].split('\n').length + 1, p++) {
    const para = paragraphs[p];
    const markers = para.match(DELIMITER)?.length ?? 0;
    if (markers * para.length > MAX_MARKER_WORK) {
      return `the paragraph at line ${line} has ${grouped(markers)} Markdown markers in ${grouped(para.length)} characters; split it or use fewer markers (markers × characters at most ${grouped(MAX_MARKER_WORK)})`;
    }
  }
  let line = 1;
  for (let i = 0; i < markdown.length; line++) {
    let depth = 0;
    let indent = 0;
    for (;;) {
      const c = markdown[i];
      if (c === ' ') indent++;
      else if (c === '\t') indent += 4;
      else if (c === '>') depth++;
      else if ((c === '-' || c === '*' || c === '+') && (markdown[i + 1] === ' ' || markdown[i + 1] === '\t')) depth++;
      else if (c >= '0' && c <= '9') {
        let j = i;
        while (markdown[j] >= '0' && markdown[j] <= '9') j++;
        if ((markdown[j] !== '.' && markdown[j] !== ')') || (markdown[j + 1] !== ' ' && markdown[j + 1] !== '\t')) break;
        depth++;
        i = j;
      } else break;
      i++;
    }
    if (depth > MAX_MARKDOWN_DEPTH) return `line ${line} nests ${grouped(depth)} block quotes or lists; at most ${MAX_MARKDOWN_DEPTH} are allowed`;
    if (indent > MAX_MARKDOWN_INDENT) return `line ${line} is indented ${grouped(indent)} columns; at most ${MAX_MARKDOWN_INDENT} are allowed`;
    const next = markdown.indexOf('\n', i);
    i = next < 0 ? markdown.length : next + 1;
  }
  return null;
}

/** Nesting depth of a tree (iterative: the tree is checked before anything recurses over it). */
export function richDepth(rich: Rich): number {
  let max = 0;
  const stack: [node: Block | Inline, depth: number][] = rich.map((b) => [b, 1]);
  while (stack.length) {
    const [node, d] = stack.pop()!;
    if (d > max) max = d;
    if (typeof node === 'string') continue;
    if ('c' in node) for (const c of node.c) stack.push([c, d + 1]);
    else if ('items' in node) for (const item of node.items) for (const b of item) stack.push([b, d + 1]);
  }
  return max;
}

export type Converted = { ok: true; rich: Rich } | { ok: false; message: string };

/**
 * Markdown → tree within the limits, or why not. Packs are converted once, when they
 * are taken in; the sidebar renders the stored tree.
 */
export function convertMarkdown(markdown: string): Converted {
  const problem = markdownLimitProblem(markdown);
  if (problem) return { ok: false, message: problem };
  let rich: Rich;
  try {
    rich = markdownToRich(markdown);
  } catch (e) {
    return { ok: false, message: `Markdown could not be read: ${(e as Error).message}` };
  }
  const depth = richDepth(rich);
  if (depth > MAX_MARKDOWN_DEPTH * 2) return { ok: false, message: `Markdown nests ${depth} levels of lists, quotes and emphasis; at most ${MAX_MARKDOWN_DEPTH * 2} are allowed` };
  return { ok: true, rich };
}

/** Without limits: for text already checked, and for tests. */
export function markdownToRich(markdown: string): Rich {
  return blocks(new Lexer({ gfm: true }).lex(markdown));
}
