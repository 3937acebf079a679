/**
 * Salesforce markup the adapter reads. Each constant says which page and layout it
 * targets and where it was seen; fallbacks carry a dated note saying when to drop them.
 *
 * Sources: SFDO-Tooling/CumulusCI `cumulusci/robotframework/locators_56.py`..`_66.py`
 * (Lightning locators per API version, 2022–2025), toggl/track-extension `salesforce.js`,
 * Selenium/Playwright page objects written against live orgs (2020–2025), and the
 * Salesforce Lightning Design System (SLDS) blueprints the components render.
 * Lightning uses synthetic shadow DOM, so these custom elements are in the light DOM.
 */

/**
 * Lightning page hosts: every page visited stays cached in its own host; the one on
 * screen has `windowViewMode-normal` (or `-maximized` for a maximised console tab) plus
 * `active`: `div.windowViewMode-normal.oneContent.active.lafPageHost` (standard apps,
 * seen 2019–2025).
 */
export const PAGE_HOST = '.windowViewMode-normal, .windowViewMode-maximized';
export const ACTIVE_CLASS = 'active';

/**
 * Console apps (Service/Sales Console): one `.tabContent.oneConsoleTab` per workspace tab
 * under `div.split-right`; only the focused one is `.active`, and each holds its own page
 * hosts. Seen 2021–2024.
 */
export const CONSOLE_TAB = '.oneConsoleTab';

/** The record header (highlights panel, LWC since Spring '20): `records-lwc-highlights-panel > … > records-highlights2`. */
export const HIGHLIGHTS = 'records-highlights2, records-lwc-highlights-panel';

/**
 * The record's name in the header. `slot[name=primaryField]` holds a
 * `lightning-formatted-text` (most objects) or `lightning-formatted-name` (Contact, Lead).
 */
export const RECORD_NAME = [
  'records-highlights2 h1 slot[name="primaryField"] lightning-formatted-text',
  'records-highlights2 h1 slot[name="primaryField"] lightning-formatted-name',
  '.slds-page-header__title lightning-formatted-text',
  '.slds-page-header__title lightning-formatted-name',
  // Fallback 2025-11: Aura-era header (`h1 .uiOutputText`, toggl salesforce.js). Drop when
  // no supported org still renders the Aura highlights panel.
  '.slds-page-header__title .uiOutputText',
] as const;

/** Object label above the name ("Opportunity"): chrome, never record text. */
export const ENTITY_LABEL = '.entityNameTitle';

/**
 * Header fields: `records-highlights-details-item` with the label in `p.slds-text-title`
 * (also as its `title`) and the value in `p.fieldComponent` (CumulusCI
 * `record.header.field_value`). No API name is rendered here.
 */
export const HIGHLIGHT_ITEM = 'records-highlights-details-item';
export const HIGHLIGHT_LABEL = '.slds-text-title';
export const HIGHLIGHT_VALUE = '.fieldComponent';

/**
 * Detail fields (record layout, read mode):
 * `records-record-layout-item[field-label][data-target-selection-name="sfdc:RecordField.<Object>.<Field>"]`
 * holding `.test-id__field-label` and `.test-id__field-value`. Seen 2022–2025.
 */
export const LAYOUT_ITEM = 'records-record-layout-item';
export const LAYOUT_LABEL = '.test-id__field-label';
export const LAYOUT_VALUE = '.test-id__field-value';
export const FIELD_API_ATTR = 'data-target-selection-name';
export const FIELD_API_PREFIX = 'sfdc:RecordField.';

/**
 * Dynamic Forms fields: `flexipage-field[data-field-id="Record<Field>Field"]` (custom fields
 * lose one underscore: `RecordMain_Competitors_cField`), value in `.slds-form-element__control`.
 * Seen 2023–2025.
 */
export const FLEXI_FIELD = 'flexipage-field[data-field-id]';
export const FLEXI_LABEL = '.test-id__field-label, .slds-form-element__label';
export const FLEXI_VALUE = '.slds-form-element__control';

/** Fields rendered by a "Related Record" component carry the related object's API name (`sfdc:RecordField.Account.Website`). */
export const ANY_FIELD = `[${FIELD_API_ATTR}^="${FIELD_API_PREFIX}"]`;

/** Lookup values render `force-lookup > records-hoverable-link > a[href="/lightning/r/<Object>/<id>/view"]`. */
export const LOOKUP_LINK = 'a[href]';

