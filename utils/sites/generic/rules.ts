/**
 * Which of the pack's `sites` rules applies to a URL. Pure.
 * Host patterns are `crm.example.com` (that host only) or `*.crm.example.com` (any subdomain,
 * not the bare domain); an optional `pathPrefix` narrows a rule to part of the app.
 */
import type { SiteRule } from '../../pack/schema';

export function hostMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase();
  const h = host.toLowerCase();
  if (p.startsWith('*.')) return h.endsWith(p.slice(1)) && h.length > p.length - 1;
  return h === p;
}

/** The first rule whose host and path prefix match (rules are tried in pack order), or null. */
export function ruleFor(url: URL, rules: readonly SiteRule[]): SiteRule | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  return rules.find((r) => hostMatches(r.host, url.hostname) && (!r.pathPrefix || url.pathname.startsWith(r.pathPrefix))) ?? null;
}

/**
 * A rule's host as a match pattern: what ops grant in the options page, what the
 * site-rule content script is registered for, and which tabs "Try this rule" may read.
 */
export const ruleOrigin = (host: string) => `https://${host.toLowerCase()}/*`;
