/**
 * The demo's Salesforce opportunity (Northwind Traders) with its stage set to a closing
 * label, for the win/loss prompt: the e2e tests and the screenshots serve it in place of
 * the demo page on the same URL, so the adapter reads it as it would a real org.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { PAGES_DIR } from './launch';
import { DEMO_PAGES } from './routes';

export const CLOSED_DEAL_URL = DEMO_PAGES.find((p) => p.id === 'salesforce-opportunity')!.url;

export function closedDealHtml(stage = 'Closed Lost'): string {
  return readFileSync(join(PAGES_DIR, 'salesforce-opportunity.html'), 'utf8').replaceAll('Proposal/Price Quote', stage);
}

/** Serves the closed deal for the demo opportunity's URL in this page (other requests as the demo routes them). */
export async function routeClosedDeal(page: Page, stage = 'Closed Lost'): Promise<void> {
  const body = closedDealHtml(stage);
  await page.route(CLOSED_DEAL_URL, (r) => (r.request().resourceType() === 'document' ? r.fulfill({ contentType: 'text/html', body }) : r.fallback()));
}
