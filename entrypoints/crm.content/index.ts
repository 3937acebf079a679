import '@/components/sidebar.css';
import { extractPage } from '@/utils/sites/registry';
import { runSidebar } from '@/utils/content/runSidebar';

export default defineContentScript({
  // The CRMs we read. Keep in step with utils/sites/*/urls.ts.
  matches: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*', 'https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*'],
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  async main(ctx) {
    await runSidebar(ctx, { site: location.hostname.includes('hubspot') ? 'hubspot' : 'salesforce', extract: extractPage });
  },
});
