/**
 * HubSpot record-page markup the adapter reads. HubSpot's class names are
 * styled-components hashes that change with every build, so nothing here selects on a
 * class: only `data-test-id`, `data-selenium-test`, `data-card-type` and roles, which
 * HubSpot keeps for its own test suites.
 *
 * Sources: toggl/track-extension `hubspot.js` (2019–2024), Clockify's HubSpot integration
 * (2023–2025), Selenium page objects written against app.hubspot.com, and a HubSpot
 * record-page overlay's selector tables (2025) that document the card and row grammar.
 */

/** The three record columns (record page, 2021 redesign onward). */
export const LEFT_SIDEBAR = '[data-test-id="left-sidebar"], [data-scroll-trackable-container="left-sidebar"]';
export const MIDDLE_PANE = '[data-test-id="middle-pane"]';
export const RIGHT_SIDEBAR = '[data-test-id="records-right-sidebar"]';

/**
 * The highlight card at the top of the left sidebar: `[data-card-type="OBJECT_HIGHLIGHT"]`
 * (`data-card-id="OBJECT_HIGHLIGHT-FAS-0-2-1"`) > `[data-test-id="record-highlight-content"]`
 * > `[data-test-id="record-highlight-main-content"]`; the name is
 * `[data-selenium-test="highlightTitle"]`, inside `div[data-selenium-test="<object>-highlight-details"]`.
 */
export const HIGHLIGHT_CARD = '[data-card-type="OBJECT_HIGHLIGHT"], [data-test-id="record-highlight-content"]';
export const TITLE = [
  '[data-selenium-test="highlightTitle"]',
  // Fallback 2025-11: the deal/ticket editable title seen on 2022 layouts. Drop when no
  // portal still renders it.
  '.DealTicketEditableTitle',
] as const;
export const HIGHLIGHT_DETAILS = 'div[data-selenium-test$="-highlight-details"]';

/**
 * Properties, three self-identifying shapes (the name is in the attribute):
 * - "About this …" cards: `[data-card-type="PROPERTIES_V3"] ul[data-selenium-test="profile-properties-list"]
 *   > span[data-test-id="<name>"] > div[data-deferred-property-input-root]` holding the label
 *   and `[data-selenium-test="property-input-<name>"]` (a span in display mode, a button or
 *   input while edited);
 * - the "View all properties" panel: `[data-test-id="property-input-<name>"]`;
 * - the highlight strip: `[data-test-id="highlight-property-display-<name>"]`.
 */
export const PROPERTY_PREFIXES = [
  { attr: 'data-selenium-test', prefix: 'property-input-' },
  { attr: 'data-test-id', prefix: 'property-input-' },
  { attr: 'data-test-id', prefix: 'highlight-property-display-' },
] as const;
export const PROPERTY_ROW = '[data-deferred-property-input-root]';
export const PROPERTY_LABEL = 'label';

/** Loading placeholders in the virtualised all-properties panel parse as a property named "skeleton". */
export const PLACEHOLDER_NAMES = new Set(['skeleton']);

/**
 * Association cards (right sidebar): `[data-card-type="ASSOCIATION_V3"]` with
 * `data-card-id="ASSOCIATION_V3/0-2/…"` for companies. Their `property-input-name` belongs
 * to the associated record, so property reads never look inside them.
 */
export const ASSOCIATION_CARD = '[data-card-type^="ASSOCIATION"], [data-test-id^="card-wrapper-ASSOCIATION"], [data-selenium-test^="card-id-ASSOCIATION"]';

/** The associated company: chicklet link (2020–2025), or any link to a company record in an association card. */
export const COMPANY_LINK = [
  '[data-selenium-test="company-chicklet-title-link"]',
  '[data-card-id^="ASSOCIATION_V3/0-2"] a[href*="/record/0-2/"]',
  // Fallback 2025-11: the association table card (2021). Drop once no portal shows it.
  '[data-selenium-test="card-id-ASSOCIATION_TABLE/0-2"] td:first-child a',
] as const;

/** Contacts associated with the record (their addresses belong to it): `ASSOCIATION_V3/0-1/…` cards. */
export const CONTACT_ASSOCIATION = '[data-card-id^="ASSOCIATION_V3/0-1"], [data-selenium-test="card-id-ASSOCIATION_TABLE/0-1"]';

/** The cards of the left sidebar (highlight, "About this …", custom property cards); the rest of the column is navigation. */
export const SIDEBAR_CARD = '[data-card-type]';

/** Property names by meaning. */
export const PROPS = {
  companyDomain: ['domain', 'website'],
  contactEmail: ['email', 'hs_additional_emails'],
  contactCompany: ['company'],
  pipeline: ['pipeline', 'hs_pipeline'],
  stage: ['dealstage', 'hs_pipeline_stage'],
  dealType: ['dealtype'],
  amount: ['amount'],
  closeDate: ['closedate'],
} as const;

/** Labels by meaning (en, zh-CN), for label-only surfaces. */
export const LABELS = {
  pipeline: ['Pipeline', '管道', '销售管道'],
  stage: ['Deal stage', 'Ticket status', '交易阶段', '工单状态'],
} as const;

/** Legacy deal sidebar dropdowns (toggl hubspot.js, 2020). Fallback 2025-11: drop when unseen for a year. */
export const LEGACY_PIPELINE = 'div#pipeline-select';
export const LEGACY_STAGE = 'div#stage-select';

/** A competitor property: custom, so recognised by name or label. */
export const COMPETITOR_PROPERTY = /competitor/i;
export const COMPETITOR_LABEL = /competitor|竞争对手|竞品/i;

/** Never record text: controls (but a dropdown property's value is a button), tab bars, labels, search and filter bars, app cards, empty hover slots. */
export const TEXT_EXCLUDE = [
  'button:not([data-selenium-test^="property-input-"])',
  '[aria-hidden="true"]',
  '[role="tablist"]',
  '[role="toolbar"]',
  '[role="search"]',
  'label',
  '[data-test-id="hover-content-wrapper"]',
  '[data-test-id="event-timestamp"]',
  '[data-selenium-test="timeline-filters"]',
  '[data-card-type="CRM_CARD"], [data-card-type="EXTENSION"], [data-card-type="APP"]',
  ASSOCIATION_CARD,
].join(', ');
