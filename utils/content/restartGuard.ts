/**
 * WXT stops a content script when a newer copy of it announces itself: the new one
 * dispatches a `<extension id>:<entrypoint>:wxt:content-script-started` CustomEvent on
 * `document`, and every older context that hears it invalidates itself. Page script
 * can dispatch that event too (the name is guessable: the extension id is public in the
 * store), and our sidebar would vanish. So we swallow the event before WXT's listener
 * sees it: a capturing listener on `window` runs before any listener on `document`.
 *
 * Nothing is lost: a genuinely orphaned script (extension updated or reloaded) has no
 * `browser.runtime.id` any more, and WXT's context notices that on its next timer tick
 * (runSidebar keeps one ticking every second).
 */
import { ContentScriptContext } from 'wxt/utils/content-script-context';

export function ignoreForgedRestarts(ctx: ContentScriptContext): void {
  // WXT's own name for the event (a static field its typings mark private).
  const name = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;
  window.addEventListener(name, (e) => e.stopImmediatePropagation(), { capture: true, signal: ctx.signal });
}
