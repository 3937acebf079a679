/**
 * The evaluation pack: a fictional vendor ("OurCo", ourco.com) with competitors whose
 * names are common words, accounts that share domains, subsidiaries with near-identical
 * names, Chinese names with and without legal suffixes (one written in Traditional
 * only), Chinese competitor names that also occur across two everyday words, and
 * three playbooks mapped to Salesforce and HubSpot stage names. Built here so the evaluation does not move when
 * the sample pack does.
 */
import type { KnowledgePack } from '../../utils/pack/schema';
import { validatePack } from '../../utils/pack/validate';

const battlecard = { summary: 'S', whyWeWin: ['W'], whyWeLose: ['L'], objections: [], landmines: [], proofPoints: [] };
const comp = (id: string, name: string, aliases: unknown[], extra: Record<string, unknown> = {}) => ({
  id,
  name,
  aliases,
  battlecard,
  owner: 'pmm@ourco.com',
  reviewedAt: '2026-01-15',
  reviewEvery: 90,
  ...extra,
});

const stage = (id: string, name: string | Record<string, string>, sf: string[], hs: string[]) => ({
  id,
  name,
  crmStages: { salesforce: sf, hubspot: hs },
  goal: 'Goal',
  exitCriteria: ['Exit'],
  checklist: [{ id: `${id}-1`, text: 'Step', required: true }],
});

const snap = (date: string, usage: number, tickets: number, nps?: number) => ({ date, signals: nps === undefined ? { usage, tickets } : { usage, tickets, nps } });

