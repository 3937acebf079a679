/**
 * Dynamics 365 Unified Interface markup the adapter reads. Microsoft keeps `data-id`
 * attributes stable for its own UI automation; every selector here is one that
 * microsoft/EasyRepro (`Microsoft.Dynamics365.UIAutomation.Api.UCI/DTO/AppElementReference.cs`,
 * 2019–2024) or toggl/track-extension `dynamics-365.js` relies on. `<name>` is a column's
 * logical name (`name`, `websiteurl`, `parentaccountid`…).
 */

/** The record form: `[data-id="editFormRoot"]` (EasyRepro Entity_FormContainer). */
export const FORM = '[data-id="editFormRoot"]';
/** Record title: `h1[data-id="header_title"]` (Entity_HeaderTitle); `#headerContainer h1` in older builds (toggl). */
export const TITLE = ['[data-id="header_title"]', '#headerContainer h1'] as const;
/** Form header with the header fields: `div[data-id*="form-header"]` (Entity_Header). */
export const HEADER = 'div[data-id*="form-header"]';

/**
 * A field on the form: `[data-id="<name>-FieldSectionItemContainer"]` (Entity_TextFieldContainer),
 * header fields `[data-id="header_<name>-FieldSectionItemContainer"]`; the label is
 * `label[id*="<name>-field-label"]`.
 */
export const fieldContainer = (name: string): string =>
  `[data-id="${name}-FieldSectionItemContainer"], [data-id="header_${name}-FieldSectionItemContainer"], [data-id="header_${name}"]`;
export const ANY_FIELD = '[data-id$="-FieldSectionItemContainer"]';
export const FIELD_LABEL = 'label[id$="-field-label"]';

/**
 * Values inside a field container, by control:
 * - lookup: `[data-id="<name>.fieldControl-LookupResultsDropdown_<name>_selected_tag"]` (role=link, name as text);
 * - option set: `select[data-id="<name>.fieldControl-option-set-select"]` (selected option) or the
 *   Fluent combobox `button[data-id="<name>.fieldControl-option-set-select"]` (2022+);
 * - text, URL, e-mail, currency, date: `input[data-id^="<name>.fieldControl"]` (value / title);
 * - multi-line text: `textarea[data-id^="<name>.fieldControl"]`.
 */
export const LOOKUP_TAG_ANY = '[data-id*=".fieldControl-LookupResultsDropdown_"][data-id$="_selected_tag"]';

/**
 * Business process flow: stages `li[id^="MscrmControls.Containers.ProcessBreadCrumb-processHeaderStage"]`,
 * name in `[id^="MscrmControls.Containers.ProcessBreadCrumb-processHeaderStageName"]`; the active
 * stage is the one carrying the "Active for n days" status label
 * (`[id="MscrmControls.Containers.ProcessBreadCrumb-stageStatusLabel"]`). EasyRepro BPF_*, Playwright
 * suites 2022–2024. Process name: `[data-id="MscrmControls.Containers.ProcessBreadCrumb-processHeaderNameLabel"]`.
 */
export const BPF_STAGE = 'li[id*="processHeaderStage"]';
export const BPF_STAGE_NAME = '[id*="processHeaderStageName"], [data-id*="processHeaderStageName"]';
export const BPF_ACTIVE_MARK = '[id*="stageStatusLabel"], [data-id*="stageStatusLabel"]';
/** Words in a stage's accessible name that mark it the current one (en, zh-CN). */
export const BPF_ACTIVE_LABEL = /\b(?:active|current)\b|当前|活动/i;
export const BPF_PROCESS_NAME = '[data-id*="processHeaderNameLabel"], [id*="processHeaderNameLabel"]';

/** Sub-grids (related records) and the timeline on the form. */
export const SUBGRID = (name: string): string => `[data-id="${name}-pcf_grid_control_container"], [id="dataSetRoot_${name}"]`;
export const GRID_CELL = '[role="gridcell"]';
export const TIMELINE = '[data-id="notescontrol"], [data-id^="timeline"]';

/** Columns by meaning (logical names). */
export const COLUMNS = {
  website: ['websiteurl'],
  email: ['emailaddress1', 'emailaddress2', 'emailaddress3'],
  account: ['parentaccountid', 'customerid', 'parentcustomerid'],
  company: ['companyname'],
  stage: ['stepname'],
  amount: ['estimatedvalue'],
  closeDate: ['estimatedclosedate'],
  type: ['opportunitytypecode', 'msdyn_opportunitytype'],
} as const;

/** Competitors: the opportunity form's "Competitors" sub-grid, or a custom column named like one. */
export const COMPETITOR_SUBGRID = ['Competitors', 'opportunitycompetitors'] as const;
export const COMPETITOR_COLUMN = /competitor/i;

/** Never record text. */
export const TEXT_EXCLUDE = 'button, h2, [role="menubar"], [role="tablist"], [data-id*="SaveAndClose"], label, [role="toolbar"], [data-id$="_selected_tag_delete"]';
