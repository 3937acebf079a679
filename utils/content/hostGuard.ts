/**
 * The sidebar's host element, held against the page. The page owns the DOM around it
 * and can restyle it: make it transparent and lay its own button over it so the rep's
 * clicks land on ours (clickjacking), clip it down to one button, move it, blend it
 * away. We cannot stop the page trying, so we (1) give the host every property that
 * matters inline with `!important` (which beats any stylesheet) on a reset `all:
 * initial`, (2) put it back the moment its attributes change, (3) check its computed
 * style, its ancestors' and what lies on top of it twice a second, and (4) tell the
 * frame when it is not plainly visible, so the frame refuses clicks meanwhile
 * (utils/ui/clickGuard.ts).
 */
import { PARKED, type Exposure, type FrameLayout } from '../ui/channel';

/**
 * Where the host is: the frame's layout, and whether it is shown at all. A host is
 * parked (in the page, invisible, taking no clicks) while its frame boots ahead of the
 * record, and between records in an SPA, so one frame serves every record of the tab.
 */
export type Placement = FrameLayout & { shown: boolean };

/**
 * `attachShadow` as this content script first saw it. Our world has its own DOM
 * prototypes (Chrome's isolated world, Firefox's Xray wrappers), so a page that
 * replaces `Element.prototype.attachShadow` to catch our root patches its own copy, not
 * ours; holding the original from module load keeps that true whatever runs later.
 */
const attachShadow = Element.prototype.attachShadow;

const RAIL = { width: 34, height: 96 };

/** Above anything the page can give a z-index (the top layer aside, which the checks catch). */
const Z_TOP = '2147483647';

function hostStyle(layout: Placement): string {
  const props: [string, string][] = [
    // Every property back to its initial value first, so no page rule reaches the host…
    ['all', 'initial'],
    // …then ours. Each one a page could use to hide, move, shrink or blend the frame.
    ['display', 'block'],
    ['position', 'fixed'],
    ['top', layout.open ? '0' : '40vh'],
    ['right', '0'],
    ['left', 'auto'],
    ['bottom', 'auto'],
    ['width', `${layout.open ? layout.width : RAIL.width}px`],
    ['height', layout.open ? '100vh' : `${RAIL.height}px`],
    ['z-index', Z_TOP],
    ['visibility', layout.shown ? 'visible' : 'hidden'],
    ['opacity', '1'],
    ['transform', 'none'],
    ['translate', 'none'],
    ['rotate', 'none'],
    ['scale', 'none'],
    ['filter', 'none'],
    ['clip-path', 'none'],
    ['clip', 'auto'],
    ['mask', 'none'],
    ['mix-blend-mode', 'normal'],
    ['pointer-events', layout.shown ? 'auto' : 'none'],
    ['zoom', '1'],
    ['isolation', 'isolate'],
    ['box-shadow', layout.open ? '-4px 0 16px rgba(0,0,0,.12)' : 'none'],
  ];
  return props.map(([k, v]) => `${k}:${v} !important`).join(';');
}

/** Computed values that mean "not what the rep sees as the sidebar". */
const PLAIN: Record<string, (v: string) => boolean> = {
  opacity: (v) => v === '1',
  filter: (v) => v === 'none',
  transform: (v) => v === 'none',
  'clip-path': (v) => v === 'none',
  'mask-image': (v) => v === 'none',
  'mix-blend-mode': (v) => v === 'normal',
};

/**
 * Why the frame is not plainly visible to the rep right now, or null when it is. Pure
 * reads (computed style, geometry, hit testing); cheap enough for every half second.
 */
export function hiddenReason(host: HTMLElement, layout: FrameLayout, win: Window = window): string | null {
  if (!host.isConnected) return 'removed';
  const doc = host.ownerDocument;
  const own = win.getComputedStyle(host);
  if (own.display === 'none' || own.visibility !== 'visible') return PARKED;
  // The host and every ancestor: opacity, filters, transforms, clips, masks and blending
  // compose down the tree, so an `html { opacity: 0 }` hides us as well as our own.
  for (let el: Element | null = host; el; el = el.parentElement) {
    const cs = el === host ? own : win.getComputedStyle(el);
    for (const [prop, ok] of Object.entries(PLAIN)) if (!ok(cs.getPropertyValue(prop))) return `${el === host ? 'host' : el.localName} ${prop}`;
  }
  const r = host.getBoundingClientRect();
  const want = { width: layout.open ? layout.width : RAIL.width, right: doc.documentElement.clientWidth };
  if (Math.abs(r.width - want.width) > 1 || r.height < Math.min(RAIL.height, win.innerHeight) - 1 || Math.abs(r.right - want.right) > 1) return 'moved';
  return null;
}

