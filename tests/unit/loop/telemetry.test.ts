/** The telemetry outbox and its OTLP JSON: off by default, ids only, bounded, retried with backoff, caught up. */
import { describe, expect, it } from 'vitest';
import { openLoopDb } from '../../../utils/store/loopDb';
import { createTelemetry, MAX_QUEUE, retryDelay, type TelemetryState } from '../../../utils/telemetry/queue';
import { effectiveTelemetry, logsUrl, checkEndpoint } from '../../../utils/telemetry/settings';
import { toOtlpLogs, unixNano } from '../../../utils/telemetry/otlp';
import { memoryKeyValue } from '../../../utils/sync/opsCore';
import { otlpProblems } from '../../e2e/support/otlpReceiver';

let n = 0;
const NOW = new Date('2026-11-23T10:00:00.123Z');

function harness(endpoint: string | null, respond: (body: any) => number | Error = () => 200) {
  const db = openLoopDb(`loop-telemetry-${++n}`);
  const bodies: any[] = [];
  const state = memoryKeyValue<TelemetryState>();
  const scheduled: (number | null)[] = [];
  const t = createTelemetry({
    getLoopDb: () => db,
    settings: async () => effectiveTelemetry({ endpoint, includeNotes: false }, {}),
    repId: async () => 'rep-1',
    pack: async () => ({ id: 'lumora-sample', version: '1.0.0' }),
    state,
    schedule: async (at) => void scheduled.push(at),
    now: () => NOW,
    random: () => 0.5,
    extensionVersion: '1.2.3',
    fetch: (async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body));
      const r = respond(body);
      if (r instanceof Error) throw r;
      bodies.push(body);
      return new Response('{}', { status: r });
    }) as typeof fetch,
  });
  return { t, db, bodies, state, scheduled };
}