/** E-mail and URL field values. */
export const EMAIL_LINK = 'a[href^="mailto:"]';
export const URL_VALUE = 'lightning-formatted-url a[href], a[href^="http"]';

/**
 * Sales Path: `ul.slds-path__nav[aria-label="Path Options"] > li.slds-path__item`; the
 * record's stage is `.slds-is-current` (`.slds-is-active` only marks the step the user
 * clicked), its name in `a.slds-path__link[title]` and `.slds-path__title`.
 * Container `div.runtime_sales_pathassistantPathAssistant`. Seen 2019–2025.
 */
export const PATH = '.runtime_sales_pathassistantPathAssistant, records-lwc-path, .slds-path';
export const PATH_CURRENT = '.slds-path__item.slds-is-current';
export const PATH_TITLE = '.slds-path__title';

/**
 * Related lists: `[data-component-id="force_relatedListContainer"] article` (Aura, CumulusCI
 * locators_56) and `lst-related-list-single-container article` (LWC, locators_66 2025); the
 * list's name is `span[title]` in the card header, rows are `lightning-datatable` rows whose
 * record name is the `th[scope=row]` cell.
 */
export const RELATED_LIST = '[data-component-id="force_relatedListContainer"] article, lst-related-list-single-container article';
export const RELATED_LIST_TITLE = '.slds-card__header-title span[title], .slds-card__header span[title], h2 span[title]';
export const RELATED_ROW_NAME = 'tbody tr th';
/** The Opportunity's "Contact Roles" related list (OpportunityContactRole): name in `th`, the role in the first `td`. */
export const CONTACT_ROLES_TITLE = /^(contact roles|联系人角色)$/i;
export const RELATED_ROW = 'tbody tr';

/**
 * Chrome inside a page host that is never record text: buttons and menus, the actions
 * ribbon, the path (lists every stage), tab bars, field labels, related-list headers,
 * screen-reader-only text, help bubbles.
 */
export const TEXT_EXCLUDE = [
  'button',
  'lightning-button-menu',
  'runtime_platform_actions-actions-ribbon',
  '.oneActionsRibbon',
  '.actionsContainer',
  '.slds-assistive-text',
  '.slds-hide',
  '[role="tablist"]',
  'lightning-helptext',
  '.test-id__field-label-container',
  '.test-id__field-label',
  '.slds-form-element__label',
  '.slds-text-title',
  '.slds-card__header',
  '.slds-section__title',
  'thead',
  PATH,
  ENTITY_LABEL,
].join(', ');

/** Field API names and labels (en, zh-CN) by meaning. Labels are only used where no API name is rendered (the header). */
export const FIELDS = {
  stage: { api: ['StageName'], labels: ['Stage', '阶段'] },
  amount: { api: ['Amount'], labels: ['Amount', '金额'] },
  closeDate: { api: ['CloseDate'], labels: ['Close Date', '结束日期', '完成日期'] },
  nextStep: { api: ['NextStep'], labels: ['Next Step', '下一步'] },
  type: { api: ['Type'], labels: ['Type', '类型'] },
  account: { api: ['AccountId'], labels: ['Account Name', 'Account', '客户名', '客户'] },
  company: { api: ['Company'], labels: ['Company', '公司'] },
  website: { api: ['Website'], labels: ['Website', 'Account Website', '网站'] },
} as const;

/** A competitor field: API name or label mentions competitors (`MainCompetitors__c` "Main Competitor(s)", `Competitor__c`…). */
export const COMPETITOR_FIELD_API = /competitor/i;
export const COMPETITOR_FIELD_LABEL = /competitor|竞争对手|竞品/i;
/** The standard Opportunity related list of OpportunityCompetitor records. */
export const COMPETITOR_LIST_TITLE = /^(competitors|竞争对手)$/i;

/**
 * Salesforce Classic detail page: `.bPageTitle h2.pageDescription` for the record name,
 * `table.detailList` rows of `td.labelCol` + `td.dataCol`. Unchanged since ~2010.
 */
export const CLASSIC = {
  recordName: '.bPageTitle h2.pageDescription',
  detail: '.bDetailBlock table.detailList, table.detailList',
  label: 'td.labelCol',
  value: 'td.dataCol',
  body: ['#bodyCell', '.bodyDiv'],
  exclude: '.pbButton, .pbButtonb, .pbBottomButtons, .pbHeader, .pbSubheader, .listHoverLinks, .pageType, .bPageTitle .links, .ptBreadcrumb, .actionColumn, .headerRow',
} as const;
