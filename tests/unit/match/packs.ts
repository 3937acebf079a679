/**
 * Small hand-built packs for the matcher and health tests. Every pack goes through
 * `validatePack`, so the fixtures stay honest against schema v1.
 */
import type { KnowledgePack } from '../../../utils/pack/schema';
import { validatePack } from '../../../utils/pack/validate';
import type { PageContext } from '../../../utils/sites/types';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends (infer U)[] ? U[] : T[K] extends object ? DeepPartial<T[K]> : T[K] };

export const battlecard = {
  summary: 'Summary.',
  whyWeWin: ['We win.'],
  whyWeLose: ['We lose.'],
  objections: [],
  landmines: [],
  proofPoints: [],
};

export function competitor(id: string, name: string, extra: Record<string, unknown> = {}) {
  return { id, name, aliases: [], battlecard, owner: 'pmm@ourco.com', reviewedAt: '2026-01-01', reviewEvery: 90, ...extra };
}

export function account(id: string, name: string, extra: Record<string, unknown> = {}) {
  return { id, name, ...extra };
}

const stage = (id: string, name: string, sf: string[], hs: string[]) => ({
  id,
  name,
  crmStages: { salesforce: sf, hubspot: hs },
  goal: `Goal of ${name}`,
  exitCriteria: ['Done'],
  checklist: [{ id: `${id}-c1`, text: 'Do it', required: true }],
});

export const playbooks = [
  {
    id: 'nb',
    name: { en: 'New business', 'zh-CN': '新业务' },
    motion: 'new_business',
    opportunityTypes: ['New Business', 'New Logo'],
    stages: [
      stage('nb-discover', 'Discover', ['Prospecting', 'Qualification'], ['appointmentscheduled']),
      stage('nb-propose', 'Propose', ['Proposal/Price Quote'], ['presentationscheduled', 'decisionmakerboughtin']),
      stage('nb-close', 'Close', ['Negotiation/Review'], ['contractsent']),
    ],
  },
  {
    id: 'nb-ent',
    name: 'New business (enterprise)',
    motion: 'new_business',
    segments: ['Enterprise'],
    opportunityTypes: ['New Business'],
    stages: [stage('ent-discover', 'Discover', ['Prospecting', 'Qualification'], ['appointmentscheduled']), stage('ent-security', 'Security review', ['Security Review'], [])],
  },
  {
    id: 'poc',
    name: 'Proof of concept',
    motion: 'poc',
    opportunityTypes: ['POC', 'Pilot'],
    stages: [stage('poc-scope', 'Scope', ['POC Scoping'], ['poc_scoping']), stage('poc-run', 'Run', ['POC Running'], [])],
  },
  {
    id: 'renew',
    name: 'Renewal and expansion',
    motion: 'renewal_expansion',
    opportunityTypes: ['Renewal', 'Expansion'],
    stages: [stage('renew-review', 'Review', ['Renewal Review'], []), stage('renew-sign', 'Sign', ['Negotiation/Review'], ['contractsent'])],
  },
];

export const healthModel = {
  measures: [
    { id: 'usage', label: 'Weekly active users %', weight: 3, direction: 'higher_better', thresholds: { poor: 20, good: 80 } },
    { id: 'tickets', label: 'Open P1 tickets', weight: 1, direction: 'lower_better', thresholds: { poor: 10, good: 0 } },
    { id: 'nps', label: 'NPS', weight: 2, direction: 'higher_better', thresholds: { poor: -20, good: 50 } },
  ],
  bands: [
    { id: 'red', label: 'At risk', min: 0, color: 'red', play: 'Call the sponsor.' },
    { id: 'yellow', label: 'Watch', min: 51, color: 'yellow' },
    { id: 'green', label: 'Healthy', min: 76, color: 'green' },
  ],
};

export function makePack(parts: { accounts?: unknown[]; competitors?: unknown[]; playbooks?: unknown[]; healthModel?: unknown; meta?: Record<string, unknown> } = {}): KnowledgePack {
  const raw = {
    meta: {
      formatVersion: 1,
      id: 'test-pack',
      name: 'Test pack',
      version: '1.0.0',
      publishedAt: '2026-03-01',
      defaultLocale: 'en',
      locales: ['en', 'zh-CN'],
      ownDomains: ['ourco.com'],
      ...parts.meta,
    },
    competitors: parts.competitors ?? [],
    playbooks: parts.playbooks ?? playbooks,
    accounts: parts.accounts ?? [],
    healthModel: parts.healthModel ?? healthModel,
  };
  const r = validatePack(raw);
  if (!r.ok) throw new Error(`test pack is invalid:\n${r.errors.map((e) => `${e.path}: ${e.message}`).join('\n')}`);
  return r.pack;
}

export function page(p: DeepPartial<PageContext> & { site?: PageContext['site'] }): PageContext {
  return {
    site: 'generic',
    recordType: 'record',
    recordId: null,
    accountName: null,
    domains: [],
    emails: [],
    stage: null,
    competitorsField: [],
    text: '',
    ...(p as Partial<PageContext>),
  };
}
