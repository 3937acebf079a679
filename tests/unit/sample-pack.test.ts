/**
 * The embedded default pack (assets/sample-pack.json): demo pages and end-to-end tests
 * depend on its accounts, ids and CRM mappings, so they are pinned here.
 *
 * Health bands are computed with a local helper on purpose (not utils/health): this
 * test checks the pack's data against the documented scoring rule.
 */
import { describe, expect, it } from 'vitest';
import samplePack from '../../assets/sample-pack.json';
import type { HealthModel, KnowledgePack, Text } from '../../utils/pack/schema';
import { validatePack } from '../../utils/pack/validate';
import { claimText } from '../../utils/pack/claims';

const result = validatePack(samplePack);
const pack = (result.ok ? result.pack : undefined) as KnowledgePack;

const SALESFORCE_OPEN = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Value Proposition',
  'Id. Decision Makers',
  'Perception Analysis',
  'Proposal/Price Quote',
  'Negotiation/Review',
];
const SALESFORCE_CLOSED = ['Closed Won', 'Closed Lost'];
const HUBSPOT = [
  ['Appointment Scheduled', 'appointmentscheduled'],
  ['Qualified To Buy', 'qualifiedtobuy'],
  ['Presentation Scheduled', 'presentationscheduled'],
  ['Decision Maker Bought-In', 'decisionmakerboughtin'],
  ['Contract Sent', 'contractsent'],
  ['Closed Won', 'closedwon'],
  ['Closed Lost', 'closedlost'],
];

/** Linear poor→0 / good→100, clamped; weighted mean over present measures; highest band with min ≤ score. */
function scoreOf(model: HealthModel, signals: Record<string, number>): number {
  let sum = 0;
  let weight = 0;
  for (const m of model.measures) {
    const raw = signals[m.id];
    if (raw === undefined) continue;
    const s = Math.min(100, Math.max(0, ((raw - m.thresholds.poor) / (m.thresholds.good - m.thresholds.poor)) * 100));
    sum += s * m.weight;
    weight += m.weight;
  }
  return weight > 0 ? sum / weight : 0;
}
function bandOf(model: HealthModel, score: number): string {
  return [...model.bands].sort((a, b) => b.min - a.min).find((b) => b.min <= score)!.id;
}
function latest(accountId: string) {
  const a = pack.accounts.find((x) => x.id === accountId)!;
  const scores = [...a.health].sort((x, y) => x.date.localeCompare(y.date)).map((h) => scoreOf(pack.healthModel, h.signals));
  const score = scores[scores.length - 1];
  return { score, previous: scores[scores.length - 2], band: bandOf(pack.healthModel, score) };
}

/** Every prose Text in the pack, with its path. */
function proseTexts(p: KnowledgePack): [string, Text | undefined][] {
  const out: [string, Text | undefined][] = [['meta.name', p.meta.name]];
  p.scenarios.forEach((s, i) => {
    for (const k of ['useCase', 'scenario', 'advantage', 'value'] as const) out.push([`scenarios[${i}].${k}`, s[k]]);
  });
  p.competitors.forEach((c, i) => {
    const b = c.battlecard;
    const at = `competitors[${i}].battlecard`;
    // Claims may carry a source and a date: their text is what needs both locales.
    out.push([`${at}.summary`, b.summary], [`${at}.pricing`, b.pricing === undefined ? undefined : claimText(b.pricing)]);
    for (const k of ['whyWeWin', 'whyWeLose', 'landmines', 'proofPoints'] as const) b[k].forEach((t, j) => out.push([`${at}.${k}[${j}]`, claimText(t)]));
    b.objections.forEach((o, j) => {
      for (const k of ['objection', 'response', 'proof'] as const) out.push([`${at}.objections[${j}].${k}`, o[k]]);
    });
  });
  p.playbooks.forEach((pb, i) => {
    out.push([`playbooks[${i}].name`, pb.name]);
    pb.stages.forEach((s, j) => {
      const at = `playbooks[${i}].stages[${j}]`;
      out.push([`${at}.name`, s.name], [`${at}.goal`, s.goal], [`${at}.guidance`, s.guidance]);
      s.exitCriteria.forEach((t, k) => out.push([`${at}.exitCriteria[${k}]`, t]));
      s.checklist.forEach((c, k) => out.push([`${at}.checklist[${k}].text`, c.text]));
    });
  });
  p.healthModel.measures.forEach((m, i) => out.push([`healthModel.measures[${i}].label`, m.label]));
  p.healthModel.bands.forEach((b, i) => out.push([`healthModel.bands[${i}].label`, b.label]));
  p.healthModel.bands.filter((b) => b.play !== undefined).forEach((b) => out.push([`healthModel.bands[${b.id}].play`, b.play]));
  p.accounts.forEach((a, i) => a.health.forEach((h, j) => h.note !== undefined && out.push([`accounts[${i}].health[${j}].note`, h.note])));
  return out;
}

