/** Issue 19 on the sample pack: the experts, rules, regional variants and product fit a rep sees per account. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validatePack } from '../../../utils/pack/validate';
import { packDerived } from '../../../utils/pack/derived';
import { buildIndex } from '../../../utils/match/index';
import { matchPage } from '../../../utils/match/match';
import { buildView } from '../../../utils/view/buildView';
import { reasonTexts } from '../../../utils/i18n';
import type { KnowledgePack } from '../../../utils/pack/schema';
import type { PageContext } from '../../../utils/sites/types';

const raw = JSON.parse(readFileSync(new URL('../../../assets/sample-pack.json', import.meta.url), 'utf8'));
const checked = validatePack(raw);
if (!checked.ok) throw new Error('sample pack invalid');
const pack: KnowledgePack = checked.pack;
const derived = packDerived(pack).derived;
const index = buildIndex(pack);
const NOW = new Date('2026-12-02T10:00:00Z');

const hubspot = (recordId: string, recordUrl = `https://app.hubspot.com/contacts/4411223/record/0-2/${recordId}`): PageContext => ({
  site: 'hubspot',
  recordType: 'company',
  recordId,
  recordUrl,
  accountName: null,
  domains: [],
  emails: [],
  stage: null,
  competitorsField: [],
  text: '',
});
const SF_NORTHWIND = 'https://lumora-demo.lightning.force.com/lightning/r/Opportunity/0065g00000NwOpp1AAB/view';
const salesforce = (recordId: string, accountId: string, stage: string): PageContext => ({
  site: 'salesforce',
  recordType: 'opportunity',
  recordId,
  recordUrl: `https://lumora-demo.lightning.force.com/lightning/r/Opportunity/${recordId}/view`,
  accountName: null,
  accountId,
  domains: [],
  emails: [],
  stage,
  competitorsField: [],
  text: '',
});

function view(ctx: PageContext, lang = 'en') {
  return buildView({ pack, derived, ctx, match: matchPage(index, ctx, {}), ticks: null, lang, now: NOW });
}

describe('who can help', () => {
  it('Northwind (NA retail, Globex and Beacon in play): the Globex specialist first, with why, and a prefilled link', () => {
    const v = view(salesforce('0065g00000NwOpp1AAB', '0015g00000NwTrdAAB', 'Proposal/Price Quote'));
    expect(v.account?.name).toBe('Northwind Traders');
    expect(v.experts!.map((e) => e.name)).toEqual(['Priya Raman', 'Jonas Keller', 'Marco Bellini']);
    expect(reasonTexts(v.experts![0].reasons, 'en')).toEqual(['Globex Analytics specialist', 'covers Retail', 'NA coverage', 'speaks English']);
    const teams = new URL(v.experts![0].contacts[0].href);
    expect(teams.host).toBe('teams.microsoft.com');
    const msg = teams.searchParams.get('message')!;
    expect(msg).toBe(v.experts![0].message);
    expect(msg).toContain('Northwind Traders');
    expect(msg).toContain(`Stage: ${v.stage!.name}`);
    expect(msg).toContain('Globex Analytics');
    expect(msg).toContain(SF_NORTHWIND);
    const mail = new URL(v.experts![0].contacts[1].href);
    expect(mail.searchParams.get('body')).toBe(msg);
  });

  it('the message holds no page text: not the name the page shows, nor its query', () => {
    const ctx = { ...salesforce('0065g00000NwOpp1AAB', '0015g00000NwTrdAAB', 'Proposal/Price Quote'), accountName: 'SECRET page name', text: 'SECRET note', recordUrl: `${SF_NORTHWIND}?q=SECRET` };
    const v = view(ctx);
    for (const e of v.experts!) {
      expect(e.message).not.toContain('SECRET');
      expect(e.message).toContain('(link not available)');
    }
  });

  it('上海云杉 (Greater China, Shuce and Hooli) in Chinese: the Greater China presales architect first, on WeCom', () => {
    const v = view(hubspot('9876543210'), 'zh-CN');
    expect(v.account?.region).toBe('Greater China');
    const first = v.experts![0];
    expect(first.name).toBe('王磊 (Wang Lei)');
    expect(first.role).toBe('大中华区售前架构师');
    expect(reasonTexts(first.reasons, 'zh-CN')).toContain('负责 Greater China 区域');
    expect(first.contacts.map((c) => c.kind)).toEqual(['wecom', 'dingtalk', 'email']);
    expect(first.contacts[0].carriesMessage).toBe(false);
    expect(first.message).toContain('上海云杉科技有限公司');
    expect(first.message).toContain('https://app.hubspot.com/contacts/4411223/record/0-2/9876543210');
  });

  it('Pinnacle Cloud (APAC, Hooli): the APAC presales engineer first', () => {
    const v = view(hubspot('6120077834'));
    expect(v.experts![0].name).toBe('Tan Wei Lin');
    expect(reasonTexts(v.experts![0].reasons, 'en')).toEqual(['Hooli Cloud specialist', 'Lumora Streams expert', 'APAC coverage', 'speaks English']);
  });
});

describe('rules that apply here', () => {
  it('the data-residency rule on a Greater China account, with date and source, and on no other region', () => {
    const v = view(hubspot('9876543210'), 'zh-CN');
    expect(v.rules!.map((r) => r.id)).toEqual(['gc-data-residency']);
    const r = v.rules![0];
    expect(r.title).toBe('个人信息境内存储（《个人信息保护法》）');
    expect(r.effective).toBe('2021-11-01');
    expect(r.sourceUrl).toBe('https://www.cac.gov.cn/');
    expect(r.stale).toBe(false);
    expect(view(hubspot('6120077834')).rules).toEqual([]);
  });

  it('a rule past its review date is marked', () => {
    const bluefin = view(salesforce('0065g00000BfnOpAA3', '0015g00000BfnCBAA3', 'Value Proposition'));
    expect(bluefin.rules!.map((r) => [r.id, r.stale])).toEqual([['eu-fs-dora', true]]);
  });
});

describe('regional variants', () => {
  const hooli = (id: string) => view(hubspot(id)).cards.find((c) => c.id === 'hooli')!;
  const text = (rich: unknown) => JSON.stringify(rich);

  it('an APAC account gets the APAC pricing, marked; other sections stay global', () => {
    const apac = hooli('6120077834');
    expect(apac.region).toBe('APAC');
    expect(apac.regionalSections).toEqual(['pricing']);
    expect(text(apac.pricing)).toContain('Singapore, Sydney and Tokyo');
    const global = hooli('9876543210');
    expect(global.region).toBeNull();
    expect(text(global.pricing)).toContain('about $5 per TB scanned');
    expect(apac.summary).toEqual(global.summary);
  });
});

describe('product fit', () => {
  it('Northwind (Enterprise retail on Kafka): Lumora Streams fits besides the CDP, with the story and references', () => {
    const p = view(salesforce('0065g00000NwOpp1AAB', '0015g00000NwTrdAAB', 'Proposal/Price Quote')).products!;
    expect(p.fits.map((f) => f.name)).toEqual(['Lumora CDP', 'Lumora Streams']);
    expect(reasonTexts(p.fits[1].reasons, 'en')).toEqual(['Retail scenario', 'fits Enterprise accounts', 'runs Kafka']);
    expect(p.fits[1].references).toEqual(['Harbor & Pine Outfitters']);
    expect(p.notFit).toEqual([]);
  });

  it('Acme (manufacturing, no telemetry known): Streams is not a fit, with the pack’s reason', () => {
    const p = view(salesforce('0065g00000AcmOpAAB', '0015g00000AcmeCAAB', 'Qualification')).products!;
    expect(p.fits.map((f) => f.id)).toEqual(['lumora-cdp']);
    expect(p.notFit.map((f) => f.id)).toEqual(['lumora-streams']);
    expect(p.notFit[0].reason).toMatch(/machine-telemetry feed/);
    expect(reasonTexts(p.notFit[0].reasons, 'en')).toEqual(['needs Azure IoT Hub, AWS IoT Core, MQTT in the stack']);
  });
});
