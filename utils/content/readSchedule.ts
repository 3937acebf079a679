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

export const QUICK = 40;
export const QUIET = 200;
export const MAX_WAIT = 1_000;
/** After a URL change, one beat for the SPA to swap the record in. */
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
  let navAt: number | null = null;

  const quickSoon = (ms: number) => {
    if (quick !== undefined) return;
    quick = t.setTimeout(() => {
      quick = undefined;
      read(false);
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
      read(false);
      settleSoon();
    },
    changed() {
      settleSoon();
      // While looking, and not already waiting out the URL change's beat.
      if (looking && (navAt === null || t.now() >= navAt)) quickSoon(QUICK);
    },
    navigated() {
      looking = true;
      navAt = t.now() + NAV_BEAT;
      t.clearTimeout(quick);
      quick = undefined;
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
