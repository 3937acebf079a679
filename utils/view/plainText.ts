/** A Rich tree as the plain text a rep copies or inserts (a reply box takes no Markdown). Pure. */
import type { Block, Inline, Rich } from '../pack/rich';

const inline = (c: Inline[]): string => c.map((x) => (typeof x === 'string' ? x : x.t === 'br' ? '\n' : inline(x.c))).join('');

function block(b: Block): string {
  switch (b.t) {
    case 'p':
    case 'h':
      return inline(b.c);
    case 'ul':
    case 'ol':
      return b.items.map((item, i) => `${b.t === 'ul' ? '•' : `${i + 1}.`} ${item.map(block).join('\n')}`).join('\n');
    case 'quote':
      return b.c.map(block).join('\n');
    case 'pre':
      return b.text;
  }
}

export const richToPlain = (rich: Rich): string => rich.map(block).join('\n\n');
