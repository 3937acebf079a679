/**
 * The demo pages and the real URLs they stand in for. The demo runner and the e2e tests
 * route each URL to its file with Playwright's request routing, so the content scripts
 * match them exactly as they would the real sites (the manifest gains no demo hosts).
 * `file` is relative to scripts/demo/pages/.
 */
export interface DemoPage {
  id: string;
  title: string;
  url: string;
  file: string;
}

export const DEMO_PAGES: DemoPage[] = [
  {
    id: 'salesforce-opportunity',
    title: 'Salesforce opportunity — Northwind Traders',
    url: 'https://lumora-demo.lightning.force.com/lightning/r/Opportunity/0065g00000NwOpp1AAB/view',
    file: 'salesforce-opportunity.html',
  },
  {
    id: 'hubspot-company',
    title: 'HubSpot company — 上海云杉科技有限公司',
    url: 'https://app.hubspot.com/contacts/4411223/record/0-2/9876543210',
    file: 'hubspot-company.html',
  },
  {
    id: 'gmail-thread',
    title: 'Gmail thread — Acme rollout',
    url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdXyzThreadAcme01',
    file: 'gmail-thread.html',
  },
];
