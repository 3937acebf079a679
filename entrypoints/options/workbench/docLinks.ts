/**
 * Where an error's field is documented: its section of docs/knowledge-pack.md (the
 * pack's fields) or docs/ops-guide.md (the folder's files), by the JSON path's first key
 * or by the file. The two guides ship inside the extension (wxt.config.ts copies them),
 * so the links work offline and match this version's format.
 */
import { browser } from 'wxt/browser';
import type { SourcedError } from '@/utils/pack/authoring/errors';

const DOCS_BASE = browser.runtime.getURL('/docs/' as '/options.html');

const BY_FIELD: Record<string, [string, string]> = {
  meta: ['knowledge-pack.md#4-meta', 'meta'],
  scenarios: ['knowledge-pack.md#5-scenarios', 'scenarios'],
  competitors: ['knowledge-pack.md#6-competitors-and-battlecards', 'competitors'],
  playbooks: ['knowledge-pack.md#7-playbooks-stages-and-checklists', 'playbooks'],
  accounts: ['knowledge-pack.md#8-accounts', 'accounts'],
  healthModel: ['knowledge-pack.md#9-healthmodel-and-health-scoring', 'healthModel'],
  sites: ['knowledge-pack.md#10-sites', 'sites'],
  sitePatches: ['knowledge-pack.md#10-sites', 'sitePatches'],
};

export function docFor(e: SourcedError): { href: string; topic: string } {
  const file = e.file ?? '';
  if (file.endsWith('.md') && file.startsWith('competitors/')) return { href: `${DOCS_BASE}ops-guide.md#2-battlecards-in-markdown`, topic: file };
  if (/\.(csv|tsv|txt)$/i.test(file)) return { href: `${DOCS_BASE}ops-guide.md#3-accounts-and-health-from-csv-exports`, topic: file };
  if (file === 'pack.yaml' && !e.path.startsWith('meta')) return { href: `${DOCS_BASE}ops-guide.md#1-the-pack-folder`, topic: file };
  const key = /^[A-Za-z]+/.exec(e.path)?.[0] ?? '';
  const hit = BY_FIELD[key];
  if (hit) return { href: `${DOCS_BASE}${hit[0]}`, topic: hit[1] };
  return { href: `${DOCS_BASE}knowledge-pack.md#11-validation-rules-and-error-messages`, topic: file || e.path };
}
