/**
 * Pipedrive detail-page markup. Pipedrive's class names are generated (`cui5-…`, hashed),
 * so the adapter reads test ids, links by their href and label/value pairs.
 *
 * Verified: `[data-testid="header-title"]` with `[data-test="editable-input-content"]` (or a
 * textarea while edited) for the record title (TimeCamp's Pipedrive integration, 2024);
 * `.detailView` for the older person/organization view (same source); record links
 * `/organization/<id>`, `/person/<id>`, `/deal/<id>`.
 * Not yet verified against a captured page (2025-11): where the current stage and the
 * pipeline are shown. They are read as label/value pairs labelled "Stage" / "Pipeline";
 * replace with the real hooks once a scrubbed capture of a real page is at hand.
 */

export const TITLE = [
  '[data-testid="header-title"] [data-test="editable-input-content"]',
  '[data-testid="header-title"] [data-testid="editable-input-content"]',
  '[data-testid="header-title"]',
  // Fallback 2025-11: the pre-2023 person/organization view. Drop when unseen for a year.
  '.detailView h1',
] as const;

/** The record's own area: everything but the app navigation and the top bar. */
export const CONTENT = ['main', '[role="main"]', '.detailView', '#application'] as const;
export const NAV = 'nav, header, [role="navigation"], [role="banner"]';

export const ORGANIZATION_LINK = 'a[href*="/organization/"]';
export const EMAIL_LINK = 'a[href^="mailto:"]';
export const URL_LINK = 'a[href^="http"]';

/** Label/value pairs: a label element followed by its value element. */
export const LABEL_CANDIDATES = 'dt, label, [data-testid$="-label"], [class*="label"], [class*="Label"]';

export const LABELS = {
  stage: ['Stage', 'Deal stage', '阶段'],
  pipeline: ['Pipeline', '管道'],
  website: ['Website', '网站'],
  value: ['Value', 'Deal value', '金额'],
  closeDate: ['Expected close date', '预计成交日期'],
  organization: ['Organization', 'Organisation', '组织'],
} as const;

export const COMPETITOR_LABEL = /competitor|竞争对手|竞品/i;

export const TEXT_EXCLUDE = `button, ${NAV}, [role="tablist"], [role="toolbar"], textarea, label, dt, [data-testid$="-label"]`;
