/**
 * "Try this rule on the current tab" in the ops console: the background finds the tab of
 * the rule's host the rep was last on, has the site-rule content script there read the
 * page with that rule (utils/sites/generic/tryRule.ts), and says which account the pack
 * makes of it. Independent of `browser.*`: the tabs come in as dependencies
 * (ruleTrialTabs.ts has the browser's), so it runs under vitest.
 */
import * as v from 'valibot';
import type { PackIndex } from '../match/index';
import { matchAccount } from '../match/account/resolve';
import type { Reason } from '../match/types';
import type { SiteRule } from '../pack/schema';
import { PageContextSchema } from '../sites/schema';
import type { RuleTrial } from '../sites/generic/tryRule';

export interface TrialTab {
  id: number;
  title: string;
  url: string;
}

export interface RuleTrialTabs {
  /** The tab on the rule's host the rep was on last; `not-granted` while ops have not allowed the host. */
  find(host: string): Promise<TrialTab | 'not-granted' | null>;
  /** The rule tried by the tab's site-rule content script; null when none runs there (the tab was open before the grant). */
  trial(tabId: number, rule: SiteRule): Promise<unknown>;
}

/** Why nothing could be tried, for the ops console to say what to do. */
export type TrialRefusal = 'no-rule' | 'not-granted' | 'no-tab' | 'no-script';

export type SiteTrial =
  | {
      ok: true;
      tab: { title: string; url: string };
      trial: RuleTrial;
      /** The account the pack makes of the page, and why; or the candidates when it cannot tell. */
      account: { id: string; name: string } | null;
      reasons: Reason[];
      candidates: { id: string; name: string }[];
    }
  | { ok: false; reason: TrialRefusal; host?: string };

/** Without tabs (unit tests of other handlers, tools): there is never a tab to try on. */
export const NO_TABS: RuleTrialTabs = { find: async () => null, trial: async () => null };

/** The content script's answer, checked before the matcher sees it: a page context like any other, and fields as lists. */
function asTrial(raw: unknown): RuleTrial | null {
  if (typeof raw !== 'object' || raw === null || !Array.isArray((raw as RuleTrial).fields)) return null;
  const t = raw as RuleTrial;
  if (t.ctx === null) return t;
  const ctx = v.safeParse(PageContextSchema, t.ctx);
  return ctx.success ? { ...t, ctx: ctx.output } : null;
}

export function ruleTrialHandler(deps: { rules: () => Promise<readonly SiteRule[]>; indexed: () => Promise<{ index: PackIndex }>; tabs: RuleTrialTabs }) {
  return async ({ ruleId }: { ruleId: string }): Promise<SiteTrial> => {
    const rule = (await deps.rules()).find((r) => r.id === ruleId);
    if (!rule) return { ok: false, reason: 'no-rule' };
    const tab = await deps.tabs.find(rule.host);
    if (tab === 'not-granted') return { ok: false, reason: 'not-granted', host: rule.host };
    if (!tab) return { ok: false, reason: 'no-tab', host: rule.host };
    const trial = asTrial(await deps.tabs.trial(tab.id, rule).catch(() => null));
    if (!trial) return { ok: false, reason: 'no-script', host: rule.host };
    const found = trial.ctx ? matchAccount((await deps.indexed()).index, trial.ctx, null) : null;
    return {
      ok: true,
      tab: { title: tab.title.slice(0, 200), url: tab.url.slice(0, 500) },
      trial,
      account: found?.account ? { id: found.account.id, name: found.account.name } : null,
      reasons: found?.accountReasons ?? [],
      candidates: (found?.candidates ?? []).map((c) => ({ id: c.accountId, name: c.name })),
    };
  };
}