describe('telemetry', () => {
  it('queues and sends nothing while no endpoint is set', async () => {
    const h = harness(null);
    expect(await h.t.enqueue({ kind: 'usage', action: 'card_view', competitorId: 'globex' })).toBe(false);
    expect((await h.t.flush()).queued).toBe(0);
    expect(h.bodies).toEqual([]);
  });

  it('sends one valid OTLP JSON logs request per batch, ids only, notes left out by default', async () => {
    const h = harness('http://127.0.0.1:4318');
    await h.t.enqueue({ kind: 'usage', action: 'section_view', competitorId: 'globex', section: 'pricing' });
    await h.t.enqueue({ kind: 'feedback', target: { kind: 'objection', competitorId: 'globex', objectionId: 'gx-ela' }, verdict: 'outdated', note: 'Northwind says so' });
    await h.t.enqueue({ kind: 'outcome', outcome: 'won', competitorId: 'globex', reasonIds: ['price', 'speed'] });
    await h.t.enqueue({ kind: 'search_miss', queryLength: 7 });
    const status = await h.t.flush();
    expect(status).toMatchObject({ queued: 0, sent: 4, failures: 0 });
    expect(h.bodies).toHaveLength(1);
    expect(otlpProblems(h.bodies[0])).toEqual([]);
    const records = h.bodies[0].resourceLogs[0].scopeLogs[0].logRecords;
    expect(records[0].timeUnixNano).toBe('1795428000123000000');
    expect(records.map((r: any) => r.body.stringValue)).toEqual(['frontline.usage.section_view', 'frontline.feedback', 'frontline.outcome', 'frontline.search_miss']);
    expect(records[2].attributes).toContainEqual({ key: 'frontline.reason_ids', value: { arrayValue: { values: [{ stringValue: 'price' }, { stringValue: 'speed' }] } } });
    expect(records[3].attributes).toContainEqual({ key: 'frontline.query_length', value: { intValue: '7' } });
    expect(JSON.stringify(h.bodies[0])).not.toContain('Northwind');
  });

  it('keeps a batch the endpoint could not take, retries with backoff, and catches up', async () => {
    let up = false;
    const h = harness('https://otel.example.com/v1/logs', () => (up ? 200 : new TypeError('Failed to fetch')));
    await h.t.enqueue({ kind: 'usage', action: 'copy', competitorId: 'globex', objectionId: 'gx-ela' });
    const failed = await h.t.flush();
    expect(failed).toMatchObject({ queued: 1, failures: 1, lastError: 'could not reach the endpoint (Failed to fetch)' });
    expect(failed.nextAt).toBe(NOW.getTime() + 30_000);
    expect(h.scheduled.at(-1)).toBe(NOW.getTime() + 30_000);
    // 503 is retried too; a 400 would be dropped (the same batch would be refused again).
    up = true;
    expect(await h.t.flush()).toMatchObject({ queued: 0, sent: 1, failures: 0, nextAt: null, lastError: null });
    expect(h.bodies).toHaveLength(1);
  });

  it('drops a batch the endpoint refuses for good (4xx), and retries 429 and 5xx', async () => {
    let status = 503;
    const h = harness('https://otel.example.com', () => status);
    await h.t.enqueue({ kind: 'selector_miss', site: 'salesforce', layer: 'semantic', missing: 'highlights panel' });
    expect(await h.t.flush()).toMatchObject({ queued: 1, lastError: 'HTTP 503' });
    status = 400;
    expect(await h.t.flush()).toMatchObject({ queued: 0, dropped: 1 });
  });

  it('keeps at most MAX_QUEUE events, the newest', async () => {
    const h = harness('https://otel.example.com');
    const db = await h.db;
    for (let i = 0; i < MAX_QUEUE; i++) await db.add('outbox', { at: NOW.toISOString(), repId: 'r', packId: 'p', packVersion: '1.0.0', event: { kind: 'search_miss', queryLength: i } });
    await h.t.enqueue({ kind: 'search_miss', queryLength: -1 });
    expect(await db.count('outbox')).toBe(MAX_QUEUE);
    expect((await h.t.status()).dropped).toBe(1);
  });

  it('backs off from 30 s to at most an hour, with jitter', () => {
    expect(retryDelay(1, () => 0.5)).toBe(30_000);
    expect(retryDelay(3, () => 0.5)).toBe(120_000);
    expect(retryDelay(20, () => 0.5)).toBe(3_600_000);
    expect(retryDelay(1, () => 0)).toBe(24_000);
  });

  it('checks endpoints and reads the policy (which wins and locks)', () => {
    expect(checkEndpoint('http://otel.example.com/v1/logs')).toMatch(/https/);
    expect(checkEndpoint('http://localhost:4318/v1/logs')).toBeNull();
    expect(logsUrl('https://otel.example.com')).toBe('https://otel.example.com/v1/logs');
    expect(logsUrl('https://otel.example.com/custom/logs')).toBe('https://otel.example.com/custom/logs');
    const s = effectiveTelemetry({ endpoint: 'https://mine.example.com' }, { telemetryEndpoint: 'https://it.example.com/v1/logs', telemetryIncludeNotes: 'yes' });
    expect(s).toMatchObject({ endpoint: 'https://it.example.com/v1/logs', includeNotes: false, fromPolicy: { endpoint: true, includeNotes: false } });
    expect(s.policyProblems).toEqual(['telemetryIncludeNotes: expected true or false']);
    expect(effectiveTelemetry({ endpoint: 'https://mine.example.com' }, { telemetryEndpoint: '' }).endpoint).toBeNull();
  });

  it('encodes nanoseconds exactly and names the resource', () => {
    expect(unixNano('2026-01-01T00:00:00.001Z')).toBe('1767225600001000000');
    const req = toOtlpLogs([], '1.2.3');
    expect(req.resourceLogs[0].resource.attributes).toEqual([
      { key: 'service.name', value: { stringValue: 'frontline' } },
      { key: 'service.version', value: { stringValue: '1.2.3' } },
    ]);
  });
});
