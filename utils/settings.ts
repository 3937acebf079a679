/**
 * Rep settings in extension storage (never the page's), as WXT storage items like every other
 * stored value. Each read is checked: a value of the wrong shape (an older build's, or one edited
 * by hand) reads as the fallback instead of reaching the panel.
 */
import { storage, type StorageItemKey, type WxtStorageItem } from 'wxt/utils/storage';

export type LangSetting = 'auto' | 'en' | 'zh-CN';

export const PANEL_MIN = 300;
export const PANEL_MAX = 640;
export const PANEL_DEFAULT = 360;

type Setting<T> = WxtStorageItem<T, Record<string, unknown>>;

function setting<T>(key: StorageItemKey, fallback: T, valid: (v: unknown) => v is T): Setting<T> {
  const item = storage.defineItem<T>(key, { fallback, version: 1 });
  return {
    ...item,
    getValue: async () => {
      const got: unknown = await item.getValue();
      return valid(got) ? got : fallback;
    },
  };
}

const isLang = (v: unknown): v is LangSetting => v === 'auto' || v === 'en' || v === 'zh-CN';
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const isWidth = (v: unknown): v is number => typeof v === 'number' && v >= PANEL_MIN && v <= PANEL_MAX;

export const langSetting = setting<LangSetting>('local:settings.lang', 'auto', isLang);

/** Whether the panel is open and how wide, remembered per site so Gmail and Salesforce can differ. */
export const panelOpen = (site: string) => setting<boolean>(`local:sidebar.open.${site}`, true, isBool);
export const panelWidth = (site: string) => setting<number>(`local:sidebar.width.${site}`, PANEL_DEFAULT, isWidth);
/** Open beside the page (it reflows) or over it; the fallback is the site's default (SiteInfo.panel). */
export const panelBeside = (site: string, fallback: boolean) => setting<boolean>(`local:sidebar.beside.${site}`, fallback, isBool);

/** The rep's role (issue 16.1): `auto` takes the IT policy's `defaultRole`, then the pack's `meta.defaultRole`. */
export type RoleSetting = 'auto' | 'sales' | 'cs';
const isRoleSetting = (v: unknown): v is RoleSetting => v === 'auto' || v === 'sales' || v === 'cs';
export const roleSetting = setting<RoleSetting>('local:settings.role', 'auto', isRoleSetting);
