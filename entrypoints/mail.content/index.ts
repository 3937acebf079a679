import { MAIL_SITES } from '@/utils/sites/mail';
import { runSidebar } from '@/utils/content/runSidebar';

export default defineContentScript({
  matches: ['https://mail.google.com/*', 'https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*'],
  // Styles go straight into the shadow root: no web-accessible CSS file for pages to probe.
  cssInjectionMode: 'manual',
  runAt: 'document_idle',
  // WXT would otherwise announce every start to the page, extension id included.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    await runSidebar(ctx, { sites: MAIL_SITES, replies: true });
  },
});
