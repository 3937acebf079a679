/**
 * The toolbar icon's files, shared by the manifest (wxt.config.ts), the background
 * (per-tab state) and the script that renders them (scripts/icons.ts).
 */
export const ICON_SIZES = [16, 32, 48, 128] as const;

/** idle: nothing matched in this tab; record: the sidebar shows an account for this tab's record. */
export type IconState = 'idle' | 'record';

export function iconPath(state: IconState, size: number): string {
  return state === 'idle' ? `icon/${size}.png` : `icon/record-${size}.png`;
}

/** { "16": "icon/16.png", … } for the manifest and action.setIcon. */
export function iconSet(state: IconState): Record<string, string> {
  return Object.fromEntries(ICON_SIZES.map((s) => [String(s), iconPath(state, s)]));
}
