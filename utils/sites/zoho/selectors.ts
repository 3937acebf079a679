/**
 * Zoho CRM detail-page markup (the CRUX/Lyte UI, 2021–2025). Zoho's QA hooks are
 * `data-zcqa` attributes; these come from Zoho's own CRUX component templates
 * (`crux-detailpage-header`, `crux-detailpage-sections`) and Selenium suites written
 * against crm.zoho.com. `<COLUMN>` is the field's column name (`ACCOUNTNAME`, `STAGE`…).
 */

/** Header: `crux-detailpage-header div.cxDvHeaderParent #recordDetails span#recHeader1.cxDvRecordHeader1`. */
export const HEADER = 'crux-detailpage-header, .cxDvHeaderParent';
export const RECORD_NAME = ['#recHeader1', '.cxDvRecordHeader1'] as const;

/**
 * Field rows: `div.cxDvBcInfoFormRow` holding the label `div.cxDvInfoFormField[data-zcqa="dtVw_lbl_<COLUMN>"]`
 * and the value `div.dvValueContainer.cxDvInfoValue` (business-card rows use `bc_dtVw_lbl_<COLUMN>`).
 */
export const FIELD_LABEL = '[data-zcqa^="dtVw_lbl_"], [data-zcqa^="bc_dtVw_lbl_"]';
export const FIELD_VALUE = '.dvValueContainer, .cxDvInfoValue';
export const LABEL_COLUMN = /^(?:bc_)?dtVw_lbl_(.+)$/;

/** Sections (`div[data-zcqa="secDiv_<Section_Name>"]`) and related lists (`crm-relatedlist`): the record's text. */
export const SECTION = '[data-zcqa^="secDiv_"]';
export const RELATED_LIST = 'crm-relatedlist';

/** Edit icons, save/cancel buttons, section names, tags and menus are chrome. */
export const TEXT_EXCLUDE = [
  'lyte-button', 'lyte-menu', 'button', '.cxDvRecordUserImage', '.cxRelListHeader', '.cxDvFieldEditIcon', '.cxDvSaveCancelSection', '.cxDvReadOnlyWrap',
  '.cxDvSectionName', '.cxDvInfoFormField', '.cxDvBcInfoFormField', 'crux-detailpage-tags', '[data-zcqa="backOneLevel"]',
].join(', ');

/** Fields by meaning: column names first, labels (en) as a fallback. */
export const FIELDS = {
  website: { columns: ['WEBSITE'], labels: ['Website'] },
  email: { columns: ['EMAIL', 'SECONDARYEMAIL'], labels: ['Email', 'Secondary Email'] },
  account: { columns: ['ACCOUNTID', 'ACCOUNTNAME'], labels: ['Account Name'] },
  company: { columns: ['COMPANY'], labels: ['Company'] },
  stage: { columns: ['STAGE'], labels: ['Stage'] },
  amount: { columns: ['AMOUNT'], labels: ['Amount'] },
  closeDate: { columns: ['CLOSINGDATE'], labels: ['Closing Date'] },
  type: { columns: ['POTENTIALTYPE', 'TYPE'], labels: ['Type'] },
} as const;

export const COMPETITOR = /competitor|竞争对手|竞品/i;