export const evalPackSource = {
  meta: {
    formatVersion: 1,
    id: 'eval-pack',
    name: { en: 'Evaluation pack', 'zh-CN': '评测知识包' },
    version: '1.0.0',
    publishedAt: '2026-03-01',
    defaultLocale: 'en',
    locales: ['en', 'zh-CN'],
    ownDomains: ['ourco.com', 'ourco.cn'],
    freeMailDomains: ['mailbox.example'],
  },
  competitors: [
    comp('globex', 'Globex', ['Globex Cloud', 'GlobexCRM', '格洛贝斯'], { keywords: ['pricing'], website: 'globex.com', domains: ['globex.cn'] }),
    comp('oracle', 'Oracle', [{ text: 'Oracle', caseSensitive: true }, 'Oracle Cloud', 'Oracle NetSuite', '甲骨文'], {
      exclusions: ['the oracle of', 'oracle of delphi', 'oracle bones'],
    }),
    comp('beacon', 'Beacon CDP', [{ text: 'Beacon', caseSensitive: true, needsContext: true }, 'Beacon CDP', 'BeaconData'], {
      keywords: ['CDP', 'customer data platform', '客户数据平台'],
    }),
    comp('monday', 'Monday Work OS', [{ text: 'Monday', caseSensitive: true, needsContext: true }, 'monday.com', 'Monday Work OS'], {
      keywords: ['work management', 'boards', 'work os'],
    }),
    comp('apex', 'Apex Analytics', [{ text: 'Apex', caseSensitive: true, needsContext: true }, 'Apex Analytics', 'ApexBI'], {
      keywords: ['dashboards', 'BI tool'],
      exclusions: ['apex trigger', 'apex class', 'apex code'],
    }),
    comp('initrode', 'Initrode', ['Initrode', 'Initrode Systems', '英锐'], { keywords: ['migration'] }),
    comp('yunfan', '云帆科技', [{ text: '云帆', needsContext: true }, '云帆科技', '云帆CRM', 'Yunfan', 'Yunfan Tech'], {
      keywords: ['CRM', '销售云', 'SCRM'],
      exclusions: ['直挂云帆'],
    }),
    // Chinese names that also occur across the boundary of two everyday words (多数|策略, 说明|道理, 中华|信用).
    comp('shuce', '数策科技', ['数策', '数策科技', 'ShuCe', 'ShuCe Tech'], { keywords: ['数据中台'], website: 'shuce.cn' }),
    comp('mingdao', '明道云', ['明道', '明道云', 'Mingdao']),
    comp('huaxin', '华信软件', ['华信', '华信软件']),
    comp('slate', 'Slate', [{ text: 'Slate', caseSensitive: true, needsContext: true }, 'Slate CRM', 'SlateHQ'], { keywords: ['CRM', 'pipeline'] }),
  ],
  playbooks: [
    {
      id: 'nb',
      name: { en: 'New business', 'zh-CN': '新业务' },
      motion: 'new_business',
      opportunityTypes: ['New Business', 'New Logo', '新客户'],
      stages: [
        stage('discover', { en: 'Discover', 'zh-CN': '探索' }, ['Prospecting', 'Qualification'], ['appointmentscheduled', 'qualifiedtobuy']),
        stage('propose', { en: 'Propose', 'zh-CN': '方案' }, ['Needs Analysis', 'Proposal/Price Quote'], ['presentationscheduled', 'decisionmakerboughtin']),
        stage('close', { en: 'Close', 'zh-CN': '成交' }, ['Negotiation/Review'], ['contractsent']),
      ],
    },
    {
      id: 'nb-ent',
      name: 'Enterprise new business',
      motion: 'new_business',
      segments: ['Enterprise'],
      opportunityTypes: ['New Business'],
      stages: [
        stage('ent-discover', 'Discover', ['Prospecting', 'Qualification'], ['appointmentscheduled']),
        stage('ent-security', 'Security review', ['Security Review'], ['securityreview']),
        stage('ent-close', 'Close', ['Negotiation/Review'], ['contractsent']),
      ],
    },
    {
      id: 'poc',
      name: 'Proof of concept',
      motion: 'poc',
      opportunityTypes: ['POC', 'Pilot'],
      stages: [stage('poc-scope', 'Scope', ['POC Scoping'], ['pocscoping']), stage('poc-run', 'Run', ['POC Running'], ['pocrunning'])],
    },
    {
      id: 'renew',
      name: 'Renewal and expansion',
      motion: 'renewal_expansion',
      opportunityTypes: ['Renewal', 'Expansion', 'Upsell'],
      stages: [
        stage('renew-review', 'Business review', ['Renewal Review'], ['renewalreview']),
        stage('renew-sign', 'Sign', ['Negotiation/Review'], ['contractsent']),
      ],
    },
  ],
  accounts: [
    {
      id: 'acme',
      name: 'Acme Corporation',
      aliases: ['ACME', 'Acme Corp'],
      domains: ['acme.com', 'acme.co.uk'],
      crmIds: { salesforce: ['001A000001AcmeXAAQ'], hubspot: ['5001'], dynamics: ['{6F9619FF-8B86-D011-B42D-00C04FC964FF}'] },
      segment: 'Enterprise',
      industry: 'Manufacturing',
      competitors: ['globex'],
      stage: { playbookId: 'nb-ent', stageId: 'ent-security' },
      renewalDate: '2026-09-30',
      health: [snap('2026-01-01', 70, 2, 30), snap('2026-02-01', 75, 1, 35), snap('2026-03-01', 80, 1, 40)],
    },
    { id: 'initech', name: 'Initech LLC', domains: ['initech.io'], crmIds: { salesforce: ['001A000002InitXAAQ'] }, segment: 'SMB' },
    { id: 'umbrella', name: 'Umbrella Corporation', domains: ['umbrella.com'], segment: 'Enterprise' },
    { id: 'umbrella-pharma', name: 'Umbrella Pharma', domains: ['umbrella.com', 'umbrellapharma.com'], segment: 'Mid-Market' },
    { id: 'stark', name: 'Stark Industries', aliases: ['Stark Intl'], domains: ['starkindustries.com'], crmIds: { hubspot: ['5002'] }, competitors: ['oracle', 'apex'] },
    { id: 'wayne', name: 'Wayne Enterprises, Inc.', domains: ['wayne.com'], segment: 'Enterprise', stage: { playbookId: 'renew', stageId: 'renew-review' } },
    { id: 'bramble', name: 'Bramble Foods PLC', domains: ['bramble.co.uk'], segment: 'Mid-Market' },
    { id: 'kangaroo', name: 'Kangaroo Logistics Pty Ltd', domains: ['kangaroo.com.au'] },
    { id: 'sakura', name: 'Sakura Motors K.K.', domains: ['sakura-motors.co.jp'] },
    { id: 'pixel', name: 'Pixel Studio', domains: ['pixelstudio.github.io'] },
    { id: 'beacon-health', name: 'Beacon Health GmbH', domains: ['beacon-health.de'], competitors: [] },
    { id: 'xingyun', name: '星云科技有限公司', aliases: ['Nebula Technology', '星云科技'], domains: ['xingyun.com.cn'], segment: 'Enterprise', competitors: ['yunfan'] },
    { id: 'xingyun-data', name: '北京星云数据有限公司', aliases: ['星云数据'], domains: ['xingyundata.cn'] },
    { id: 'lanhai', name: '上海蓝海信息技术股份有限公司', aliases: ['Blue Ocean IT'], domains: ['lanhai-it.com'], crmIds: { salesforce: ['001A000003LanhXAAQ'] } },
    { id: 'jinshan', name: '金山智能（中国）有限公司', domains: ['jinshan-ai.cn'] },
    { id: 'hooli', name: 'Hooli Industries', domains: ['hooli.xyz'], segment: 'SMB' },
    { id: 'vandelay', name: 'Vandelay Industries', domains: ['eu.vandelay.com'] },
    { id: 'soylent', name: 'Soylent Partners', domains: ['soylent.com'], aliases: ['Soylent'] },
    { id: 'apex-systems-us', name: 'Apex Systems US', domains: ['apexsys.com'] },
    { id: 'apex-systems-eu', name: 'Apex Systems Europe', domains: ['apexsys.eu'], aliases: ['Apex Systems EU'] },
    // Written in Traditional only: Simplified pages must still find it.
    { id: 'tianyu', name: '天宇資訊股份有限公司', domains: ['tianyu.com.tw'] },
    { id: 'gringotts', name: 'Gringotts Bank S.A.', domains: ['gringotts.bank'], crmIds: { pipedrive: ['77'], zoho: ['zc-1001'] } },
  ],
  healthModel: {
    measures: [
      { id: 'usage', label: 'Usage', weight: 3, direction: 'higher_better', thresholds: { poor: 20, good: 80 } },
      { id: 'tickets', label: 'P1 tickets', weight: 1, direction: 'lower_better', thresholds: { poor: 10, good: 0 } },
      { id: 'nps', label: 'NPS', weight: 2, direction: 'higher_better', thresholds: { poor: -20, good: 50 } },
    ],
    bands: [
      { id: 'red', label: 'At risk', min: 0, color: 'red' },
      { id: 'yellow', label: 'Watch', min: 51, color: 'yellow' },
      { id: 'green', label: 'Healthy', min: 76, color: 'green' },
    ],
  },
};

export function evalPack(): KnowledgePack {
  const r = validatePack(evalPackSource);
  if (!r.ok) throw new Error(`evaluation pack is invalid:\n${r.errors.map((e) => `${e.path}: ${e.message}`).join('\n')}`);
  return r.pack;
}
