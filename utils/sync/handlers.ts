/**
 * The background's ops handlers, one module per concern: an incoming pack's preview
 * and activation (intakeHandlers), sync settings, status and "Sync now"
 * (syncHandlers), reports (reportHandlers). Independent of `browser.*`: storage,
 * policy, fetch and the alarm are injected (utils/sync/browser.ts wires the real
 * ones), so they run under vitest.
 */
import { createOpsCore, type OpsContext } from './opsCore';
import { createIntakeHandlers } from './intakeHandlers';
import { createSyncHandlers } from './syncHandlers';
import { createReportHandlers } from './reportHandlers';

export { memoryKeyValue, type KeyValue, type OpsContext, type OpsDeps } from './opsCore';
export type { ActivateResult, IncomingInfo, Preview } from './intakeHandlers';
export type { SyncStatus } from './syncHandlers';
export type { OpsReport, StaleCard } from './reportHandlers';

export function createOpsHandlers(ctx: OpsContext) {
  const core = createOpsCore(ctx);
  return { ...createSyncHandlers(core), ...createIntakeHandlers(core), ...createReportHandlers(ctx) };
}
