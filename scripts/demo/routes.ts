/**
 * The demo pages and the real URLs they stand in for. The demo runner and the e2e tests
 * route each URL to its file with Playwright's request routing, so the content scripts
 * match them exactly as they would the real sites (the manifest gains no demo hosts).
 * `file` is relative to scripts/demo/pages/.
 *
 * Each page is a small SPA like the app it imitates: it navigates in place to a second
 * record (pushState, or the hash for Gmail) and renders whichever record its URL names on
 * load, so `aliases` — the other URLs it answers — are served the same file.
 */
export interface DemoPage {
  id: string;
  title: string;
  url: string;
  file: string;
  /** Other URLs that show a record of the same page (served the same file; its script renders the record the URL names). */
  aliases?: string[];
  /**
   * The served HTML is the app shell only: the page's script fetches the record and renders
   * it later (and marks `record-rendered`). Readers of the HTML as served (the eval corpus,
   * the static demo-page test) skip it; the browser and the scripted unit tests read it.
   */
  scripted?: boolean;
}

export const DEMO_PAGES: DemoPage[] = [
  {
    id: 'salesforce-opportunity',
    title: 'Salesforce opportunity — Northwind Traders',
    url: 'https://lumora-demo.lightning.force.com/lightning/r/Opportunity/0065g00000NwOpp1AAB/view',
    file: 'salesforce-opportunity.html',
    // Acme Corporation — Analytics Rollout (Qualification; account 0015g00000AcmeCAAB; competitor Globex)
    aliases: ['https://lumora-demo.lightning.force.com/lightning/r/Opportunity/0065g00000AcmOpAAB/view'],
  },
  {
    id: 'hubspot-company',
    title: 'HubSpot company — 上海云杉科技有限公司',
    url: 'https://app.hubspot.com/contacts/4411223/record/0-2/9876543210',
    file: 'hubspot-company.html',
    // Acme Corporation (acme.com); Pinnacle Cloud Software (pinnaclecloud.sg, APAC: issue 19's regional variant)
    aliases: ['https://app.hubspot.com/contacts/4411223/record/0-2/1234567890', 'https://app.hubspot.com/contacts/4411223/record/0-2/6120077834'],
  },
  {
    id: 'gmail-thread',
    title: 'Gmail thread — Acme rollout',
    url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdXyzThreadAcme01',
    file: 'gmail-thread.html',
    // the thread list, and Nancy Davolio's Northwind thread (Beacon CDP); the hash never reaches the server
    aliases: ['https://mail.google.com/mail/u/0/#inbox', 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdXyzThreadNwnd02'],
  },
  {
    id: 'salesforce-pipeline',
    title: 'Salesforce pipeline SPA — Helios Renewables AG (async record, board with record dialog)',
    url: 'https://lumora-demo.lightning.force.com/lightning/r/Opportunity/0065g00000HlsOpAAE/view',
    file: 'salesforce-pipeline.html',
    // the kanban board (no record; its cards open a record dialog), and Bluefin Capital Bank — Risk Data Hub
    // (Value Proposition; account 0015g00000BfnCBAA3; competitor Hooli Cloud), the in-app switch's target
    aliases: [
      'https://lumora-demo.lightning.force.com/lightning/o/Opportunity/list',
      'https://lumora-demo.lightning.force.com/lightning/r/Opportunity/0065g00000BfnOpAA3/view',
    ],
    scripted: true,
  },
];
