/**
 * When the content script reads the page. A CRM renders a record in pieces — shell,
 * then the record's fields after its data arrives, then related lists for a second or
 * two — so two kinds of read:
 *
 * - **quick** reads while we are still looking for the record (after a load, a URL
 *   change, or while nothing was found): at most every QUICK ms during a burst, so the
 *   record is read within a frame or two of its key fields appearing. A quick read is
 *   taken only from the site's own selectors: a half-rendered page must not be guessed
 *   from its labels or text (the nav's "recent items" would name the wrong account).
 * - **settled** reads once the page has been quiet for QUIET ms (never later than
 *   MAX_WAIT into a burst, so a page that never stops mutating is still read): every
 *   layer counts, and later changes (a stage edited in place) are picked up.
 *
 * Pure: timers and the read come in, so unit tests drive it with a fake clock.
 */

export const QUICK = 20;
export const QUIET = 200;
export const MAX_WAIT = 1_000;
/** After a URL change with no DOM change yet: when to read anyway. */
export const NAV_BEAT = 50;

export interface ReadTimers {
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number | undefined): void;
  now(): number;
}

/** `settled`: the page was quiet (or the burst ran too long); false for a quick read. */
export type ReadPage = (settled: boolean) => void;

export interface ReadSchedule {
  /** The script started on a record URL: read now, as it is, and settle later. */
  start(): void;
  /** The page's DOM changed. */
  changed(): void;
  /** The URL changed (or the script started): look for the record again. */
  navigated(): void;
  /** What the last read found: a record (stop reading quickly) or not yet. */
  found(record: boolean): void;
  stop(): void;
}

export function readSchedule(read: ReadPage, t: ReadTimers): ReadSchedule {
  let looking = true;
  let quick: number | undefined;
  let settle: number | undefined;
  let burstStart: number | null = null;
  let lastQuick = -Infinity;

  const quickRead = () => {
    lastQuick = t.now();
    read(false);
  };
  const quickSoon = (ms: number) => {
    if (quick !== undefined) return;
    quick = t.setTimeout(() => {
      quick = undefined;
      quickRead();
    }, ms);
  };

  const settleSoon = () => {
    t.clearTimeout(settle);
    const now = t.now();
    burstStart ??= now;
    settle = t.setTimeout(
      () => {
        settle = undefined;
        burstStart = null;
        read(true);
      },
      Math.max(0, Math.min(QUIET, burstStart + MAX_WAIT - now)),
    );
  };

  return {
    start() {
      looking = true;
      quickRead();
      settleSoon();
    },
    changed() {
      settleSoon();
      if (!looking) return;
      // Leading edge: called right after the page's task that changed the DOM, so the
      // record is read before the page's next task (a CRM's long rendering tasks would
      // otherwise hold a timer back); at most one quick read per QUICK ms.
      const wait = lastQuick + QUICK - t.now();
      if (wait > 0) return quickSoon(wait);
      t.clearTimeout(quick);
      quick = undefined;
      quickRead();
    },
    navigated() {
      looking = true;
      // The SPA swaps the record in on its next tasks: read when it does (changed), or after a beat.
      t.clearTimeout(quick);
      quick = undefined;
      lastQuick = -Infinity;
      quickSoon(NAV_BEAT);
      // A page that does not change after the URL did still gets its settled read.
      settleSoon();
    },
    found(record) {
      looking = !record;
    },
    stop() {
      t.clearTimeout(quick);
      t.clearTimeout(settle);
      quick = settle = undefined;
    },
  };
}
