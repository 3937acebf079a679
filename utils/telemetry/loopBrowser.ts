/** The real loop deps for the background: loop database, telemetry storage, policy, rep id. */
import { getLoopDb } from '../store/loopDb';
import { readManaged } from '../sync/managed';
import type { LoopDeps } from '../background/loopHandlers';
import { browserTelemetryDeps, repIdItem, telemetrySettingsItem } from './browser';

export function browserLoopDeps(): LoopDeps {
  return {
    getLoopDb,
    telemetry: browserTelemetryDeps(),
    userSettings: { get: () => telemetrySettingsItem.getValue(), set: (v) => telemetrySettingsItem.setValue(v) },
    managed: readManaged,
    rotateRepId: async () => {
      const id = crypto.randomUUID();
      await repIdItem.setValue(id);
      return id;
    },
  };
}
