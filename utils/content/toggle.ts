/** Background → content script: open or close the sidebar in this tab. */
export const TOGGLE_MESSAGE = { frontline: 1, type: 'sidebar:toggle' } as const;

export function isToggle(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && (raw as { type?: unknown }).type === TOGGLE_MESSAGE.type && (raw as { frontline?: unknown }).frontline === 1;
}
