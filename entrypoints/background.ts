import { browser } from 'wxt/browser';
import { admit, classifySender } from '@/utils/messages';
import type { Reply } from '@/utils/envelope';
import { createService } from '@/utils/background/service';
import { getDb } from '@/utils/store/db';
import { TOGGLE_MESSAGE } from '@/utils/content/toggle';
import { SYNC_ALARM, browserOpsDeps } from '@/utils/sync/browser';
import { policyRole, readManaged, watchManaged } from '@/utils/sync/managed';
import { langSetting, roleSetting } from '@/utils/settings';
import { pickLang } from '@/utils/i18n';
import { acceptFramePorts, nudgeFrames, relayFromFrame } from '@/utils/platform';
import { syncGenericScripts } from '@/utils/background/genericScripts';
import { iconsByPage, iconStateFor, showIconState } from '@/utils/background/toolbarIcon';
import { dispatch } from '@/utils/background/dispatch';
import { browserTrialTabs } from '@/utils/background/ruleTrialTabs';
import { seedSample, useSampleSource } from '@/utils/store/samplePack';
import { reindexStoredPacks } from '@/utils/store/packStore';
import { createViewPush } from '@/utils/background/viewPush';
import { keptUntilChanged } from '@/utils/background/keptUntilChanged';
import { keptRolePrefs } from '@/utils/background/roleHandlers';
import { acceptReadingPort } from '@/utils/background/readingPort';
import type { PortLike } from '@/utils/ui/viewPort';
import { browserLoopDeps } from '@/utils/telemetry/loopBrowser';
import { TELEMETRY_ALARM } from '@/utils/telemetry/browser';

export default defineBackground(() => {
  // The sample pack is a file of the package (wxt.config.ts copies it), not part of this script.
  useSampleSource(async () => (await fetch(browser.runtime.getURL('/sample-pack.json' as '/options.html'))).json());
  // Read on every view: kept while the worker lives, until storage says they changed; the rep's role is written here (`role:set`).
  const { rolePrefs, saveRole } = keptRolePrefs(
    async () => {
      const [rep, policy] = await Promise.all([roleSetting.getValue(), readManaged()]);
      return { rep: rep === 'auto' ? null : rep, policy: policyRole(policy) };
    },
    (role) => roleSetting.setValue(role),
    (changed) => {
      roleSetting.watch(changed);
      watchManaged(changed);
    },
  );
  const langPref = keptUntilChanged(() => langSetting.getValue(), (changed) => void langSetting.watch(changed));
  const extensionOrigin = browser.runtime.getURL('/');
  const icons = iconsByPage(showIconState);
  const views = createViewPush({
    build: (ctx, lang) => service['view:get']({ ctx, lang }),
    shown: (tabId, ctx, view, token) => {
      const state = iconStateFor('view:get', { ctx }, view);
      if (state) icons.show(tabId, state, token).catch(() => undefined);
    },
    // As the frame picks it (entrypoints/sidebar/wiring.tsx): the rep's setting, else the browser's language.
    expectedLang: async () => {
      const pref = await langPref();
      return pickLang(browser.i18n.getUILanguage?.() ?? navigator.language, pref === 'auto' ? null : pref);
    },
    runtimeId: browser.runtime.id,
    // Not getURL('/sidebar.html'): Chrome answers that with the page's dynamic URL (use_dynamic_url), senders carry the static one.
    framePage: `${extensionOrigin}sidebar.html`,
  });
  const service = createService({ getDb, ops: browserOpsDeps(), tabs: browserTrialTabs, rolePrefs, saveRole, views, loop: browserLoopDeps() });
  acceptFramePorts();
  browser.runtime.onConnect.addListener((port) => {
    const reading = acceptReadingPort(port as Parameters<typeof acceptReadingPort>[0], {
      runtimeId: browser.runtime.id,
      extensionOrigin,
      prime: (tabId, r) => void service['view:prime'](r, { tabId, frameId: 0, extensionPage: false }).catch(() => undefined),
    });
    if (!reading) views.accept(port as PortLike);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    views.forget(tabId);
    icons.forget(tabId);
  });

  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    // Firefox: the sidebar frame has no `tabs` and reaches its content script through us.
    const relayed = relayFromFrame(raw, sender);
    if (relayed) return relayed;
    nudgeFrames(raw, sender);
    // Not addressed to us (the sidebar frame and its content script talk past us): stay silent.
    if (typeof raw !== 'object' || raw === null || (raw as { frontline?: unknown }).frontline !== 1) return undefined;
    const verdict = admit(raw, classifySender(sender, browser.runtime.id, extensionOrigin));
    if (!verdict.ok) return Promise.resolve<Reply<never>>({ ok: false, error: verdict.error });
    return dispatch(
      {
        handler: (type) => service[type] as (p: unknown) => Promise<unknown>,
        // A pack change can change which self-hosted CRMs the generic script covers.
        resyncSites: () => void resyncGeneric(),
        answered: (type, payload, data) => {
          const state = iconStateFor(type, payload, data);
          if (state && sender.tab?.id !== undefined) icons.show(sender.tab.id, state).catch(() => undefined);
        },
      },
      verdict.type,
      verdict.payload,
      { tabId: sender.tab?.id, frameId: sender.frameId, extensionPage: Boolean(sender.url?.startsWith(extensionOrigin)) },
    );
  });

  const resyncGeneric = async () => {
    try {
      await syncGenericScripts(await service['sites:rules']({}));
    } catch (e) {
      console.warn('Frontline: could not register the site-rule content script', e);
    }
  };
  browser.runtime.onInstalled.addListener(() => {
    void resyncGeneric();
    // Install and update: the sample pack stored like any pack, so no wake checks it again.
    void getDb()
      .then(async (db) => {
        const wrote = await seedSample(db);
        // An update may have changed the stored index's format: index the stored packs again, once.
        const reindexed = await reindexStoredPacks(db);
        if (wrote || reindexed) service.invalidate();
      })
      .catch((e) => console.warn('Frontline: could not store the sample pack or its index', e));
  });
  browser.runtime.onStartup.addListener(() => void resyncGeneric());
  browser.permissions.onAdded.addListener(() => void resyncGeneric());
  browser.permissions.onRemoved.addListener(() => void resyncGeneric());

  // Pack sync: one alarm, re-armed after every run from the state in storage (alarms
  // may not survive a browser restart, and the worker never keeps the schedule).
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== SYNC_ALARM) return;
    service.ops.syncNow().then(
      ({ result }) => {
        if (result?.outcome === 'updated') void resyncGeneric();
      },
      () => undefined,
    );
  });
  // Team analytics: the outbox is sent when its alarm fires (after a batch gathers, or a
  // retry's backoff); the queue is in IndexedDB, so a stopped worker just catches up.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === TELEMETRY_ALARM) void service.telemetry.flush().catch(() => undefined);
  });
  void service.telemetry.ensureScheduled().catch(() => undefined);
  watchManaged(() => void service.ops.settingsChanged().catch(() => undefined));
  void service.ops.ensureScheduled().catch(() => undefined);

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
