/**
 * Inserting a battlecard response into a webmail reply. We remember the last reply
 * box the rep focused (clicking the sidebar moves focus away) and insert at its
 * caret with execCommand, which fires the input events Gmail and Outlook listen to.
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

export function trackReplyBox(doc: Document): ReplyTracker {
  let last: HTMLElement | null = null;
  let range: Range | null = null;
  const remember = () => {
    const sel = doc.getSelection();
    const active = doc.activeElement as HTMLElement | null;
    const box = active?.closest<HTMLElement>(REPLY_BOX);
    if (box) {
      last = box;
      if (sel && sel.rangeCount && box.contains(sel.getRangeAt(0).startContainer)) range = sel.getRangeAt(0).cloneRange();
    }
  };
  doc.addEventListener('focusin', remember, true);
  doc.addEventListener('selectionchange', remember);
  doc.addEventListener('keyup', remember, true);
  return {
    available: () => Boolean((last && last.isConnected) || doc.querySelector(REPLY_BOX)),
    insert(text) {
      const box = last && last.isConnected ? last : doc.querySelector<HTMLElement>(REPLY_BOX);
      if (!box) return false;
      // Focusing the box moves its caret (and our focusin listener would record that): keep the saved one.
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
      remember();
      return true;
    },
    stop() {
      doc.removeEventListener('focusin', remember, true);
      doc.removeEventListener('selectionchange', remember);
      doc.removeEventListener('keyup', remember, true);
    },
  };
}
