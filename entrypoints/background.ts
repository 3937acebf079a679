import { browser } from 'wxt/browser';
import { admit, classifySender, type Reply } from '@/utils/messages';
import { createService } from '@/utils/background/service';
import { getDb } from '@/utils/store/db';
import { TOGGLE_MESSAGE } from '@/utils/content/toggle';

export default defineBackground(() => {
  const service = createService({ getDb });
  const extensionOrigin = browser.runtime.getURL('/');

  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    const verdict = admit(raw, classifySender(sender, browser.runtime.id, extensionOrigin));
    if (!verdict.ok) return Promise.resolve<Reply<never>>({ ok: false, error: verdict.error });
    const handler = service[verdict.type] as (p: unknown) => Promise<unknown>;
    return handler(verdict.payload).then(
      (data) => ({ ok: true, data }),
      (e: unknown) => ({ ok: false, error: e instanceof Error ? e.message : String(e) }),
    );
  });

  // Toolbar button and keyboard command both toggle the sidebar in the current tab.
  const toggle = (tabId?: number) => {
    if (tabId !== undefined) browser.tabs.sendMessage(tabId, TOGGLE_MESSAGE).catch(() => undefined);
  };
  // MV3 has `action`; Firefox's MV2 build has `browserAction`.
  (browser.action ?? browser.browserAction).onClicked.addListener((tab) => toggle(tab.id));
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'toggle-sidebar') toggle(tab?.id);
  });
});