const lower = (xs: string[] | undefined) => (xs ?? []).map((x) => x.toLowerCase());

describe('sample pack', () => {
  it('validates with zero errors and zero warnings', () => {
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(pack.meta).toMatchObject({ formatVersion: 1, id: 'lumora-sample', version: '1.0.0', publishedAt: '2026-11-02', defaultLocale: 'en' });
    expect(pack.meta.locales).toEqual(['en', 'zh-CN']);
    expect(pack.meta.ownDomains).toEqual(expect.arrayContaining(['lumora.io', 'lumora.cn']));
  });

  it('has every prose text in both en and zh-CN', () => {
    const texts = proseTexts(pack);
    expect(texts.length).toBeGreaterThan(300);
    const missing = texts
      .filter(([, t]) => t !== undefined)
      .filter(([, t]) => typeof t === 'string' || !t!.en?.trim() || !t!['zh-CN']?.trim())
      .map(([path]) => path);
    expect(missing).toEqual([]);
  });

  it('has at least 4 competitors with every battlecard section filled', () => {
    expect(pack.competitors.length).toBeGreaterThanOrEqual(4);
    for (const c of pack.competitors) {
      const b = c.battlecard;
      expect(b.summary, c.id).toBeTruthy();
      expect(b.pricing, c.id).toBeTruthy();
      expect(b.whyWeWin.length, c.id).toBeGreaterThanOrEqual(3);
      expect(b.whyWeLose.length, c.id).toBeGreaterThanOrEqual(3);
      expect(b.objections.length, c.id).toBeGreaterThanOrEqual(3);
      for (const o of b.objections) expect(o.proof, `${c.id}/${o.id}`).toBeTruthy();
      expect(b.landmines.length, c.id).toBeGreaterThanOrEqual(2);
      expect(b.proofPoints.length, c.id).toBeGreaterThanOrEqual(2);
      expect(c.owner, c.id).toBeTruthy();
    }
  });

  it('covers the matcher traps: a common-word competitor, a Chinese competitor, a stale card', () => {
    const beacon = pack.competitors.find((c) => c.id === 'beacon')!;
    expect(beacon.aliases).toContainEqual({ text: 'Beacon', caseSensitive: true, needsContext: true });
    expect(beacon.keywords.length).toBeGreaterThan(0);
    expect(beacon.exclusions).toEqual(expect.arrayContaining(['beacon of hope', 'beacon of light']));
    const shuce = pack.competitors.find((c) => c.id === 'shuce')!;
    expect(shuce.aliases).toEqual(expect.arrayContaining(['数策', '数策科技', 'ShuCe']));
    const hooli = pack.competitors.find((c) => c.id === 'hooli')!;
    expect(hooli).toMatchObject({ reviewedAt: '2026-03-01', reviewEvery: 90 });
  });

  it('has three playbooks, one per motion, with 4–7 stages and 3–6 checklist items each', () => {
    expect(pack.playbooks.map((p) => [p.id, p.motion])).toEqual([
      ['new-business', 'new_business'],
      ['poc', 'poc'],
      ['renewal', 'renewal_expansion'],
    ]);
    for (const p of pack.playbooks) {
      expect(p.stages.length, p.id).toBeGreaterThanOrEqual(4);
      expect(p.stages.length, p.id).toBeLessThanOrEqual(7);
      expect(p.opportunityTypes.length, p.id).toBeGreaterThan(0);
      for (const s of p.stages) {
        expect(s.exitCriteria.length, `${p.id}/${s.id}`).toBeGreaterThanOrEqual(2);
        expect(s.checklist.length, `${p.id}/${s.id}`).toBeGreaterThanOrEqual(3);
        expect(s.checklist.length, `${p.id}/${s.id}`).toBeLessThanOrEqual(6);
        expect(s.checklist.some((c) => c.required), `${p.id}/${s.id}`).toBe(true);
      }
    }
  });

  it('maps every Salesforce and HubSpot default stage to exactly one new-business stage', () => {
    const nb = pack.playbooks.find((p) => p.id === 'new-business')!;
    for (const name of [...SALESFORCE_OPEN, ...SALESFORCE_CLOSED]) {
      const hits = nb.stages.filter((s) => lower(s.crmStages?.salesforce).includes(name.toLowerCase()));
      expect(hits.map((s) => s.id), `salesforce "${name}"`).toHaveLength(1);
    }
    for (const [label, id] of HUBSPOT) {
      const byLabel = nb.stages.filter((s) => lower(s.crmStages?.hubspot).includes(label.toLowerCase()));
      const byId = nb.stages.filter((s) => lower(s.crmStages?.hubspot).includes(id));
      expect(byLabel.map((s) => s.id), `hubspot "${label}"`).toHaveLength(1);
      expect(byId.map((s) => s.id), `hubspot "${id}"`).toEqual(byLabel.map((s) => s.id));
    }
  });

  it('maps the Salesforce open stages in the POC and renewal playbooks too', () => {
    for (const id of ['poc', 'renewal']) {
      const p = pack.playbooks.find((x) => x.id === id)!;
      for (const name of SALESFORCE_OPEN) {
        expect(p.stages.some((s) => lower(s.crmStages?.salesforce).includes(name.toLowerCase())), `${id}: ${name}`).toBe(true);
      }
    }
  });

  it('has at least 6 scenarios across industries that accounts use', () => {
    expect(pack.scenarios.length).toBeGreaterThanOrEqual(6);
    const industries = new Set(pack.scenarios.map((s) => s.industry.toLowerCase()));
    for (const a of pack.accounts) expect(industries.has(a.industry!.toLowerCase()), `${a.id}: ${a.industry}`).toBe(true);
  });

  it('has a health model whose weights sum to 1 and red/yellow/green bands at 0/51/76', () => {
    const total = pack.healthModel.measures.reduce((s, m) => s + m.weight, 0);
    expect(total).toBeCloseTo(1, 9);
    expect(pack.healthModel.bands.map((b) => [b.id, b.min, b.color])).toEqual([
      ['red', 0, 'red'],
      ['yellow', 51, 'yellow'],
      ['green', 76, 'green'],
    ]);
    expect(pack.healthModel.bands.find((b) => b.id === 'red')!.play).toBeTruthy();
  });

  it('has at least 20 accounts, each with 3+ snapshots and a mix of red, yellow and green', () => {
    expect(pack.accounts.length).toBeGreaterThanOrEqual(20);
    for (const a of pack.accounts) expect(a.health.length, a.id).toBeGreaterThanOrEqual(3);
    const counts: Record<string, number> = {};
    for (const a of pack.accounts) {
      const { band, score } = latest(a.id);
      counts[band] = (counts[band] ?? 0) + 1;
      // Keep clear of the band edges so rounding in the UI can't flip a band.
      expect(Math.abs(score - 51) >= 1 && Math.abs(score - 76) >= 1, `${a.id} score ${score}`).toBe(true);
    }
    expect(counts.red).toBeGreaterThanOrEqual(3);
    expect(counts.yellow).toBeGreaterThanOrEqual(3);
    expect(counts.green).toBeGreaterThanOrEqual(3);
    // Some accounts miss a measure in their latest snapshot.
    const missing = pack.accounts.filter((a) => Object.keys(a.health[a.health.length - 1].signals).length < pack.healthModel.measures.length);
    expect(missing.length).toBeGreaterThanOrEqual(2);
  });

  it('has at least 6 Chinese companies and the shared-domain trap', () => {
    expect(pack.accounts.filter((a) => /[\u4e00-\u9fff].*(有限公司|股份有限公司)$/.test(a.name)).length).toBeGreaterThanOrEqual(6);
    const onInitech = pack.accounts.filter((a) => a.domains.includes('initech.com')).map((a) => a.id);
    expect(onInitech.sort()).toEqual(['initech', 'initech-labs']);
  });

  describe('required accounts (demo pages and e2e tests use these exactly)', () => {
    const acc = (id: string) => pack.accounts.find((a) => a.id === id)!;
    const stageFor = (playbookId: string, site: 'salesforce' | 'hubspot', crmStage: string) =>
      pack.playbooks.find((p) => p.id === playbookId)!.stages.find((s) => lower(s.crmStages?.[site]).includes(crmStage.toLowerCase()))!.id;

    it('northwind', () => {
      const a = acc('northwind');
      expect(a).toMatchObject({
        name: 'Northwind Traders',
        domains: ['northwindtraders.com'],
        crmIds: { salesforce: ['0015g00000NwTrdAAB'] },
        segment: 'Enterprise',
        industry: 'Retail',
        region: 'NA',
        owner: 'Dana Whitfield',
        competitors: ['globex', 'beacon'],
        stage: { playbookId: 'new-business', stageId: stageFor('new-business', 'salesforce', 'Proposal/Price Quote') },
      });
      const h = latest('northwind');
      expect(h.band).toBe('yellow');
      expect(h.score).toBeLessThan(h.previous);
    });

    it('yunshan', () => {
      expect(acc('yunshan')).toMatchObject({
        name: '上海云杉科技有限公司',
        aliases: ['云杉科技', 'Yunshan Technology', 'Yunshan Tech'],
        domains: ['yunshan-tech.cn'],
        crmIds: { hubspot: ['9876543210'] },
        segment: 'Enterprise',
        industry: 'Manufacturing',
        region: 'Greater China',
        owner: '陈静 (Chen Jing)',
        competitors: ['shuce', 'hooli'],
        stage: { playbookId: 'renewal' },
        renewalDate: '2026-12-31',
      });
      expect(latest('yunshan').band).toBe('red');
    });

    it('initech', () => {
      expect(acc('initech')).toMatchObject({
        name: 'Initech',
        domains: ['initech.com'],
        crmIds: { salesforce: ['0015g00000InTchAAB'], hubspot: ['5550001111'] },
        segment: 'Mid-Market',
        industry: 'Financial Services',
        region: 'EMEA',
        competitors: ['vandelay'],
        stage: { playbookId: 'poc' },
      });
      expect(latest('initech').band).toBe('green');
    });

    it('initech-labs', () => {
      expect(acc('initech-labs')).toMatchObject({ name: 'Initech Labs', domains: ['initech.com', 'initechlabs.io'], segment: 'SMB' });
    });

    it('acme', () => {
      expect(acc('acme')).toMatchObject({
        name: 'Acme Corporation',
        aliases: ['Acme', 'Acme Corp'],
        domains: ['acme.com', 'acme.co.uk'],
        crmIds: { salesforce: ['0015g00000AcmeCAAB'], hubspot: ['1234567890'] },
        segment: 'Enterprise',
        industry: 'Manufacturing',
        region: 'NA',
        competitors: ['globex'],
        stage: { playbookId: 'new-business', stageId: stageFor('new-business', 'salesforce', 'Qualification') },
      });
      expect(latest('acme').band).toBe('green');
    });

    it('uses 18-character Salesforce ids and numeric HubSpot ids everywhere', () => {
      for (const a of pack.accounts) {
        for (const id of a.crmIds?.salesforce ?? []) expect(id, a.id).toMatch(/^001[0-9A-Za-z]{15}$/);
        for (const id of a.crmIds?.hubspot ?? []) expect(id, a.id).toMatch(/^\d{6,12}$/);
      }
      // Salesforce ids are matched by their case-sensitive 15-character prefix.
      const all = pack.accounts.flatMap((a) => [...(a.crmIds?.salesforce ?? []).map((id) => id.slice(0, 15)), ...(a.crmIds?.hubspot ?? [])]);
      expect(new Set(all).size).toBe(all.length);
    });
  });
});
