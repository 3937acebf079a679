/**
 * Queued events → one OTLP/HTTP JSON logs request (ExportLogsServiceRequest, as in
 * opentelemetry-proto's examples/logs.json): resourceLogs → scopeLogs → logRecords,
 * lowerCamelCase field names, 64-bit integers (timeUnixNano, intValue) as decimal
 * strings, attributes as { key, value: { stringValue | intValue | boolValue |
 * arrayValue } }. Pure, so the unit tests and the e2e receiver check the same shape.
 */
import { SENT_ATTRIBUTES, type QueuedEvent, type SentAttribute, type TelemetryEvent } from './events';

type AnyValue = { stringValue: string } | { intValue: string } | { boolValue: boolean } | { arrayValue: { values: AnyValue[] } };
export interface KeyValue {
  key: string;
  value: AnyValue;
}
export interface OtlpLogRecord {
  timeUnixNano: string;
  observedTimeUnixNano: string;
  severityNumber: number;
  severityText: string;
  body: { stringValue: string };
  attributes: KeyValue[];
}
export interface OtlpLogsRequest {
  resourceLogs: { resource: { attributes: KeyValue[] }; scopeLogs: { scope: { name: string; version: string }; logRecords: OtlpLogRecord[] }[] }[];
}

/** SEVERITY_NUMBER_INFO: these are events, not problems. */
const INFO = 9;

const str = (key: string, value: string): KeyValue => ({ key, value: { stringValue: value } });

/** Epoch ms (ISO) → nanoseconds as a decimal string, without losing digits to floating point. */
export function unixNano(iso: string): string {
  const ms = Date.parse(iso);
  return `${BigInt(Number.isFinite(ms) ? ms : 0) * 1_000_000n}`;
}

/** The event's own attributes, by the keys SENT_ATTRIBUTES allows. */
function eventAttributes(e: TelemetryEvent): [SentAttribute, string | number | string[] | undefined | null][] {
  switch (e.kind) {
    case 'usage':
      return [['frontline.action', e.action], ['frontline.competitor_id', e.competitorId], ['frontline.section', e.section], ['frontline.objection_id', e.objectionId], ['frontline.playbook_id', e.playbookId], ['frontline.stage_id', e.stageId], ['frontline.item_id', e.itemId]];
    case 'feedback': {
      const t = e.target;
      return [
        ['frontline.target', t.kind],
        ['frontline.verdict', e.verdict],
        ['frontline.competitor_id', 'competitorId' in t ? t.competitorId : undefined],
        ['frontline.section', t.kind === 'section' ? t.section : undefined],
        ['frontline.objection_id', t.kind === 'objection' ? t.objectionId : undefined],
        ['frontline.playbook_id', t.kind === 'stage' ? t.playbookId : undefined],
        ['frontline.stage_id', t.kind === 'stage' ? t.stageId : undefined],
        ['frontline.band_id', t.kind === 'play' ? t.bandId : undefined],
        ['frontline.note', e.note],
      ];
    }
    case 'outcome':
      return [['frontline.outcome', e.outcome], ['frontline.competitor_id', e.competitorId], ['frontline.reason_ids', e.reasonIds], ['frontline.playbook_id', e.playbookId], ['frontline.stage_id', e.stageId]];
    case 'selector_miss':
      return [['frontline.site', e.site], ['frontline.layer', e.layer], ['frontline.missing', e.missing]];
    case 'search_miss':
      return [['frontline.query_length', e.queryLength]];
  }
}

function toValue(v: string | number | string[]): AnyValue {
  if (Array.isArray(v)) return { arrayValue: { values: v.map((x) => ({ stringValue: x })) } };
  return typeof v === 'number' ? { intValue: String(Math.trunc(v)) } : { stringValue: v };
}

export function logRecord(q: QueuedEvent): OtlpLogRecord {
  const attributes: KeyValue[] = [str('frontline.event', q.event.kind), str('frontline.rep_id', q.repId), str('frontline.pack.id', q.packId), str('frontline.pack.version', q.packVersion)];
  for (const [key, value] of eventAttributes(q.event)) {
    if (value === undefined || value === null || value === '') continue;
    // The list of what may leave is SENT_ATTRIBUTES; nothing else is ever encoded.
    if (!(key in SENT_ATTRIBUTES)) throw new Error(`telemetry: attribute ${key} is not in SENT_ATTRIBUTES`);
    attributes.push({ key, value: toValue(value) });
  }
  const time = unixNano(q.at);
  const name = q.event.kind === 'usage' ? `frontline.usage.${q.event.action}` : `frontline.${q.event.kind}`;
  return { timeUnixNano: time, observedTimeUnixNano: time, severityNumber: INFO, severityText: 'INFO', body: { stringValue: name }, attributes };
}

export function toOtlpLogs(events: readonly QueuedEvent[], extensionVersion: string): OtlpLogsRequest {
  return {
    resourceLogs: [
      {
        resource: { attributes: [str('service.name', 'frontline'), str('service.version', extensionVersion)] },
        scopeLogs: [{ scope: { name: 'frontline', version: extensionVersion }, logRecords: events.map(logRecord) }],
      },
    ],
  };
}
