/**
 * Clicks count only when the rep can see what they click. A hostile page can make our
 * frame transparent or lay its own content over it (with `pointer-events: none`, so the
 * rep's click passes through to us) and lure clicks onto "Insert in reply", a checklist
 * tick or an account pick. Every click and key activation in the sidebar goes through
 * here first (capturing, on the window) and is dropped when
 *   - the content script reports the frame hidden (host or ancestor transparent,
 *     filtered, transformed, clipped, moved; utils/content/hostGuard.ts), or
 *   - IntersectionObserver v2 (`trackVisibility`) says the clicked control, or the
 *     nearest observed ancestor, is not visible: occluded by anything, including
 *     overlays that let clicks through, or drawn with effects; or
 *   - where IntersectionObserver v2 is missing (Firefox), the click lands in a cell
 *     the content script found covered by hit testing.
 *
 * Some clicks come before anything can judge them: in the first ~50–150 ms after the
 * panel appears the observer has no verdict yet on what was just rendered (its first
 * one waits for `delay`), and the content script's "now in plain view" may still be on
 * its way. Refusing those refused a rep who clicked as soon as the card showed (and hung
 * an e2e test that did). Such a click is held instead: dropped as it happens, and
 * replayed on its control once a verdict says the control is in plain view; refused as
 * any other if a sound verdict says hidden or none comes within HOLD_MS. The page cannot
 * make a click wait (our rendering, our parking and our own layout moves are what leave
 * a control without a verdict), cannot see that one is held (the events never leave this
 * frame), and a lure still there when the verdict is made is caught.
 */
import { NOT_YET_KNOWN, PARKED, type Exposure } from './channel';

/** What the rep can act on. Collapsing, scrolling and reading stay free. */
const CONTROLS = 'button, input, select, textarea, summary, a[href], [role="button"], [role="tab"], [role="checkbox"], [role="option"], [role="separator"], [tabindex]:not([tabindex="-1"])';

interface VisibilityEntry extends IntersectionObserverEntry {
  readonly isVisible?: boolean;
}

/**
 * The sidebar's scroll containers, marked in the markup (the attribute is also what
 * gives them their overflow: components/sidebar.css). Asking each element rendered for
 * its computed overflow instead forced a style pass over the whole card on every
 * record (3 ms a switch, measured in the frame's profile).
 */
export const SCROLLER = 'data-fl-scroll';
const scrolls = (el: Element): boolean => el.hasAttribute(SCROLLER);

/** Is the element's box entirely inside the frame's viewport and every scrolling ancestor? */
function shownWhole(el: Element): boolean {
  const r = el.getBoundingClientRect();
  const inside = (b: { left: number; top: number; right: number; bottom: number }) => r.left >= b.left - 1 && r.top >= b.top - 1 && r.right <= b.right + 1 && r.bottom <= b.bottom + 1;
  if (!inside({ left: 0, top: 0, right: innerWidth, bottom: innerHeight })) return false;
  for (let a = el.parentElement; a && a !== el.ownerDocument.body; a = a.parentElement) if (scrolls(a) && !inside(a.getBoundingClientRect())) return false;
  return true;
}

export const visibilityTracking = (): boolean => typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;

export interface ClickGuard {
  /** The content script's latest report. */
  setExposure(e: Exposure): void;
  stop(): void;
}

/** How long a click nothing could judge yet waits for a verdict before it is refused. */
export const HOLD_MS = 500;

/**
 * Exposure reasons only our own code produces: the host parked between records (the
 * page cannot keep it so: hostGuard puts our inline `!important` styles back at once),
 * and the frame's start. A click that reaches the frame meanwhile met a host already
 * shown: the report is stale, not a warning.
 */
const OURS = new Set([NOT_YET_KNOWN, PARKED]);

/** What a click on a control meets: plain view, hidden or covered, or nothing to judge it by yet. */
type Verdict = 'shown' | 'refused' | 'unknown';

