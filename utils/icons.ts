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

/** The sizes a toolbar shows: 16 px, and 32 for a 2× screen. */
export const TOOLBAR_SIZES = [16, 32] as const;

/**
 * The toolbar sizes' pixels, straight RGBA (4 bytes a pixel, rows top down), written at
 * build time from the PNGs (scripts/build/iconPixels.ts) for Chrome's worker: given
 * pixels, setIcon draws nothing (given paths, it decodes each PNG on a canvas).
 */
export function iconPixelsPath(state: IconState, size: number): string {
  return iconPath(state, size).replace(/\.png$/, '.rgba');
}

/** Every pixel file Chrome's build ships: both states at each toolbar size. */
export function iconPixelFiles(): string[] {
  return (['idle', 'record'] as const).flatMap((state) => TOOLBAR_SIZES.map((size) => iconPixelsPath(state, size)));
}

/** { "16": "icon/16.png", … } for the manifest (every size) and action.setIcon (the toolbar's). */
export function iconSet(state: IconState, sizes: readonly number[] = ICON_SIZES): Record<string, string> {
  return Object.fromEntries(sizes.map((s) => [String(s), iconPath(state, s)]));
}
