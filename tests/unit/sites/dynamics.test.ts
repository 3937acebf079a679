import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../../../utils/sites/dynamics/extract';
import { isDynamicsHost, parseRecordUrl } from '../../../utils/sites/dynamics/urls';
import { FIXTURES, parse } from './helpers';

const ID = '8a1b2c3d-0000-4e5f-9a8b-1c2d3e4f5a6b';

describe('Dynamics 365 hosts', () => {
  it.each([
    ['contoso.crm.dynamics.com', true],
    ['contoso.crm4.dynamics.com', true],
    ['contoso.crm11.dynamics.com', true],
    ['contoso.crm.dynamics.cn', true],
    ['contoso.crm9.dynamics.com', true],
    ['contoso.crm.microsoftdynamics.us', true],
    ['contoso.api.crm.dynamics.com', false],
    ['make.powerapps.com', false],
    ['businesscentral.dynamics.com', false],
    ['dynamics.microsoft.com', false],
  ])('%s → %s', (host, ok) => expect(isDynamicsHost(host)).toBe(ok));
});

describe('Dynamics 365 record URLs', () => {
  const b = 'https://contoso.crm.dynamics.com/main.aspx';
  it.each([
    [`?appid=2d3e4f5a-1111-4222-8333-944455566677&pagetype=entityrecord&etn=opportunity&id=${ID}`, 'opportunity', 'opportunity'],
    [`?pagetype=entityrecord&etn=account&id=%7B${ID.toUpperCase()}%7D`, 'account', 'account'],
    [`?etn=contact&pagetype=entityrecord&id={${ID}}&forceUCI=1`, 'contact', 'contact'],
    [`?etn=lead&pagetype=entityrecord&id=${ID}`, 'lead', 'lead'],
    [`?etn=incident&pagetype=entityrecord&id=${ID}`, 'incident', 'case'],
    [`?etc=3&id=%7b${ID}%7d&pagetype=entityrecord`, 'opportunity', 'opportunity'],
    [`?etc=1&id=%7b${ID}%7d&pagetype=entityrecord`, 'account', 'account'],
  ])('%s → %s', (q, entity, recordType) => expect(parseRecordUrl(new URL(b + q))).toEqual({ entity, id: ID, recordType }));

  it.each([
    `?pagetype=entitylist&etn=opportunity&viewid=00000000-0000-0000-00aa-000010003001`,
    `?pagetype=dashboard&id=${ID}`,
    `?pagetype=entityrecord&etn=opportunity`,
    `?pagetype=entityrecord&etn=quote&id=${ID}`,
    `?pagetype=entityrecord&etn=opportunity&id=not-a-guid`,
    `?pagetype=search&searchText=fourth`,
    '?settingsonly=true',
  ])('%s → not a record', (q) => expect(parseRecordUrl(new URL(b + q))).toBeNull());

  it('only main.aspx', () => {
    expect(parseRecordUrl(new URL(`https://contoso.crm.dynamics.com/tools/main.aspx?pagetype=entityrecord&etn=account&id=${ID}`))).not.toBeNull();
    expect(parseRecordUrl(new URL(`https://contoso.crm.dynamics.com/api/data/v9.2/accounts(${ID})`))).toBeNull();
  });
});

describe('Dynamics 365 form reading', () => {
  const url = new URL(`https://fourthcoffee.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=opportunity&id=${ID}`);
  const html = () => readFileSync(join(FIXTURES, 'dynamics/opportunity.html'), 'utf8');

  it('without a business process flow the stage comes from the pipeline-phase column', () => {
    const doc = parse(html().replace(/<section id="MscrmControls\.Containers\.ProcessBreadCrumb[\s\S]*?<\/section>/, '')
      .replace('<section data-id="SUMMARY_TAB_section">', '<section data-id="SUMMARY_TAB_section"><div data-id="stepname-FieldSectionItemContainer"><label id="x-stepname-field-label">Pipeline Phase</label><input data-id="stepname.fieldControl-text-box-text" value="3-Propose"></div>'));
    expect(extract(doc, url)?.stage).toBe('3-Propose');
  });

  it('a record URL whose form has not rendered gives null', () => {
    expect(extract(parse('<html><body><div id="ApplicationShell"></div></body></html>'), url)).toBeNull();
  });
});
