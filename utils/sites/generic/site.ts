import type { SiteRule } from '../../pack/schema';
import type { Site } from '../site';
import { extractGeneric } from './extract';
import { ruleFor } from './rules';

/** A self-hosted CRM read through the pack's `sites` rules. */
export function genericSite(rules: readonly SiteRule[]): Site {
  const covered = (url: URL) => ruleFor(url, rules) !== null;
  return { id: 'generic', matches: covered, isRecord: covered, extract: (doc, url) => extractGeneric(doc, url, rules) };
}
