/** Renders a pack Rich tree from an allow-list of elements. Never sets HTML. */
import type { Block, Inline, Rich } from '@/utils/pack/rich';
import { safeHref } from '@/utils/pack/href';

function InlineNode({ node }: { node: Inline }) {
  if (typeof node === 'string') return <>{node}</>;
  switch (node.t) {
    case 'b':
      return <strong>{node.c.map((c, i) => <InlineNode key={i} node={c} />)}</strong>;
    case 'i':
      return <em>{node.c.map((c, i) => <InlineNode key={i} node={c} />)}</em>;
    case 'del':
      return <del>{node.c.map((c, i) => <InlineNode key={i} node={c} />)}</del>;
    case 'code':
      return <code>{node.c.map((c, i) => <InlineNode key={i} node={c} />)}</code>;
    case 'br':
      return <br />;
    case 'a': {
      // Checked again here: trees are stored, and a stored one must not be trusted more than the pack.
      const href = safeHref(node.href);
      const children = node.c.map((c, i) => <InlineNode key={i} node={c} />);
      return href ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {children}
        </a>
      ) : (
        <em>{children}</em>
      );
    }
    default:
      return null;
  }
}

function BlockNode({ node }: { node: Block }) {
  switch (node.t) {
    case 'p':
      return <p>{node.c.map((c, i) => <InlineNode key={i} node={c} />)}</p>;
    case 'h':
      return <p class="fl-rich-h">{node.c.map((c, i) => <InlineNode key={i} node={c} />)}</p>;
    case 'ul':
    case 'ol': {
      const items = node.items.map((item, i) => (
        <li key={i}>
          {item.map((b, j) => (b.t === 'p' ? b.c.map((c, k) => <InlineNode key={`${j}.${k}`} node={c} />) : <BlockNode key={j} node={b} />))}
        </li>
      ));
      return node.t === 'ul' ? <ul>{items}</ul> : <ol>{items}</ol>;
    }
    case 'quote':
      return <blockquote>{node.c.map((b, i) => <BlockNode key={i} node={b} />)}</blockquote>;
    case 'pre':
      return <pre>{node.text}</pre>;
    default:
      return null;
  }
}

export function RichText({ value, class: cls }: { value: Rich | null | undefined; class?: string }) {
  if (!value?.length) return null;
  return (
    <div class={`fl-rich ${cls ?? ''}`}>
      {value.map((b, i) => <BlockNode key={i} node={b} />)}
    </div>
  );
}
