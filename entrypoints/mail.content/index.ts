import '@/components/sidebar.css';
import { extractPage } from '@/utils/sites/registry';
import { runSidebar } from '@/utils/content/runSidebar';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  async main(ctx) {
    await runSidebar(ctx, { site: 'gmail', extract: extractPage, replies: true });
  },
});
