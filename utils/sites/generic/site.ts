import type { SiteRule } from '../../pack/schema';
import type { Site } from '../site';
import { extractGeneric } from './extract';
import { ruleFor } from './rules';

/** A self-hosted CRM read through the pack's `sites` rules (no fallback layers: the rules are ops' own reading). */
export function genericSite(rules: readonly SiteRule[]): Site {
  const covered = (url: URL) => ruleFor(url, rules) !== null;
  return {
    id: 'generic',
    matches: covered,
    isRecord: covered,
    record: (url) => (covered(url) ? { recordType: 'record', recordId: url.href } : null),
    landmarks: [],
    // Ops' own CRM: beside by default; a rep whose CRM's layout suffers switches per site in the panel.
    panel: 'beside',
    fallback: false,
    extract: (doc, url) => extractGeneric(doc, url, rules),
  };
}
