/**
 * Inserting a battlecard response into a webmail reply. We remember the last reply
 * box the rep focused (clicking the sidebar moves focus away) and insert at its
 * caret with execCommand, which fires the input events Gmail and Outlook listen to.
 *
 * The page is hostile: it can make a hidden box that matches our selectors and focus
 * it from script, then read whatever lands there. So a box counts only once the rep
 * has clicked or typed in it (trusted pointer and key events; page script cannot make
 * those, while `focus()` from script does fire a trusted focusin), and only while it is
 * still connected and visible. There is no "first reply box on the page" fallback.
 */
const REPLY_BOX = [
  // Gmail compose and inline reply body (seen 2024–2026).
  'div[contenteditable="true"][role="textbox"][aria-label="Message Body"]',
  'div[contenteditable="true"][g_editable="true"]',
  // Outlook on the web reading-pane reply (seen 2025–2026).
  'div[contenteditable="true"][aria-label="Message body"]',
  'div[contenteditable="true"][role="textbox"]',
].join(',');

export interface ReplyTracker {
  available(): boolean;
  insert(text: string): boolean;
  stop(): void;
}

/** Is the box there for the rep to see: rendered, not transparent, not clipped to nothing, on screen? */
export function visibleBox(box: HTMLElement): boolean {
  if (!box.isConnected) return false;
  const view = box.ownerDocument.defaultView;
  if (typeof box.checkVisibility === 'function' && !box.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true })) return false;
  const r = box.getBoundingClientRect();
  if (r.width < 20 || r.height < 10) return false;
  if (view && (r.right <= 0 || r.bottom <= 0 || r.left >= view.innerWidth || r.top >= view.innerHeight)) return false;
  for (let el: Element | null = box; el && view; el = el.parentElement) {
    const cs = view.getComputedStyle(el);
    if (Number(cs.opacity) < 0.5 || cs.clipPath !== 'none') return false;
  }
  return true;
}

export function trackReplyBox(doc: Document): ReplyTracker {
  let last: HTMLElement | null = null;
  let range: Range | null = null;
  const boxOf = (node: EventTarget | Node | null) => (node instanceof Element ? node.closest<HTMLElement>(REPLY_BOX) : null);
  /** Where the caret is now, if it is in the box we remember. */
  const keepCaret = () => {
    const sel = doc.getSelection();
    if (last && sel && sel.rangeCount && last.contains(sel.getRangeAt(0).startContainer)) range = sel.getRangeAt(0).cloneRange();
  };
  /** A trusted click or key in a reply box makes it the rep's box. */
  const onGesture = (e: Event) => {
    if (!e.isTrusted) return;
    const box = boxOf(e.type === 'keyup' || e.type === 'keydown' ? doc.activeElement : e.target);
    if (!box) return;
    if (box !== last) range = null;
    last = box;
    keepCaret();
  };
  const onSelection = () => {
    if (last && boxOf(doc.activeElement) === last) keepCaret();
  };
  const GESTURES = ['pointerdown', 'mouseup', 'keyup'] as const;
  for (const type of GESTURES) doc.addEventListener(type, onGesture, true);
  doc.addEventListener('selectionchange', onSelection);
  const usable = () => (last && visibleBox(last) ? last : null);
  return {
    available: () => usable() !== null,
    insert(text) {
      const box = usable();
      if (!box) return false;
      // Focusing the box moves its caret: keep the saved one.
      const caret = range;
      box.focus();
      const sel = doc.getSelection();
      if (sel) {
        sel.removeAllRanges();
        if (caret && box.contains(caret.startContainer)) sel.addRange(caret);
        else {
          const end = doc.createRange();
          end.selectNodeContents(box);
          end.collapse(false);
          sel.addRange(end);
        }
      }
      const ok = doc.execCommand('insertText', false, text);
      if (!ok) box.append(doc.createTextNode(text));
      keepCaret();
      return true;
    },
    stop() {
      for (const type of GESTURES) doc.removeEventListener(type, onGesture, true);
      doc.removeEventListener('selectionchange', onSelection);
    },
  };
}
