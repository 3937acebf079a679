/**
 * "Beside the page": while the panel is open, the page reflows into the width left of it
 * instead of being covered. The document gets a right margin (normal flow reflows by
 * itself); what that cannot move is the page's fixed layer — app bars, right-hand
 * drawers, dialog containers — whose boxes belong to the viewport. Those we find where
 * they reach under the panel and pull in: a bar spanning the width ends at the panel's
 * edge, a box anchored to the right edge moves left of it. Each change is inline with
 * `!important` on the page's own element, remembered, and undone when the panel closes
 * or narrows. Only geometry is read; nothing of the page leaves this module.
 *
 * What stays covered (docs/sites.md): `100vw` boxes in normal flow, fixed boxes inside a
 * page's shadow roots, and boxes that let clicks through (`pointer-events: none`, which
 * hit testing does not see).
 */

/** The page's own values of what we change, to put back exactly. */
const PROPS = ['left', 'right', 'width'] as const;
type Saved = Record<(typeof PROPS)[number], [string, string]>;

export interface Dock {
  /** Panel width to leave free, or 0 for none (closed, or over the page). */
  set(width: number): void;
  /** Look again for fixed boxes under the panel soon (the page rendered something); bursts make one look. */
  rescanSoon(): void;
  stop(): void;
}

/** One probe every this many px down two columns under the panel: an app bar or a drawer is taller (hit tests force layout, so few). */
const STEP = 36;

/**
 * The page's fixed boxes that reach under a panel `width` px wide at the right edge of
 * the viewport. Pure reads: hit testing (which lists every box at a point, not only the
 * top one) and computed position.
 */
export function fixedUnderPanel(doc: Document, width: number, ours: Element | null): HTMLElement[] {
  const win = doc.defaultView;
  if (!win || width <= 0) return [];
  const vw = doc.documentElement.clientWidth;
  const vh = doc.documentElement.clientHeight;
  const seen = new Set<Element>();
  const found: HTMLElement[] = [];
  for (const x of [vw - width + 4, vw - 4]) {
    for (let y = 2; y < vh; y += STEP) {
      for (const el of doc.elementsFromPoint(x, y)) {
        if (seen.has(el)) continue;
        seen.add(el);
        if (el === ours || el === doc.documentElement || el === doc.body || !(el instanceof HTMLElement)) continue;
        if (win.getComputedStyle(el).position === 'fixed') found.push(el);
      }
    }
  }
  return found;
}

/** How to pull one fixed box out from under the panel: what its `right` and `width` become. */
export function pulledIn(box: { left: number; right: number }, viewport: number, panel: number): Partial<Record<(typeof PROPS)[number], string>> {
  const right = `${Math.max(0, Math.round(viewport - box.right)) + panel}px`;
  // A box that starts at the left edge spans the page (an app bar, a dialog's backdrop):
  // it keeps its left (pinned, since `left: auto` with a width of auto would shrink it to
  // its content) and ends at the panel. Anything else keeps its width and moves over.
  if (box.left <= 1) return { left: `${Math.round(box.left)}px`, right, width: 'auto' };
  return { right };
}

export function dockPage(doc: Document, ours: () => Element | null): Dock {
  const style = doc.createElement('style');
  let width = 0;
  let soon: ReturnType<typeof setTimeout> | undefined;
  const moved = new Map<HTMLElement, Saved>();

  const restore = () => {
    for (const [el, saved] of moved) {
      for (const p of PROPS) {
        const [value, priority] = saved[p];
        if (value) el.style.setProperty(p, value, priority);
        else el.style.removeProperty(p);
      }
    }
    moved.clear();
  };

  const rescan = () => {
    if (!width) return;
    // The margin first (the page may have dropped our style element), then the fixed layer.
    if (!style.isConnected) doc.documentElement.append(style);
    const vw = doc.documentElement.clientWidth;
    for (const el of fixedUnderPanel(doc, width, ours())) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (!moved.has(el)) moved.set(el, Object.fromEntries(PROPS.map((p) => [p, [el.style.getPropertyValue(p), el.style.getPropertyPriority(p)]])) as Saved);
      for (const [p, v] of Object.entries(pulledIn(r, vw, width))) el.style.setProperty(p, v, 'important');
    }
  };
  /** Mutations come in bursts (a storm is thousands a second): one look per 300 ms at most. */
  const RESCAN_MS = 300;

  return {
    set(next) {
      next = Math.max(0, Math.round(next));
      if (next === width) return;
      // Moved boxes are placed for the old width: put them back, then place them again.
      restore();
      width = next;
      if (!width) {
        style.remove();
        return;
      }
      style.textContent = `html{margin-right:${width}px !important}`;
      rescan();
    },
    rescanSoon() {
      if (!width || soon !== undefined) return;
      soon = setTimeout(() => {
        soon = undefined;
        rescan();
      }, RESCAN_MS);
    },
    stop() {
      clearTimeout(soon);
      soon = undefined;
      restore();
      style.remove();
      width = 0;
    },
  };
}