export function guardClicks(doc: Document, onRefused: () => void): ClickGuard {
  let exposure: Exposure = { hidden: NOT_YET_KNOWN, covered: [] };
  /** When the content script last reported the frame in plain view after it was parked: "not visible" from before is stale. */
  let plainSince = 0;
  /** A click nothing could judge yet (see the top of this file). */
  let held: { control: Element; timer: ReturnType<typeof setTimeout> } | null = null;
  let replaying = false;
  const tracker = visibilityTracking() ? trackVisibility(doc, () => decideHeld()) : null;

  const inCovered = (x: number, y: number) => exposure.covered.some(([cx, cy, w, h]) => x >= cx && x < cx + w && y >= cy && y < cy + h);

  const verdict = (control: Element, e: Event | null, since: number): Verdict => {
    if (exposure.hidden !== null) return OURS.has(exposure.hidden) ? 'unknown' : 'refused';
    if (tracker) return tracker.verdict(control, since);
    // Keyboard activation (Enter, Space) has no point; the control's own box stands in.
    const m = e as MouseEvent | null;
    const r = control.getBoundingClientRect();
    const [x, y] = m && (m.detail > 0 || m.clientX || m.clientY) ? [m.clientX, m.clientY] : [r.left + r.width / 2, r.top + r.height / 2];
    return inCovered(x, y) ? 'refused' : 'shown';
  };

  function decideHeld() {
    if (!held) return;
    const v = verdict(held.control, null, plainSince);
    if (v === 'unknown') return;
    const { control, timer } = held;
    held = null;
    clearTimeout(timer);
    if (v === 'refused' || !control.isConnected) return void (v === 'refused' && onRefused());
    replaying = true;
    try {
      // As the rep's click would have: focus first (a search field takes the typing), then the click.
      (control as HTMLElement).focus({ preventScroll: true });
      (control as HTMLElement).click();
    } finally {
      replaying = false;
    }
  }

  const onEvent = (e: Event) => {
    if (replaying) return;
    const control = e.target instanceof Element ? e.target.closest(CONTROLS) : null;
    if (!control) return;
    const v = verdict(control, e, plainSince);
    if (v === 'shown') return;
    e.preventDefault();
    e.stopImmediatePropagation();
    if (e.type !== 'click') return;
    if (v === 'refused') return onRefused();
    // The newest click is the one held; one that was waiting is dropped (a rep's double click is one action).
    if (held) clearTimeout(held.timer);
    const mine: NonNullable<typeof held> = {
      control,
      timer: setTimeout(() => {
        if (held !== mine) return;
        held = null;
        onRefused();
      }, HOLD_MS),
    };
    held = mine;
  };
  // pointerdown/mousedown too: focus and :active would otherwise still follow a refused click.
  const TYPES = ['click', 'pointerdown', 'mousedown', 'auxclick', 'dblclick'] as const;
  for (const t of TYPES) doc.defaultView?.addEventListener(t, onEvent, true);

  return {
    setExposure(e) {
      const was = exposure.hidden;
      exposure = { hidden: typeof e?.hidden === 'string' ? e.hidden : null, covered: Array.isArray(e?.covered) ? e.covered : [] };
      if (was !== null && OURS.has(was) && exposure.hidden === null) plainSince = performance.now();
      decideHeld();
    },
    stop() {
      for (const t of TYPES) doc.defaultView?.removeEventListener(t, onEvent, true);
      tracker?.stop();
      if (held) clearTimeout(held.timer);
      held = null;
    },
  };
}

/** IntersectionObserver v2 verdicts on every control (and scroll container) in `doc`, kept current as the sidebar renders. */
function trackVisibility(doc: Document, onUpdate: () => void): { verdict(target: Element, since: number): Verdict; stop(): void } {
  /** The latest IntersectionObserver v2 verdict per element, and when it was made. */
  const visible = new WeakMap<Element, { v: boolean; t: number }>();
  /**
   * When our own layout last moved (the rep scrolled, the sidebar re-rendered or was
   * resized): verdicts on controls from before then may be stale for up to the
   * observer's delay. The page cannot cause these moves.
   */
  let movedAt = 0;
  const moved = () => (movedAt = performance.now());

  const io = new IntersectionObserver(
    (entries) => {
      // Out of the frame's viewport says nothing about the page (and is stale by the time
      // the control is clicked: it was scrolled in since): the nearest ancestor decides.
      for (const e of entries as VisibilityEntry[]) {
        if (e.isIntersecting) visible.set(e.target, { v: e.isVisible === true, t: e.time });
        else visible.delete(e.target);
      }
      onUpdate();
    },
    // trackVisibility needs a delay of at least 100 ms; threshold 0 reports every change.
    { threshold: [0], trackVisibility: true, delay: 100 } as IntersectionObserverInit,
  );
  // Controls, and the scroll containers they sit in (see `verdict`).
  const observeAll = (root: Element) => {
    for (const el of [root, ...root.querySelectorAll('*')]) if (el.matches(CONTROLS) || scrolls(el)) io.observe(el);
  };
  // The body too: a control rendered a moment ago has no entry yet and falls back to it.
  io.observe(doc.body);
  observeAll(doc.body);
  const mo = new MutationObserver((records) => {
    moved();
    for (const r of records) for (const n of r.addedNodes) if (n instanceof Element) observeAll(n);
  });
  mo.observe(doc.body, { childList: true, subtree: true, attributes: true });
  doc.addEventListener('scroll', moved, { capture: true, passive: true });
  doc.defaultView?.addEventListener('resize', moved);

  return {
    // Chrome judges occlusion over the target's whole box, so a control partly scrolled
    // out of its container reads "not visible" (the container's edge and the content
    // beyond it count as covering it), and a verdict from before our own layout moved
    // may be stale. Such a "not visible" says nothing about the page: the nearest
    // ancestor with a sound verdict decides (the scroll container, observed too, whose
    // box does not move when its content scrolls). A "not visible" from before `since`
    // (the frame was parked then) is stale too.
    verdict(target, since) {
      for (let el: Element | null = target; el; el = el.parentElement) {
        const e = visible.get(el);
        if (!e) continue;
        if (e.v) return 'shown';
        if (e.t >= since && (scrolls(el) || e.t >= movedAt) && shownWhole(el)) return 'refused';
      }
      return 'unknown';
    },
    stop() {
      io.disconnect();
      mo.disconnect();
      doc.removeEventListener('scroll', moved, { capture: true });
      doc.defaultView?.removeEventListener('resize', moved);
    },
  };
}