/**
 * The parts of the frame (frame coordinates, a grid of `step` px cells) where something
 * of the page lies on top: hit testing at each cell's centre must find our host. Used by
 * the frame where IntersectionObserver v2 is missing (Firefox). Hit testing skips
 * `pointer-events: none` elements, so an overlay that lets clicks through is not seen
 * here (IntersectionObserver v2 sees it; docs/security.md).
 */
export function coveredCells(host: HTMLElement, doc: Document = host.ownerDocument, step = 32): [number, number, number, number][] {
  const r = host.getBoundingClientRect();
  const out: [number, number, number, number][] = [];
  const bottom = Math.min(r.bottom, doc.documentElement.clientHeight);
  for (let y = r.top; y < bottom; y += step) {
    for (let x = r.left; x < r.right; x += step) {
      const w = Math.min(step, r.right - x);
      const h = Math.min(step, bottom - y);
      const top = doc.elementFromPoint(x + w / 2, y + h / 2);
      if (top !== host) out.push([Math.round(x - r.left), Math.round(y - r.top), Math.round(w), Math.round(h)]);
    }
  }
  return out;
}

export interface GuardedHost {
  host: HTMLElement;
  root: ShadowRoot;
  place(layout: Placement): void;
  /** What the frame should know now. */
  exposure(): Exposure;
  stop(): void;
}

/**
 * Creates the host with a closed shadow root, keeps its styles ours and reports
 * changes in what the rep can see through `onChange` (deduplicated).
 */
export function guardHost(initial: Placement, onChange: (e: Exposure) => void, setInterval: (fn: () => void, ms: number) => number): GuardedHost {
  let layout = initial;
  const host = document.createElement('frontline-sidebar');
  // Closed: the page cannot reach the frame element, its URL, or restyle it from inside.
  const root = attachShadow.call(host, { mode: 'closed' });
  const ours = () => hostStyle(layout);
  const assert = () => {
    // Only our style attribute; anything else the page adds (class, hidden, inert, popover…) goes.
    for (const a of Array.from(host.attributes)) if (a.name !== 'style') host.removeAttribute(a.name);
    if (host.getAttribute('style') !== ours()) host.setAttribute('style', ours());
  };
  assert();

  let last = '';
  // Hit testing is only the frame's fallback: skip its few hundred probes where the
  // frame has IntersectionObserver v2 (same browser, same answer).
  const probe = !(typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype);
  const exposure = (): Exposure => ({ hidden: hiddenReason(host, layout), covered: probe && host.isConnected ? coveredCells(host) : [] });
  const check = () => {
    const now = exposure();
    const key = JSON.stringify(now);
    if (key !== last) {
      last = key;
      onChange(now);
    }
  };
  // Reading computed style and boxes forces the page's layout: do it in an animation
  // frame, where the browser lays out anyway, once however many reasons came up.
  let pending = 0;
  const schedule = () => {
    if (!pending) pending = requestAnimationFrame(() => ((pending = 0), check()));
  };
  // Our own writes trigger the observer too; `assert` is idempotent, so that settles at once.
  const onHost = new MutationObserver(() => {
    assert();
    schedule();
  });
  onHost.observe(host, { attributes: true });
  // The page restyling an ancestor (html, body classes, inline style) or adding a style sheet.
  const onPage = new MutationObserver(schedule);
  onPage.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class', 'hidden'] });
  if (document.head) onPage.observe(document.head, { childList: true, subtree: true, characterData: true });
  // Style sheets changed through the CSSOM, overlays, animations: none of these mutate what we observe.
  const timer = setInterval(() => {
    assert();
    schedule();
  }, 500);
  return {
    host,
    root,
    place(next) {
      layout = next;
      assert();
      schedule();
    },
    exposure,
    stop() {
      onHost.disconnect();
      onPage.disconnect();
      clearInterval(timer);
      cancelAnimationFrame(pending);
    },
  };
}
