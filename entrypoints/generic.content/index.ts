import { ask } from '@/utils/ask';
import { genericSite } from '@/utils/sites/generic/site';
import { runSidebar } from '@/utils/content/runSidebar';

export default defineContentScript({
  // Registered at run time by the background (utils/background/genericScripts.ts) for
  // the hosts of the pack's `sites` rules that ops granted in the options page.
  registration: 'runtime',
  matches: [],
  cssInjectionMode: 'manual',
  runAt: 'document_idle',
  // WXT would otherwise announce every start to the page, extension id included.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const rules = await ask('sites:rules', {});
    if (rules.length) await runSidebar(ctx, { sites: [genericSite(rules)] });
  },
});
