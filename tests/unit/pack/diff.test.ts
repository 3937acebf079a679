import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareVersions, diffPacks, formatDiff, sameValue } from '../../../utils/pack/diff';
import { validatePack } from '../../../utils/pack/validate';
import type { KnowledgePack } from '../../../utils/pack/schema';

const raw = JSON.parse(readFileSync(new URL('../../../assets/sample-pack.json', import.meta.url), 'utf8'));
const valid = (p: unknown) => {
  const r = validatePack(p);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.pack as KnowledgePack;
};

function nextVersion() {
  const p = structuredClone(raw);
  p.meta.version = '1.1.0';
  p.competitors.find((c: any) => c.id === 'globex').battlecard.whyWeWin[1].en = 'Time to value: 4 weeks.';
  p.competitors = p.competitors.filter((c: any) => c.id !== 'vandelay');
  p.accounts = p.accounts.map((a: any) => ({ ...a, competitors: (a.competitors ?? []).filter((c: string) => c !== 'vandelay') }));
  p.accounts.push({ id: 'zenith', name: 'Zenith Labs', domains: ['zenith.io'] });
  p.playbooks[0].stages[0].checklist.splice(1, 1);
  return p;
}

describe('pack diff', () => {
  it('lists added, changed and removed entities with the fields that changed', () => {
    const d = diffPacks(valid(raw), valid(nextVersion()));
    expect(d.direction).toBe('upgrade');
    expect(d.meta).toEqual([{ path: 'version', before: '"1.0.0"', after: '"1.1.0"' }]);
    expect(d.sections.competitors.removed).toEqual([{ id: 'vandelay', name: 'Vandelay Data' }]);
    const globex = d.sections.competitors.changed.find((c) => c.id === 'globex')!;
    expect(globex.fields).toEqual([{ path: 'battlecard.whyWeWin[1].en', before: expect.stringContaining('Time to value: median'), after: '"Time to value: 4 weeks."' }]);
    expect(d.sections.accounts.added).toEqual([{ id: 'zenith', name: 'Zenith Labs' }]);
    expect(d.sections.accounts.counts.changed).toBeGreaterThan(0);
    const nb = d.sections.playbooks.changed.find((p) => p.id === 'new-business')!;
    expect(nb.fields[0].path).toMatch(/^stages\[prospect\]\.checklist\[nb-pros-persona\]$/);
    expect(d.checklistItemsRemoved).toEqual(['new-business/nb-pros-persona']);
    expect(d.identical).toBe(false);
  });

  it('caps long lists but keeps exact counts, and reads as text', () => {
    const next = nextVersion();
    next.accounts.forEach((a: any) => (a.owner = 'New Owner'));
    const d = diffPacks(valid(raw), valid(next), { limit: 3, fieldLimit: 1 });
    expect(d.sections.accounts.changed).toHaveLength(3);
    expect(d.sections.accounts.counts.changed).toBe(raw.accounts.length);
    const text = formatDiff(d, { limit: 2 });
    expect(text).toContain('lumora-sample: 1.0.0 → 1.1.0');
    expect(text).toContain(`accounts: 1 added, ${raw.accounts.length} changed, 0 unchanged`);
    expect(text).toContain('  - vandelay  Vandelay Data');
    expect(text).toMatch(/… \d+ more \(--all lists every one\)/);
    expect(text).toContain("checklist items removed (reps' ticks on them are dropped): new-business/nb-pros-persona");
  });

  it('says when nothing changed and when a version goes down', () => {
    expect(diffPacks(valid(raw), valid(raw)).identical).toBe(true);
    expect(formatDiff(diffPacks(valid(raw), valid(raw)))).toContain('No changes.');
    const older = structuredClone(raw);
    older.meta.version = '0.9.0';
    const d = diffPacks(valid(raw), valid(older));
    expect(d.direction).toBe('downgrade');
    expect(formatDiff(d)).toContain('DOWNGRADE');
  });

  it('orders versions the semver way', () => {
    expect(['1.10.0', '1.2.0', '1.2.0-beta.2', '1.2.0-beta.10', '1.2.0-alpha', '0.9.9'].sort(compareVersions)).toEqual(['0.9.9', '1.2.0-alpha', '1.2.0-beta.2', '1.2.0-beta.10', '1.2.0', '1.10.0']);
    expect(compareVersions('1.2.0+build.5', '1.2.0')).toBe(0);
  });
});

describe('sameValue', () => {
  it('treats an undefined value as an absent key, and compares arrays and nested objects by value', () => {
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1, b: 0 })).toBe(false);
    expect(sameValue({ a: [1, { x: 'y' }] }, { a: [1, { x: 'y' }] })).toBe(true);
    expect(sameValue({ a: [1, { x: 'y' }] }, { a: [1, { x: 'z' }] })).toBe(false);
    expect(sameValue([1], [1, 2])).toBe(false);
  });

  it('stops at the first differing key, so a large pack whose meta differs never decodes its accounts', () => {
    let decoded = 0;
    const stored = { meta: { version: '1.0.0', name: 'A' } } as Record<string, unknown>;
    Object.defineProperty(stored, 'accounts', { enumerable: true, get: () => (decoded++, []) });
    expect(sameValue(stored, { meta: { version: '1.0.0', name: 'B' }, accounts: [] })).toBe(false);
    expect(decoded).toBe(0);
    expect(sameValue(stored, { meta: { version: '1.0.0', name: 'A' }, accounts: [] })).toBe(true);
    expect(decoded).toBe(1);
  });
});
