import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../utils/match/index';
import { matchPage } from '../../../utils/match/match';
import { account, makePack, page } from './packs';

const pack = makePack({
  accounts: [
    account('acme', 'Acme', { domains: ['acme.com'], segment: 'Enterprise', stage: { playbookId: 'renew', stageId: 'renew-review' } }),
    account('smb', 'Small Shop', { domains: ['smallshop.com'], segment: 'SMB' }),
    account('ent', 'Big Corp', { domains: ['bigcorp.com'], segment: 'enterprise' }),
    account('nostage', 'No Stage', { domains: ['nostage.com'] }),
  ],
});
const index = buildIndex(pack);

describe('playbook', () => {
  it('by opportunity type, case-insensitive', () => {
    const r = matchPage(index, page({ site: 'salesforce', recordType: 'opportunity', opportunityType: 'renewal', domains: ['smallshop.com'] }));
    expect(r.playbookId).toBe('renew');
    expect(r.playbookReasons).toEqual([{ code: 'playbook_motion', params: { playbook: 'Renewal and expansion', playbookId: 'renew', motion: 'renewal_expansion', type: 'renewal' } }]);
  });

  it('by opportunity type, the segment decides between playbooks listing the same type', () => {
    expect(matchPage(index, page({ opportunityType: 'New Business', domains: ['bigcorp.com'] })).playbookId).toBe('nb-ent');
    expect(matchPage(index, page({ opportunityType: 'New Business', domains: ['smallshop.com'] })).playbookId).toBe('nb');
  });

  it('an opportunity type nobody lists still implies a motion', () => {
    const r = matchPage(index, page({ opportunityType: 'Paid Pilot FY27' }));
    expect(r.playbookId).toBe('poc');
    expect(r.playbookReasons[0].code).toBe('playbook_motion');
  });

  it('by a CRM stage name found in exactly one playbook', () => {
    const r = matchPage(index, page({ site: 'salesforce', recordType: 'opportunity', stage: 'POC Running', domains: ['smallshop.com'] }));
    expect(r.playbookId).toBe('poc');
    expect(r.playbookReasons[0]).toMatchObject({ code: 'playbook_stage', params: { stage: 'POC Running', source: 'crm' } });
    expect(r.stage).toMatchObject({ playbookId: 'poc', stageId: 'poc-run', source: 'crm' });
  });

  it("by the account's stage in the pack", () => {
    const r = matchPage(index, page({ domains: ['acme.com'] }));
    expect(r.playbookId).toBe('renew');
    expect(r.playbookReasons[0]).toMatchObject({ code: 'playbook_stage', params: { source: 'pack', stage: 'Review' } });
  });

  it("by the account's segment (new business), else the default", () => {
    const ent = matchPage(index, page({ domains: ['bigcorp.com'] }));
    expect(ent.playbookId).toBe('nb-ent');
    expect(ent.playbookReasons[0]).toMatchObject({ code: 'playbook_segment', params: { segment: 'enterprise' } });
    const none = matchPage(index, page({ domains: ['nostage.com'] }));
    expect(none.playbookId).toBe('nb');
    expect(none.playbookReasons[0]).toEqual({ code: 'playbook_default', params: { playbook: 'New business', playbookId: 'nb' } });
  });
});

describe('stage', () => {
  it('maps the CRM stage name per CRM (Salesforce and HubSpot picklists differ)', () => {
    const sf = matchPage(index, page({ site: 'salesforce', recordType: 'opportunity', opportunityType: 'New Logo', stage: 'Proposal/Price Quote' }));
    expect(sf.stage).toMatchObject({ playbookId: 'nb', stageId: 'nb-propose', source: 'crm' });
    expect(sf.stage!.reasons[0]).toMatchObject({ code: 'stage_crm', params: { stage: 'Proposal/Price Quote', site: 'salesforce', stageId: 'nb-propose' } });
    const hs = matchPage(index, page({ site: 'hubspot', recordType: 'deal', opportunityType: 'New Logo', stage: 'DecisionMakerBoughtIn' }));
    expect(hs.stage).toMatchObject({ stageId: 'nb-propose', source: 'crm' });
    // A Salesforce name on HubSpot does not map: HubSpot has its own mapping.
    const wrong = matchPage(index, page({ site: 'hubspot', recordType: 'deal', opportunityType: 'New Logo', stage: 'Proposal/Price Quote' }));
    expect(wrong.stage).toBeNull();
  });

  it('on a site that is not a CRM, any CRM name maps', () => {
    const r = matchPage(index, page({ site: 'generic', opportunityType: 'Renewal', stage: 'contractsent' }));
    expect(r.stage).toMatchObject({ playbookId: 'renew', stageId: 'renew-sign', source: 'crm' });
  });

  it('a stage name shared by two playbooks is resolved by the account', () => {
    // "Negotiation/Review" is both nb-close and renew-sign; Acme is known to be in the renewal playbook.
    const r = matchPage(index, page({ site: 'salesforce', recordType: 'opportunity', stage: 'Negotiation/Review', domains: ['acme.com'] }));
    expect(r.playbookId).toBe('renew');
    expect(r.stage).toMatchObject({ stageId: 'renew-sign', source: 'crm' });
  });

  it('remembered stage with its date when the page shows none', () => {
    const r = matchPage(index, page({ site: 'gmail', recordType: 'thread', emails: ['x@acme.com'] }), {
      rememberedStage: { playbookId: 'renew', stageId: 'renew-sign', seenAt: '2026-02-10T09:00:00Z' },
    });
    expect(r.stage).toMatchObject({ playbookId: 'renew', stageId: 'renew-sign', source: 'remembered' });
    expect(r.stage!.reasons[0]).toEqual({ code: 'stage_remembered', params: { stage: 'Sign', stageId: 'renew-sign', date: '2026-02-10T09:00:00Z' } });
  });

  it('a remembered stage that no longer exists is ignored, the pack stage is used', () => {
    const r = matchPage(index, page({ emails: ['x@acme.com'] }), { rememberedStage: { playbookId: 'renew', stageId: 'gone', seenAt: '2026-02-10' } });
    expect(r.stage).toMatchObject({ stageId: 'renew-review', source: 'pack' });
    expect(r.stage!.reasons[0]).toEqual({ code: 'stage_pack', params: { stage: 'Review', stageId: 'renew-review' } });
  });

  it('no stage when nothing says one', () => {
    expect(matchPage(index, page({ domains: ['smallshop.com'] })).stage).toBeNull();
  });
});
