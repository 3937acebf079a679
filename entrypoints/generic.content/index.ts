import { browser } from 'wxt/browser';
import { ask } from '@/utils/ask';
import { genericSite } from '@/utils/sites/generic/site';
import { isTrialRequest, tryRule } from '@/utils/sites/generic/tryRule';
import { runSidebar } from '@/utils/content/runSidebar';

export default defineContentScript({
  // Registered at run time by the background (utils/background/genericScripts.ts) for
  // the hosts of the pack's `sites` rules that ops granted in the options page.
  registration: 'runtime',
  matches: [],
  cssInjectionMode: 'manual',
  runAt: 'document_start',
  // WXT would otherwise announce every start to the page, extension id included.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    // "Try this rule on the current tab" (the ops console, through the background): from
    // our background only — a message from a tab (a content script, our sidebar frame) is
    // not the ops console. Listening from the start, so a page without records answers too.
    browser.runtime.onMessage.addListener((raw: unknown, sender) => {
      if (sender.id !== browser.runtime.id || sender.tab || !isTrialRequest(raw)) return undefined;
      return Promise.resolve(tryRule(document, new URL(location.href), raw.rule));
    });
    const rules = await ask('sites:rules', {});
    if (rules.length) await runSidebar(ctx, { sites: [genericSite(rules)] });
  },
});
