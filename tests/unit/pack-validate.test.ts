import { describe, expect, it } from 'vitest';
import { validatePack, validatePackText } from '../../utils/pack/validate';
import sample from '../../assets/sample-pack.json';

const clone = () => structuredClone(sample) as any;

describe('pack validation', () => {
  it('accepts the sample pack', () => {
    const r = validatePack(clone());
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  it('reports every error in a pack broken in five places, each with its path', () => {
    const p = clone();
    p.competitors[3].battlecard.objections[0].response = 42;
    p.meta.publishedAt = '2026-02-30';
    p.accounts[1].competitors.push('nobody');
    p.playbooks[0].stages[1].checklist[0].id = p.playbooks[0].stages[0].checklist[0].id;
    p.healthModel.measures[0].weight = 'heavy';
    const r = validatePack(p);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // Shape errors come first; reference checks need a shape-valid pack, so check both phases separately.
    expect(r.errors.map((e) => e.path)).toEqual(['meta.publishedAt', 'competitors[3].battlecard.objections[0].response', 'healthModel.measures[0].weight']);
    expect(r.errors[1].message).toBe('expected text, got number');
  });

  it('reports duplicate and dangling ids by path once the shape is right', () => {
    const p = clone();
    p.accounts[1].competitors.push('nobody');
    p.playbooks[0].stages[1].checklist[0].id = p.playbooks[0].stages[0].checklist[0].id;
    p.accounts[2].id = p.accounts[0].id;
    p.accounts[0].stage = { playbookId: p.playbooks[0].id, stageId: 'no-such-stage' };
    p.accounts[3].health[0].signals.mood = 5;
    const r = validatePack(p);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(5);
    const byPath = Object.fromEntries(r.errors.map((e) => [e.path, e.message]));
    expect(byPath[`accounts[1].competitors[${p.accounts[1].competitors.length - 1}]`]).toBe('unknown competitor id "nobody"');
    expect(byPath['playbooks[0].stages[1].checklist[0].id']).toMatch(/^duplicate checklist item id/);
    expect(byPath['accounts[2].id']).toMatch(/^duplicate account id .* \(first used at accounts\[0\]\.id\)$/);
    expect(byPath['accounts[0].stage.stageId']).toMatch(/unknown stage id "no-such-stage"/);
    expect(byPath['accounts[3].health[0].signals.mood']).toBe('unknown measure id "mood"');
  });

  it('names unknown fields, wrong list types and missing required fields', () => {
    const p = clone();
    p.meta.colour = 'blue';
    p.competitors[0].aliases = 'Globex';
    delete p.competitors[1].owner;
    const r = validatePack(p);
    if (r.ok) throw new Error('should fail');
    expect(r.errors).toEqual([
      { path: 'meta.colour', message: 'unknown field (check its spelling against docs/knowledge-pack.md)' },
      { path: 'competitors[0].aliases', message: 'expected a list of aliases, got text' },
      { path: 'competitors[1].owner', message: 'required field is missing' },
    ]);
  });

  it('reports text that is not JSON instead of throwing', () => {
    const r = validatePackText('{"meta": ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].path).toBe('(file)');
  });

  it('accepts per-locale text maps and rejects empty ones', () => {
    const p = clone();
    p.competitors[0].battlecard.summary = {};
    const r = validatePack(p);
    if (r.ok) throw new Error('should fail');
    expect(r.errors[0].path).toBe('competitors[0].battlecard.summary');
  });
});
