/** The real storage, policy and alarm behind team analytics (background and options page). */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { readManaged } from '../sync/managed';
import { getLoopDb } from '../store/loopDb';
import { effectiveTelemetry, type TelemetryUserSettings } from './settings';
import { EMPTY_TELEMETRY_STATE, type TelemetryDeps, type TelemetryState } from './queue';

export const TELEMETRY_ALARM = 'frontline-telemetry';

/** The endpoint ops set on the options page for this browser (a policy value wins). */
export const telemetrySettingsItem = storage.defineItem<TelemetryUserSettings>('local:telemetry.settings', { fallback: {}, version: 1 });
/** Failures, next retry, last send: in storage, because the worker may stop at any time. */
export const telemetryStateItem = storage.defineItem<TelemetryState>('local:telemetry.state', { fallback: EMPTY_TELEMETRY_STATE, version: 1 });
/** The pseudonymous rep id: random, made on first use, replaced by "New id" on the options page. */
export const repIdItem = storage.defineItem<string | null>('local:telemetry.repId', { fallback: null, version: 1 });

export async function currentRepId(): Promise<string> {
  const id = await repIdItem.getValue();
  if (id) return id;
  const made = crypto.randomUUID();
  await repIdItem.setValue(made);
  return made;
}

export function browserTelemetryDeps(): Omit<TelemetryDeps, 'pack'> {
  return {
    getLoopDb,
    settings: async () => effectiveTelemetry(await telemetrySettingsItem.getValue(), await readManaged()),
    repId: currentRepId,
    state: { get: () => telemetryStateItem.getValue(), set: (v) => telemetryStateItem.setValue(v) },
    schedule: async (at) => {
      if (at === null) await browser.alarms.clear(TELEMETRY_ALARM);
      else await browser.alarms.create(TELEMETRY_ALARM, { when: Math.max(at, Date.now() + 500) });
    },
    extensionVersion: browser.runtime.getManifest().version,
  };
}
