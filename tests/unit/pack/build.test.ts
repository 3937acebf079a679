/**
 * The authoring folder → pack: what ops write (YAML, per-locale Markdown, CRM and CS
 * CSV exports) becomes the pack the extension imports, and every mistake is named by
 * file and line.
 */
import { describe, expect, it } from 'vitest';
import { buildPackFolder, type BuildProgress } from '../../../utils/pack/authoring/build';
import { memoryFiles } from '../../../utils/pack/authoring/files';
import { formatError } from '../../../utils/pack/authoring/errors';
import { miniFolder } from './miniFolder';

async function build(files: Record<string, string>, chunk = 0) {
  return buildPackFolder(memoryFiles(files, chunk));
}

async function errorsOf(files: Record<string, string>) {
  const r = await build(files);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors.map(formatError);
}

const edit = (patch: Record<string, string | ((s: string) => string) | null>) => {
  const f = miniFolder();
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete f[k];
    else f[k] = typeof v === 'function' ? v(f[k]) : v;
  }
  return f;
};

describe('building a pack folder', () => {
  it('builds a valid pack from YAML, per-locale Markdown and CSV exports', async () => {
    const r = await build(miniFolder());
    if (!r.ok) throw new Error(r.errors.map(formatError).join('\n'));
    const p = r.validated;
    expect(p.meta.id).toBe('acme-emea');
    const beacon = p.competitors[0];
    expect(beacon.id).toBe('beacon'); // from the file name
    expect(beacon.battlecard.summary).toEqual({
      en: 'Marketer-first CDP that **copies** your data into its own store.',
      'zh-CN': '面向市场人员的 CDP，会把数据**复制**到自己的存储中。',
    });
    // List items are paired by position across locales; a wrapped line joins with a space.
    expect(beacon.battlecard.whyWeWin[0]).toEqual({ en: 'Warehouse-native: no second copy of customer data.', 'zh-CN': '数仓原生：不产生第二份客户数据。' });
    expect(beacon.battlecard.objections).toEqual([
      {
        id: 'bc-journeys',
        objection: { en: '"Beacon has a journey builder."', 'zh-CN': '“Beacon 有旅程编排器。”' },
        response: { en: 'We feed the marketing-automation tool you already own.', 'zh-CN': '我们为您已有的营销自动化工具提供数据。' },
        proof: { en: 'Harbor & Pine lifted conversion 18%.' },
      },
    ]);
    expect(p.playbooks[0].stages[0].guidance).toEqual({ en: '**Ask for a number.**\n\n1. What is slow today?\n2. What does it cost?', 'zh-CN': '**要一个数字。**' });
    expect(p.playbooks[0].stages[1].guidance).toBeUndefined();
    expect(p.healthModel.bands[0].play).toEqual({ en: '**Exec call within 5 days.**' });

    const [northwind, acme] = p.accounts;
    expect(northwind).toMatchObject({
      id: 'northwind',
      domains: ['northwindtraders.com'], // a website URL becomes a bare domain
      crmIds: { salesforce: ['0015g00000NwTrdAAB'] },
      competitors: ['beacon'],
      stage: { playbookId: 'new-business', stageId: 'proposal' },
      arr: 180000,
    });
    expect(acme.name).toBe('Acme, Inc.');
    expect(acme.domains).toEqual(['acme.com', 'acme.co.uk']);
    expect(acme.stage).toBeUndefined(); // empty cells leave fields out
    // Health rows find their account by Salesforce id; MM/DD/YYYY dates; empty = missing, not 0.
    expect(northwind.health).toEqual([
      { date: '2026-10-01', signals: { usage: 60, nps: 30 } },
      { date: '2026-11-01', signals: { usage: 54 }, note: 'Sponsor changed roles,\nin October.' },
    ]);
    expect(r.stats).toMatchObject({ accounts: 2, snapshots: 3, competitors: 1, playbooks: 1 });
  });

  it('gives the same pack when the CSVs arrive in tiny chunks, and reports progress', async () => {
    const whole = await build(miniFolder());
    const progress: BuildProgress[] = [];
    const chunked = await buildPackFolder(memoryFiles(miniFolder(), 7), { onProgress: (p) => progress.push(p) });
    expect(chunked.ok && whole.ok && chunked.validated).toEqual(whole.ok && whole.validated);
    const done = progress.filter((p) => p.done);
    expect(done.map((p) => [p.file, p.rows])).toEqual([
      ['accounts.csv', 2],
      ['health.csv', 3],
    ]);
    expect(done[0].bytes).toBe(done[0].totalBytes);
    expect(progress.filter((p) => p.file === 'accounts.csv').length).toBeGreaterThan(10);
  });

  it('names the YAML file and line of a misspelt field and of a bad value', async () => {
    const errors = await errorsOf(
      edit({
        'competitors/beacon.yaml': (s) => s.replace('owner:', 'ownr:').replace('reviewEvery: 60', 'reviewEvery: 0'),
      }),
    );
    expect(errors).toContain('competitors/beacon.yaml:6: competitors[0].ownr: unknown field (check its spelling against docs/knowledge-pack.md)');
    expect(errors).toContain('competitors/beacon.yaml:8: competitors[0].reviewEvery: expected a number of days from 1 to 3,650');
    expect(errors).toContain('competitors/beacon.yaml:1: competitors[0].owner: required field is missing');
  });

  it('reports YAML syntax errors with their line', async () => {
    const errors = await errorsOf(edit({ 'playbooks/new-business.yaml': (s) => s.replace('motion: new_business', 'motion: [new_business') }));
    expect(errors.some((e) => /^playbooks\/new-business\.yaml:\d+: not valid YAML/.test(e))).toBe(true);
  });

  it('names the CSV line and column of bad cells, and traces pack errors back to the row', async () => {
    const errors = await errorsOf(
      edit({
        'accounts.csv': (s) => s.replace('"180,000"', 'lots').replace('acme.com;acme.co.uk', 'acme.com;mailto:x@'),
        'health.csv': (s) => s.replace('10/01/2026', '2026-13-45').replace('0015g00000AcmeAAA,11/01/2026,80', '0015g00000NOPE,11/01/2026,80'),
      }),
    );
    expect(errors).toContain('accounts.csv:2: accounts[0].arr: column "ARR": expected a number, got "lots"');
    expect(errors).toContain('accounts.csv:3: accounts[1].domains[1]: expected a bare domain such as "acme.com" (no scheme, path or @) (column "Website")');
    expect(errors).toContain('health.csv:5: column "SFDC ID": no account with crmIds.salesforce "0015g00000NOPE" in the pack');
    expect(errors.some((e) => e.startsWith('health.csv:2: ') && e.includes('Date'))).toBe(true);
  });

  it('reports a health row for an unknown measure value and a quote that never closes', async () => {
    const errors = await errorsOf(edit({ 'health.csv': (s) => `${s}0015g00000AcmeAAA,12/01/2026,high,,"unclosed\n` }));
    expect(errors).toContain('health.csv:6: column "WAU %": expected a number (or an empty cell when unknown), got "high"');
    expect(errors.some((e) => e.startsWith('health.csv:6:') && /never closed/.test(e))).toBe(true);
  });

  it('says which mapped column is missing from the export, at its pack.yaml line', async () => {
    const errors = await errorsOf(edit({ 'pack.yaml': (s) => s.replace('region: Region', 'region: Sales Region') }));
    expect(errors[0]).toMatch(/^pack\.yaml:18: column "Sales Region" is not in accounts\.csv \(its columns: Account ID, Account Name, /);
  });

  it('refuses an unknown column-mapping target at its line', async () => {
    const errors = await errorsOf(edit({ 'pack.yaml': (s) => s.replace('region: Region', 'territory: Region') }));
    expect(errors[0]).toMatch(/^pack\.yaml:18: pack\.yaml accounts\.columns\.territory: expected an account field: id, name, /);
  });

  it('traces errors inside Markdown to the file and line', async () => {
    const errors = await errorsOf(
      edit({
        'competitors/beacon.zh-CN.md': (s) => s.replace('## Why we lose', '## Why we loose').replace('- 内置授权管理。\n', ''),
        'playbooks/new-business.en.md': (s) => `${s}\n## negotiation\n\nTrade, do not give.\n`,
      }),
    );
    expect(errors).toContain('competitors/beacon.zh-CN.md:11: "## Why we loose" is not a battlecard section (expected one of: Summary, Why we win, Why we lose, Objections, Landmines, Pricing, Proof points)');
    expect(errors).toContain(
      'competitors/beacon.zh-CN.md:7: competitors[0].battlecard.whyWeWin: 1 entries here but 2 in competitors/beacon.en.md:7 (entries are paired by position)',
    );
    expect(errors).toContain('playbooks/new-business.en.md:8: "## negotiation": no stage with that id (expected one of: discovery, proposal)');
  });

  it('checks objections: the same ids in every locale, with an objection and a response', async () => {
    const errors = await errorsOf(
      edit({
        'competitors/beacon.zh-CN.md': (s) => s.replace('### bc-journeys', '### bc-journey'),
        'competitors/beacon.en.md': (s) => s.replace('**Response:** We feed', '**Reply:** We feed'),
      }),
    );
    expect(errors.some((e) => /^competitors\/beacon\.zh-CN\.md:\d+: .*objection "bc-journeys" \(competitors\/beacon\.en\.md:\d+\) is missing here/.test(e))).toBe(true);
    expect(errors.some((e) => /^competitors\/beacon\.en\.md:\d+: objection "bc-journeys" has no \*\*Response:\*\*/.test(e))).toBe(true);
  });

  it('refuses text set twice (YAML and Markdown) and a file whose id differs from its name', async () => {
    const errors = await errorsOf(
      edit({
        'competitors/beacon.yaml': (s) => `id: beakon\n${s}`,
        'playbooks/new-business.yaml': (s) => s.replace('    goal: { en: Confirm a funded problem., zh-CN: 确认有预算的问题。 }', '    goal: { en: Confirm a funded problem., zh-CN: 确认有预算的问题。 }\n    guidance: Ask.'),
      }),
    );
    expect(errors).toContain('competitors/beacon.yaml:1: id "beakon" does not match the file name: name the file competitors/beakon.yaml, or leave id out');
    expect(errors.some((e) => /^playbooks\/new-business\.yaml:\d+: playbooks\[0\]\.stages\[0\]\.guidance: guidance is set both here and in a "## discovery" section/.test(e))).toBe(true);
  });

  it('checks references across files and names the row that breaks them', async () => {
    const errors = await errorsOf(edit({ 'accounts.csv': (s) => s.replace(',beacon,new-business,proposal', ',globex,new-business,proposals') }));
    expect(errors).toContain('accounts.csv:2: accounts[0].competitors[0]: unknown competitor id "globex" (column "Competitors")');
    expect(errors).toContain('accounts.csv:2: accounts[0].stage.stageId: unknown stage id "proposals" in playbook "new-business" (column "Stage")');
  });

  it('keeps the order of pack.yaml, and refuses files it does not list', async () => {
    const f = miniFolder();
    f['pack.yaml'] = f['pack.yaml'].replace('accounts:', 'order:\n  competitors: [beacon, hooli]\naccounts:');
    f['competitors/vandelay.yaml'] = 'name: Vandelay\naliases: [Vandelay]\nbattlecard: { summary: x, whyWeWin: [], whyWeLose: [], objections: [], landmines: [], proofPoints: [] }\nowner: A\nreviewedAt: 2026-01-01\nreviewEvery: 30\n';
    const errors = await errorsOf(f);
    expect(errors).toContain('pack.yaml:11: order.competitors lists "hooli" but there is no competitors/hooli.yaml');
    expect(errors).toContain('competitors/vandelay.yaml: not listed in pack.yaml order.competitors: add "vandelay" there (or delete the file)');
  });

  it('needs pack.yaml and a health model', async () => {
    const errors = await errorsOf(edit({ 'pack.yaml': null, 'health-model.yaml': null, 'health-model.en.md': null }));
    expect(errors).toContain('pack.yaml: missing: a pack folder starts with pack.yaml (meta, order, CSV mappings)');
    expect(errors).toContain('health-model.yaml: healthModel: missing: the pack needs a health model (measures and bands)');
  });

  it('warns about files the layout does not read and locale sections left out', async () => {
    const r = await build(
      edit({
        'notes.yaml': 'a: 1\n',
        'README.md': '# how we write packs\n',
        'playbooks/new-business.zh-CN.md': '# 新客户\n',
        'competitors/beacon.zh-CN.md': (s) => s.replace(/## Landmines[\s\S]*?## Proof points/, '## Proof points'),
      }),
    );
    expect(r.ok).toBe(true);
    const w = r.warnings.map(formatError);
    expect(w).toContain('notes.yaml: not part of the pack (not a file the folder layout reads, or not mapped in pack.yaml)');
    expect(w.some((x) => x.startsWith('README.md'))).toBe(false);
    expect(w).toContain('playbooks/new-business.zh-CN.md: no "## discovery" section: zh-CN readers see the en text');
    expect(w).toContain('competitors/beacon.zh-CN.md: no "## Landmines" section: zh-CN readers see the en text');
    expect(w).toContain('playbooks: no playbook for the "poc" motion');
  });
});

describe('qualification.yaml and win-loss.yaml', () => {
  const q = 'id: meddpicc\nname: MEDDPICC\nelements:\n  - id: metrics\n    name: { en: Metrics, zh-CN: 量化指标 }\n    help: { en: In their numbers, zh-CN: 客户的数字 }\n';
  it('fill the pack\'s qualification and winLoss', async () => {
    const r = await build(edit({ 'qualification.yaml': q, 'win-loss.yaml': 'reasons:\n  - { id: price, label: { en: Price, zh-CN: 价格 } }\n' }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.validated.qualification?.elements.map((e) => e.id)).toEqual(['metrics']);
    expect(r.validated.winLoss?.reasons.map((x) => x.id)).toEqual(['price']);
  });

  it('a list where the methodology belongs is refused, naming the file', async () => {
    expect((await errorsOf(edit({ 'qualification.yaml': '- id: metrics\n' }))).join('\n')).toContain('qualification.yaml:1');
  });
});
