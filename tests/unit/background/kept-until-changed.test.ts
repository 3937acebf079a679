import { describe, expect, it } from 'vitest';
import { keptUntilChanged } from '../../../utils/background/keptUntilChanged';

function setup(values: (() => Promise<string>)[]) {
  let reads = 0;
  let changed = () => {};
  const get = keptUntilChanged(
    () => values[Math.min(reads++, values.length - 1)](),
    (cb) => (changed = cb),
  );
  return { get, reads: () => reads, change: () => changed() };
}

describe('keptUntilChanged', () => {
  it('reads storage once while nothing changes, and again after a change', async () => {
    const s = setup([async () => 'sales', async () => 'cs']);
    expect([await s.get(), await s.get()]).toEqual(['sales', 'sales']);
    expect(s.reads()).toBe(1);
    s.change();
    expect(await s.get()).toBe('cs');
    expect(s.reads()).toBe(2);
  });

  it('does not keep a failed read', async () => {
    const s = setup([async () => Promise.reject(new Error('storage gone')), async () => 'cs']);
    await expect(s.get()).rejects.toThrow('storage gone');
    expect(await s.get()).toBe('cs');
  });

  it('a change while a read is on its way: the next caller reads again', async () => {
    let release!: (v: string) => void;
    const s = setup([() => new Promise((r) => (release = r)), async () => 'cs']);
    const first = s.get();
    s.change();
    release('sales');
    expect(await first).toBe('sales');
    expect(await s.get()).toBe('cs');
  });
});
