/**
 * Rep settings in extension storage (never the page's). Plain browser.storage.local:
 * the content script needs two values, not a storage framework.
 */
import { browser } from 'wxt/browser';

export type LangSetting = 'auto' | 'en' | 'zh-CN';

interface Item<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}

function item<T>(key: string, fallback: T, valid: (v: unknown) => v is T): Item<T> {
  return {
    async getValue() {
      const got = (await browser.storage.local.get(key))[key];
      return valid(got) ? got : fallback;
    },
    async setValue(value) {
      await browser.storage.local.set({ [key]: value });
    },
  };
}

const isLang = (v: unknown): v is LangSetting => v === 'auto' || v === 'en' || v === 'zh-CN';
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const isWidth = (v: unknown): v is number => typeof v === 'number' && v >= PANEL_MIN && v <= PANEL_MAX;

export const PANEL_MIN = 300;
export const PANEL_MAX = 640;
export const PANEL_DEFAULT = 360;

export const langSetting = item<LangSetting>('settings.lang', 'auto', isLang);

/** Whether the panel is open and how wide, remembered per site so Gmail and Salesforce can differ. */
export const panelOpen = (site: string) => item<boolean>(`sidebar.open.${site}`, true, isBool);
export const panelWidth = (site: string) => item<number>(`sidebar.width.${site}`, PANEL_DEFAULT, isWidth);
