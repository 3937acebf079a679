/** The browser's side of "Try this rule on the current tab" (ruleTrial.ts). */
import { browser } from 'wxt/browser';
import type { SiteRule } from '../pack/schema';
import { ruleOrigin } from '../sites/generic/rules';
import type { TrialRequest } from '../sites/generic/tryRule';
import type { RuleTrialTabs } from './ruleTrial';

export const browserTrialTabs: RuleTrialTabs = {
  async find(host) {
    const origins = [ruleOrigin(host)];
    if (!(await browser.permissions.contains({ origins }).catch(() => false))) return 'not-granted';
    // The host permission lets us see those tabs' URLs and titles, and no others.
    const tabs = await browser.tabs.query({ url: origins });
    const last = tabs.filter((t) => t.id !== undefined).sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
    return last ? { id: last.id!, title: last.title ?? '', url: last.url ?? '' } : null;
  },
  async trial(tabId, rule: SiteRule) {
    const msg: TrialRequest = { frontline: 'trial', rule };
    return browser.tabs.sendMessage(tabId, msg, { frameId: 0 });
  },
};
