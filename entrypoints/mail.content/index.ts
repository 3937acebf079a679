import { hostPatterns } from '@/utils/sites/catalog';
import { MAIL_ADAPTERS } from '@/utils/sites/mail';
import { runSidebar } from '@/utils/content/runSidebar';

export default defineContentScript({
  // Each webmail's hosts from its utils/sites/<site>/info.ts; in MV3 these are also the host permissions.
  matches: hostPatterns('mail'),
  // Styles go straight into the shadow root: no web-accessible CSS file for pages to probe.
  cssInjectionMode: 'manual',
  runAt: 'document_idle',
  // WXT would otherwise announce every start to the page, extension id included.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    await runSidebar(ctx, { sites: MAIL_ADAPTERS, replies: true });
  },
});
