import { describe, expect, it } from 'vitest';
import { markdownToRich, safeHref } from '../../utils/pack/rich';

describe('pack Markdown to an allow-listed tree', () => {
  it('keeps lists, bold and safe links', () => {
    expect(markdownToRich('- **Call** the [sponsor](https://example.com/x)\n- then email')).toEqual([
      { t: 'ul', items: [[{ t: 'p', c: [{ t: 'b', c: ['Call'] }, ' the ', { t: 'a', href: 'https://example.com/x', c: ['sponsor'] }] }], [{ t: 'p', c: ['then email'] }]] },
    ]);
  });

  it('turns raw HTML into literal text and drops unsafe link targets', () => {
    const tree = JSON.stringify(markdownToRich('<img src=x onerror=alert(1)> [x](javascript:alert(1)) [y](data:text/html,hi) <script>alert(2)</script>'));
    expect(tree).not.toMatch(/"t":"a"/);
    expect(tree).toContain('<img src=x onerror=alert(1)>');
    expect(tree).toContain('<script>alert(2)</script>');
  });

  it('only lets http, https and mailto through', () => {
    expect(safeHref('https://a.b/')).toBe('https://a.b/');
    expect(safeHref('mailto:a@b.c')).toBe('mailto:a@b.c');
    expect(safeHref(' JavaScript:alert(1)')).toBeNull();
    expect(safeHref('//evil.com')).toBeNull();
    expect(safeHref('vbscript:x')).toBeNull();
  });

  it('keeps Chinese text and entities as typed', () => {
    expect(markdownToRich('**续约** 前 90 天 & <注意>')).toEqual([{ t: 'p', c: [{ t: 'b', c: ['续约'] }, ' 前 90 天 & <注意>'] }]);
  });
});
