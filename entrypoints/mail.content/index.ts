import '@/components/sidebar.css';
import { MAIL_SITES } from '@/utils/sites/mail';
import { runSidebar } from '@/utils/content/runSidebar';

export default defineContentScript({
  matches: ['https://mail.google.com/*', 'https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*'],
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  async main(ctx) {
    await runSidebar(ctx, { sites: MAIL_SITES, replies: true });
  },
});
