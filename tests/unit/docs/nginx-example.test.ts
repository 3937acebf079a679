/**
 * docs/deploy.md shows the nginx pack configuration inline; the end-to-end tests run
 * nginx with exactly that text. The checked-in file IT can copy must be the same text.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NGINX_EXAMPLE, packLocationFromDocs } from '../../e2e/support/docSnippet';

describe('the nginx example in docs/deploy.md', () => {
  it('is docs/nginx/frontline-pack.conf, verbatim', () => {
    expect(packLocationFromDocs()).toBe(readFileSync(NGINX_EXAMPLE, 'utf8'));
  });

  it('is found only when the doc has exactly one such block', () => {
    const block = '```nginx\nlocation /frontline/ {\n}\n```\n';
    expect(packLocationFromDocs(`intro\n\n  ${block.replace(/\n(?=.)/g, '\n  ')}`)).toBe('location /frontline/ {\n}\n');
    expect(() => packLocationFromDocs('no block')).toThrow(/found 0/);
    expect(() => packLocationFromDocs(block + block)).toThrow(/found 2/);
  });
});
