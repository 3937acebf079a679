import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { langSetting, panelOpen, panelWidth, PANEL_DEFAULT } from '../../utils/settings';

describe('rep settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads the fallback until the rep chooses, then what was chosen', async () => {
    expect(await langSetting.getValue()).toBe('auto');
    expect(await panelOpen('gmail').getValue()).toBe(true);
    expect(await panelWidth('gmail').getValue()).toBe(PANEL_DEFAULT);
    await langSetting.setValue('zh-CN');
    await panelOpen('gmail').setValue(false);
    await panelWidth('gmail').setValue(480);
    expect(await langSetting.getValue()).toBe('zh-CN');
    expect(await panelOpen('gmail').getValue()).toBe(false);
    expect(await panelWidth('gmail').getValue()).toBe(480);
  });

  it('keeps the panel per site, under the keys earlier builds wrote', async () => {
    await fakeBrowser.storage.local.set({ 'sidebar.width.salesforce': 520, 'sidebar.open.salesforce': false, 'settings.lang': 'en' });
    expect(await panelWidth('salesforce').getValue()).toBe(520);
    expect(await panelOpen('salesforce').getValue()).toBe(false);
    expect(await langSetting.getValue()).toBe('en');
    expect(await panelWidth('hubspot').getValue()).toBe(PANEL_DEFAULT);
    expect(await panelOpen('hubspot').getValue()).toBe(true);
  });

  it('reads a stored value of the wrong shape as the fallback', async () => {
    await fakeBrowser.storage.local.set({ 'sidebar.width.gmail': 5000, 'sidebar.open.gmail': 'yes', 'settings.lang': 'fr' });
    expect(await panelWidth('gmail').getValue()).toBe(PANEL_DEFAULT);
    expect(await panelOpen('gmail').getValue()).toBe(true);
    expect(await langSetting.getValue()).toBe('auto');
  });
});
