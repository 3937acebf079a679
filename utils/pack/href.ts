/**
 * The only link targets pack content may have: http, https and mailto. Its own module
 * so the sidebar can check a stored tree's links again without bundling the Markdown
 * lexer.
 */
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
