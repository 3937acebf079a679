import { describe, expect, it } from 'vitest';
import { newestOnly, superseded } from '@/utils/ui/newestOnly';

describe('search as you type', () => {
  it('an answer that comes back after a newer query was asked is not taken', async () => {
    const pending = new Map<string, (hits: string[]) => void>();
    const search = newestOnly((q: string) => new Promise<string[]>((r) => pending.set(q, r)));
    const short = search('g');
    const long = search('globex');
    pending.get('globex')!(['globex']);
    pending.get('g')!(['globex', 'gamma', 'grove']);
    expect(await long).toEqual(['globex']);
    expect(await short).toBe(superseded);
  });

  it('the newest answer is taken when answers come in order', async () => {
    const search = newestOnly(async (q: string) => [q]);
    expect(await search('a')).toEqual(['a']);
    expect(await search('ab')).toEqual(['ab']);
  });
});
