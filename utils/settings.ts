/** Rep settings in extension storage (never the page's). */
import { storage } from 'wxt/utils/storage';

export type LangSetting = 'auto' | 'en' | 'zh-CN';

export const langSetting = storage.defineItem<LangSetting>('local:settings.lang', { fallback: 'auto' });

/** Whether the panel is open, remembered per site so Gmail and Salesforce can differ. */
export const panelOpen = (site: string) => storage.defineItem<boolean>(`local:sidebar.open.${site}`, { fallback: true });
