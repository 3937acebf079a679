/** The real storage, policy and alarm behind the sync handlers (background only). */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { OpsDeps } from './handlers';
import type { UserSettings } from './settings';
import type { SyncState } from './sync';
import type { HighWater } from './highWater';
import { readManaged } from './managed';

export const SYNC_ALARM = 'frontline-sync';

/** Settings ops saved on the options page (policy values live in managed storage). */
export const userSettingsItem = storage.defineItem<UserSettings>('local:sync.settings', { fallback: {}, version: 1 });
/** ETag, failures, next attempt, last result: the worker may stop at any time, so none of it is in memory. */
export const syncStateItem = storage.defineItem<SyncState | null>('local:sync.state', { fallback: null, version: 1 });

/** Highest version taken per pack id: the floor sync never goes below, even after a switch of pack. */
export const highWaterItem = storage.defineItem<HighWater>('local:sync.highWater', { fallback: {}, version: 1 });

export function browserOpsDeps(): OpsDeps {
  return {
    userSettings: { get: () => userSettingsItem.getValue(), set: (v) => userSettingsItem.setValue(v) },
    syncState: { get: () => syncStateItem.getValue(), set: (v) => syncStateItem.setValue(v) },
    highWater: { get: () => highWaterItem.getValue(), set: (v) => highWaterItem.setValue(v) },
    managed: readManaged,
    schedule: async (at) => {
      if (at === null) await browser.alarms.clear(SYNC_ALARM);
      else await browser.alarms.create(SYNC_ALARM, { when: Math.max(at, Date.now() + 1000) });
    },
    online: () => (typeof navigator === 'undefined' ? true : navigator.onLine !== false),
    // To the extension's pages only (runtime messages never reach web pages); no page listening is fine.
    progress: (report) => void browser.runtime.sendMessage(report).catch(() => undefined),
  };
}
