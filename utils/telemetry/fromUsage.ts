/** A usage-log entry → the telemetry event it becomes (ids only; a search's words stay local). */
import type { UsageEvent } from '../store/db';
import type { TelemetryEvent } from './events';

export function usageTelemetry(e: Omit<UsageEvent, 'id' | 'at'>): TelemetryEvent | null {
  switch (e.kind) {
    case 'read_fallback':
      return { kind: 'selector_miss', site: e.site ?? 'unknown', layer: e.layer ?? 'unknown', missing: e.missing ?? null };
    case 'search_miss':
      return { kind: 'search_miss', queryLength: (e.query ?? '').trim().length };
    case 'expert_ask':
      // Not in the list of what is sent (docs/security.md, the options page): stays in this browser's log.
      return null;
    default:
      return { kind: 'usage', action: e.kind, competitorId: e.competitorId, section: e.section, objectionId: e.objectionId, playbookId: e.playbookId, stageId: e.stageId, itemId: e.itemId };
  }
}
