import { describe, expect, it } from 'vitest';
import { MAX_WAIT, NAV_BEAT, QUICK, QUIET, readSchedule } from '../../../utils/content/readSchedule';

/** A fake clock: timers run when `advance` passes them. */
function harness() {
  let now = 0;
  let next = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const reads: { at: number; settled: boolean }[] = [];
  const s = readSchedule((settled) => reads.push({ at: now, settled }), {
    setTimeout: (fn, ms) => (timers.set(next, { at: now + ms, fn }), next++),
    clearTimeout: (id) => void (id !== undefined && timers.delete(id)),
    now: () => now,
  });
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...timers].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].fn();
    }
    now = end;
  };
  return { s, reads, advance };
}

describe('when the content script reads the page', () => {
  it('on start it reads at once, then once more when the page has been quiet', () => {
    const h = harness();
    h.s.start();
    h.advance(1_000);
    expect(h.reads).toEqual([
      { at: 0, settled: false },
      { at: QUIET, settled: true },
    ]);
  });

  it('while looking for the record, a rendering burst is read every QUICK ms, not only after it ends', () => {
    const h = harness();
    h.s.start();
    // The CRM renders for 400 ms: a mutation every 10 ms.
    for (let i = 0; i < 40; i++) {
      h.s.changed();
      h.advance(10);
    }
    const quick = h.reads.filter((r) => !r.settled);
    expect(quick.length).toBeGreaterThanOrEqual(400 / QUICK - 1);
    expect(quick[1].at).toBeLessThanOrEqual(QUICK + 10);
  });

  it('once the record is found, bursts wait for quiet again (at most MAX_WAIT into a burst that never ends)', () => {
    const h = harness();
    h.s.start();
    h.s.found(true);
    for (let i = 0; i < 250; i++) {
      h.s.changed();
      h.advance(10);
    }
    expect(h.reads.slice(1)).toEqual([
      { at: MAX_WAIT, settled: true },
      { at: 2 * MAX_WAIT, settled: true },
    ]);
  });

  it('after a URL change the record is read as the SPA renders it, right after its DOM change, then once settled', () => {
    const h = harness();
    h.s.start();
    h.s.found(true);
    h.advance(1_000);
    h.reads.length = 0;
    h.s.navigated();
    h.advance(5);
    h.s.changed();
    expect(h.reads).toEqual([{ at: 1_005, settled: false }]);
    h.advance(1_000);
    expect(h.reads.at(-1)).toEqual({ at: 1_005 + QUIET, settled: true });
  });

  it('a URL change with no DOM change is read after a beat', () => {
    const h = harness();
    h.s.start();
    h.s.found(true);
    h.advance(1_000);
    h.reads.length = 0;
    h.s.navigated();
    h.advance(QUIET - 1);
    expect(h.reads).toEqual([{ at: 1_000 + NAV_BEAT, settled: false }]);
  });

  it('inside a burst the first change is read at once (before the page\'s next task), later ones at most every QUICK ms', () => {
    const h = harness();
    h.s.start();
    h.advance(100);
    h.reads.length = 0;
    h.s.changed();
    h.s.changed();
    h.advance(5);
    h.s.changed();
    expect(h.reads).toEqual([{ at: 100, settled: false }]);
    h.advance(QUICK);
    expect(h.reads.map((r) => r.at)).toEqual([100, 100 + QUICK]);
  });
});
