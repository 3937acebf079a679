import { describe, expect, it } from 'vitest';
import { KeyTable, KeyTableBuilder } from '../../../utils/match/keyTable';

function table(entries: [string, number][]): KeyTable {
  const b = new KeyTableBuilder(4);
  for (const [k, v] of entries) b.add(k, v);
  return b.build();
}

describe('key table', () => {
  it('finds every key with its values in the order added, and nothing else', () => {
    const keys = Array.from({ length: 3000 }, (_, i) => `acme-${i.toString(36)}.com`);
    const t = table(keys.flatMap((k, i) => (i % 7 === 0 ? [[k, i], [k, i + 1], [k, i]] : [[k, i]]) as [string, number][]));
    keys.forEach((k, i) => expect(t.all(k)).toEqual(i % 7 === 0 ? [i, i + 1] : [i]));
    expect(t.all('acme-.com')).toEqual([]);
    expect(t.last(keys[7])).toBe(8);
  });

  it('holds ASCII keys as bytes, and every key as it was once one is not', () => {
    const ascii = table([['acme', 1], ['globex', 2]]);
    expect(ascii.data.keys).toBeInstanceOf(Uint8Array);
    const mixed = table([['acme', 1], ['华为技术', 2], ['globex', 3], ['ÿ', 4]]);
    expect(mixed.data.keys).toBeInstanceOf(Uint16Array);
    expect([mixed.all('acme'), mixed.all('华为技术'), mixed.all('globex'), mixed.all('ÿ')]).toEqual([[1], [2], [3], [4]]);
    // A Latin-1 character fits a byte: still bytes, still found.
    const latin1 = table([['café', 5]]);
    expect(latin1.data.keys).toBeInstanceOf(Uint8Array);
    expect(latin1.all('café')).toEqual([5]);
    expect(latin1.all('cafe')).toEqual([]);
  });

  it('survives a structured clone unchanged', () => {
    const t = table([['华为', 1], ['acme', 2]]);
    const back = new KeyTable(structuredClone(t.data));
    expect([back.all('华为'), back.all('acme')]).toEqual([[1], [2]]);
  });
});
