/**
 * The sidebar renders a stored tree from an allow-list, and checks link targets again:
 * trees are kept in storage now, and a stored tree is trusted no more than the pack.
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { RichText } from '../../components/RichText';
import type { Rich } from '../../utils/pack/rich';

function html(value: Rich): string {
  const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  const g = globalThis as { document?: unknown };
  const before = g.document;
  g.document = document;
  try {
    const root = document.getElementById('root')!;
    render(h(RichText, { value }), root as unknown as Element);
    return root.innerHTML;
  } finally {
    g.document = before;
  }
}

describe('RichText', () => {
  it('renders an http link with noopener, and a tampered javascript: link as plain emphasis', () => {
    const out = html([{ t: 'p', c: [{ t: 'a', href: 'https://example.com/x', c: ['ok'] }, ' ', { t: 'a', href: 'javascript:alert(1)', c: ['bad'] }] }]);
    expect(out).toMatch(/<a [^>]*href="https:\/\/example\.com\/x"[^>]*>ok<\/a>/);
    expect(out).toMatch(/<a [^>]*rel="noopener noreferrer"/);
    expect(out).not.toContain('javascript:');
    expect(out).toContain('<em>bad</em>');
  });

  it('renders nothing for a node type outside the allow-list', () => {
    const out = html([{ t: 'script', c: ['alert(1)'] } as never, { t: 'p', c: [{ t: 'img', src: 'x' } as never, 'text'] }]);
    expect(out).not.toMatch(/script|img|alert/);
    expect(out).toContain('<p>text</p>');
  });
});
