import { describe, expect, it } from 'vitest';
import { grouped } from '../../../utils/pack/grouped';

describe('grouped', () => {
  it('writes whole numbers as toLocaleString("en") does', () => {
    const xs = [0, 1, -1, 999, 1000, -1000, 12_345, 100_000, 999_999, 1_000_000, 50_000, 1e12, -1e12, 1e13, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER];
    for (let i = 0; i < 200; i++) xs.push(Math.round(((i * 7919) % 1000) ** (1 + (i % 5))) * (i % 2 ? -1 : 1));
    for (const x of xs) expect([x, grouped(x)]).toEqual([x, x.toLocaleString('en')]);
  });

  it('leaves anything else to toLocaleString', () => {
    for (const x of [1.5, -0.25, 1e21, Infinity, NaN]) expect(grouped(x)).toBe(x.toLocaleString('en'));
  });
});
