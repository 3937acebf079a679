/** Issue 19 at intake and in the ops reports: bad contact links and references refused by path; rules and variants in the stale report and the diff. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validatePack } from '../../../utils/pack/validate';
import { diffPacks } from '../../../utils/pack/diff';
import { opsReport } from '../../../utils/sync/reportHandlers';
import type { KnowledgePack } from '../../../utils/pack/schema';

const raw = () => JSON.parse(readFileSync(new URL('../../../assets/sample-pack.json', import.meta.url), 'utf8'));
const ok = (p: unknown): KnowledgePack => {
  const r = validatePack(p);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.pack;
};

describe('intake', () => {
  it('refuses a contact link outside the allow-list, naming its path', () => {
    const p = raw();
    p.experts[0].contact[0] = 'javascript:alert(1)';
    p.experts[1].contact.push('https://teams.microsoft.com.evil.io/l/chat/0/0');
    const r = validatePack(p);
    expect(r.ok).toBe(false);
    const paths = r.ok ? [] : r.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['experts[0].contact[0]', `experts[1].contact[${p.experts[1].contact.length - 1}]`]));
  });

  it('refuses a scenario naming a product the pack does not have', () => {
    const p = raw();
    p.scenarios[0].products[0].product = 'lumora-nope';
    const r = validatePack(p);
    expect(r.ok ? [] : r.errors).toEqual([{ path: 'scenarios[0].products[0].product', message: 'unknown product "lumora-nope" (not in products)' }]);
  });

  it('refuses a rule for every account (no industry, region or segment)', () => {
    const p = raw();
    p.rules.push({ id: 'everywhere', title: 'x', body: 'y', effective: '2026-01-01', source: 'z', reviewBy: '2027-01-01' });
    const r = validatePack(p);
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual([`rules[${p.rules.length - 1}]`]);
  });

  it('warns about a regional variant no account can see', () => {
    const p = raw();
    p.competitors[0].battlecard.regional = { APCA: { pricing: 'x' } };
    const r = validatePack(p);
    expect(r.ok && r.warnings.map((w) => w.path)).toContain('competitors[0].battlecard.regional.APCA');
  });
});

describe('ops reports', () => {
  it('the stale report lists rules past review and the regions a card has variants for', () => {
    const report = opsReport(ok(raw()), new Date('2026-12-02T00:00:00Z'));
    expect(report.staleRules!.map((r) => [r.id, r.reviewBy, r.daysOverdue])).toEqual([['eu-fs-dora', '2026-06-30', 155]]);
    const hooli = [...report.stale.flatMap((g) => g.cards), ...report.dueSoon].find((c) => c.id === 'hooli');
    expect(hooli?.variants).toEqual(['APAC']);
  });

  it('the diff shows a changed regional variant, and experts and rules as sections', () => {
    const a = ok(raw());
    const next = raw();
    next.meta.version = '1.1.0';
    next.competitors.find((c: { id: string }) => c.id === 'hooli').battlecard.regional.APAC.pricing.en = 'New APAC price';
    next.experts.pop();
    next.rules[0].reviewBy = '2027-12-31';
    const d = diffPacks(a, ok(next));
    expect(d.sections.competitors.changed[0].fields.map((f) => f.path)).toEqual(['battlecard.regional.APAC.pricing.en']);
    expect(d.sections.experts.removed.map((e) => e.id)).toEqual(['zhao-lin']);
    expect(d.sections.rules.changed.map((e) => e.id)).toEqual(['gc-data-residency']);
  });
});
