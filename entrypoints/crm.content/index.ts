import { CRM_SITES } from '@/utils/sites/crm';
import { runSidebar } from '@/utils/content/runSidebar';

export default defineContentScript({
  // The CRMs we read; keep in step with utils/sites/<site>/urls.ts. Hosts in these
  // patterns that no adapter reads (e.g. a marketing page) get no work at all.
  matches: [
    'https://*.lightning.force.com/*',
    'https://*.salesforce.com/*',
    'https://app.hubspot.com/*',
    'https://app-eu1.hubspot.com/*',
    'https://app-na2.hubspot.com/*',
    'https://app-ap1.hubspot.com/*',
    'https://*.dynamics.com/*',
    'https://*.dynamics.cn/*',
    'https://*.microsoftdynamics.us/*',
    'https://*.pipedrive.com/*',
    'https://crm.zoho.com/*',
    'https://crm.zoho.eu/*',
    'https://crm.zoho.in/*',
    'https://crm.zoho.com.au/*',
    'https://crm.zoho.jp/*',
    'https://crm.zoho.com.cn/*',
    'https://crm.zoho.sa/*',
    'https://crm.zoho.uk/*',
    'https://crm.zohocloud.ca/*',
  ],
  // Styles go straight into the shadow root: no web-accessible CSS file for pages to probe.
  cssInjectionMode: 'manual',
  runAt: 'document_idle',
  // WXT would otherwise announce every start to the page, extension id included.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    await runSidebar(ctx, { sites: CRM_SITES });
  },
});
