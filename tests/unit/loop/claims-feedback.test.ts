/** Claims with sources (schema, age, requireClaimSources, authoring round-trip), the Feedback report and reminders. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import sample from '../../../assets/sample-pack.json';
import { validatePack } from '../../../utils/pack/validate';
import { claimMark, oldClaimsByOwner } from '../../../utils/pack/claims';
import type { KnowledgePack } from '../../../utils/pack/schema';
import { buildFeedbackReport, ownerFirst } from '../../../utils/feedback/report';
import { reminderMailto, MAX_MAILTO, type ReminderPhrases } from '../../../utils/feedback/reminders';
import { unbuildPack } from '../../../utils/pack/authoring/unbuild';
import { buildPackFolder } from '../../../utils/pack/authoring/build';
import { memoryFiles } from '../../../utils/pack/authoring/files';
import { SENT_ATTRIBUTES, RESOURCE_ATTRIBUTES } from '../../../utils/telemetry/events';
import { LOOP_OPTIONS_STRINGS } from '../../../entrypoints/options/loopStrings';
import { loopEn, loopZh } from '../../../utils/i18n/loopStrings';
import type { FeedbackRecord } from '../../../utils/feedback/types';

const NOW = new Date('2026-12-02T00:00:00Z');
const pack = () => structuredClone(sample) as unknown as KnowledgePack;

describe('claims with sources', () => {
  it('a plain string and { text, source, asOf } both validate; a bad date is refused at its path', () => {
    const p = pack() as any;
    p.competitors[1].battlecard.proofPoints[0] = { text: { en: 'x', 'zh-CN': '乙' }, source: 'Deck', asOf: '2026-02-30' };
    const r = validatePack(p);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path).some((x) => x.startsWith('competitors[1].battlecard.proofPoints[0]'))).toBe(true);
    expect(validatePack(pack()).ok).toBe(true);
  });

  it('requireClaimSources refuses each claim without a source, by path', () => {
    const p = pack() as any;
    p.meta.requireClaimSources = true;
    const r = validatePack(p);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0].path).toBe('competitors[0].battlecard.whyWeWin[1]');
      expect(r.errors.map((e) => e.path)).not.toContain('competitors[0].battlecard.pricing');
    }
  });

  it('marks a claim older than claimMaxAgeDays and lists it by owner', () => {
    expect(claimMark({ text: 'x', asOf: '2025-06-30' }, 365, NOW)).toMatchObject({ old: true, ageDays: 520 });
    expect(claimMark({ text: 'x', asOf: '2026-06-30' }, 365, NOW)).toMatchObject({ old: false });
    expect(claimMark('plain', 365, NOW)).toBeNull();
    const old = oldClaimsByOwner(pack(), NOW, (t) => (typeof t === 'string' ? t : t.en));
    expect(old).toEqual([{ owner: 'Priya Raman', claims: [expect.objectContaining({ path: 'competitors[0].battlecard.pricing', source: 'Globex price list (partner portal)', asOf: '2025-06-30' })] }]);
  });

  it('the authoring folder keeps sources in the YAML and round-trips them', async () => {
    const { files } = unbuildPack(sample);
    expect(files['competitors/globex.yaml']).toContain('sources:');
    expect(files['competitors/globex.en.md']).not.toContain('partner portal');
    const back = await buildPackFolder(memoryFiles(files));
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(back.validated.competitors[0].battlecard.pricing).toEqual(sample.competitors[0].battlecard.pricing);
    expect(back.validated.competitors[0].battlecard.proofPoints).toEqual(sample.competitors[0].battlecard.proofPoints);
  });
});

describe('feedback report', () => {
  const flag = (over: Partial<FeedbackRecord>): FeedbackRecord => ({ at: '2026-11-20T10:00:00Z', key: 'objection:globex:gx-ela', target: { kind: 'objection', competitorId: 'globex', objectionId: 'gx-ela' }, verdict: 'outdated', note: 'ELA changed', packId: 'lumora-sample', packVersion: '1.0.0', ...over });

  it('groups flags per item with owner, counts, open flags and notes; a review after the flag closes it', () => {
    const p = pack();
    const r = buildFeedbackReport(
      [flag({}), flag({ verdict: 'helpful', note: null, at: '2026-11-21T00:00:00Z' }), flag({ key: 'stage:new-business:x', target: { kind: 'stage', playbookId: 'new-business', stageId: 'x' }, verdict: 'missing' })],
      [{ at: '2026-11-20T00:00:00Z', kind: 'search_miss', query: ' SSO  price ' }, { at: '2026-11-21T00:00:00Z', kind: 'search_miss', query: 'sso price' }],
      p,
      (t) => (typeof t === 'string' ? t : t.en),
    );
    const row = r.rows.find((x) => x.key === 'objection:globex:gx-ela')!;
    expect(row).toMatchObject({ owner: 'Priya Raman', card: 'Globex Analytics', counts: { outdated: 1, helpful: 1 }, open: 1, oldestOpen: '2026-11-20T10:00:00Z', packVersions: ['1.0.0'] });
    expect(row.notes).toEqual([{ at: '2026-11-20T10:00:00Z', verdict: 'outdated', note: 'ELA changed', packVersion: '1.0.0' }]);
    expect(r.rows.find((x) => x.key.startsWith('stage:'))!.gone).toBe(true);
    expect(r.searchMisses).toEqual([{ query: 'sso price', count: 2, last: '2026-11-21T00:00:00Z' }]);
    expect(ownerFirst(r.rows, '—')[0].owner).toBe('—');
    p.competitors[0].reviewedAt = '2026-11-25';
    expect(buildFeedbackReport([flag({})], [], p, (t) => String(t)).rows[0].open).toBe(0);
  });

  it('a reminder is a mailto that fits, to the owner when the owner is an address', () => {
    const p: ReminderPhrases = { subject: (o) => `Review ${o}`, greeting: (o) => `Hi ${o}`, cardsHeading: 'Cards', card: (n, d, x) => `${n} ${d} ${x}`, claimsHeading: 'Claims', claim: (c, t, a) => `${c} ${t} ${a}`, flagsHeading: 'Flags', flag: (c, i, o, d) => `${c} ${i} ${o} ${d}`, closing: 'Bye' };
    const many = Array.from({ length: 200 }, (_, i) => ({ card: 'Globex', item: `objection ${i}`, open: 1, oldestOpen: '2026-11-20' }));
    const link = reminderMailto({ owner: 'priya@lumora.io', cards: [{ name: 'Globex', dueOn: '2026-11-01', daysOverdue: 31 }], claims: [], flags: many }, p);
    expect(link.startsWith('mailto:priya%40lumora.io?subject=Review%20priya%40lumora.io&body=')).toBe(true);
    expect(link.length).toBeLessThanOrEqual(MAX_MAILTO);
    expect(decodeURIComponent(link)).toContain('Globex 2026-11-01 31');
    expect(reminderMailto({ owner: 'Priya Raman', cards: [], claims: [], flags: [] }, p).startsWith('mailto:?subject=')).toBe(true);
  });
});

describe('one fact once', () => {
  it('docs/security.md lists every attribute telemetry can send', () => {
    const doc = readFileSync(new URL('../../../docs/security.md', import.meta.url), 'utf8');
    for (const key of [...Object.keys(SENT_ATTRIBUTES), ...Object.keys(RESOURCE_ATTRIBUTES)]) expect(doc, key).toContain(`\`${key}\``);
  });

  it('the ops-loop strings exist in both languages with the same placeholders', () => {
    const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [en, zh] of [[LOOP_OPTIONS_STRINGS.en, LOOP_OPTIONS_STRINGS['zh-CN']], [loopEn, loopZh]] as const) {
      expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
      for (const [k, v] of Object.entries(en)) expect(ph((zh as Record<string, string>)[k]), k).toEqual(ph(v));
    }
  });
});
