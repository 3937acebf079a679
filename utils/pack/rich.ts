/**
 * Pack Markdown → a small JSON tree of allow-listed nodes. The tree is built in the
 * background (where the parser lives) and rendered by components/RichText as Preact
 * elements, so no pack text ever reaches the DOM as an HTML string. Raw HTML in the
 * Markdown is shown as literal text; links keep only http(s) and mailto targets.
 */
import { Lexer, type Token, type Tokens } from 'marked';

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

const SAFE_URL = /^(https?:|mailto:)/i;

export function safeHref(href: string): string | null {
  const trimmed = href.trim();
  if (!SAFE_URL.test(trimmed)) return null;
  try {
    const u = new URL(trimmed);
    return u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'mailto:' ? u.href : null;
  } catch {
    return null;
  }
}

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

export function markdownToRich(markdown: string): Rich {
  return blocks(new Lexer({ gfm: true }).lex(markdown));
}
