/**
 * The generic content script runs only on hosts that (a) a rule in the active pack
 * names and (b) ops granted in the options page. Re-registered whenever either side
 * changes; registration lives in the browser, not in worker memory.
 */
import { browser } from 'wxt/browser';
import type { SiteRule } from '../pack/schema';
import { ruleOrigin } from '../sites/generic/rules';

const ID = 'frontline-generic';

export function rulePatterns(rules: readonly SiteRule[]): string[] {
  return [...new Set(rules.map((r) => ruleOrigin(r.host)))];
}

export async function syncGenericScripts(rules: readonly SiteRule[]): Promise<string[]> {
  const scripting = browser.scripting;
  if (!scripting?.registerContentScripts) return [];
  const granted: string[] = [];
  for (const origin of rulePatterns(rules)) {
    if (await browser.permissions.contains({ origins: [origin] })) granted.push(origin);
  }
  const existing = await scripting.getRegisteredContentScripts({ ids: [ID] });
  if (existing.length) await scripting.unregisterContentScripts({ ids: [ID] });
  if (granted.length) {
    await scripting.registerContentScripts([{ id: ID, js: ['content-scripts/generic.js'], matches: granted, runAt: 'document_start', persistAcrossSessions: true }]);
  }
  return granted;
}
