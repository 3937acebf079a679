/**
 * A local OTLP/HTTP logs receiver for the e2e tests, on loopback: it answers CORS as an
 * OpenTelemetry Collector with `cors.allowed_origins` does, checks every POST to
 * /v1/logs against the OTLP JSON shape (ExportLogsServiceRequest), and keeps the bodies.
 * `stop()` then `start()` on the same port stands for a collector (or a network) going
 * away and coming back.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  body: string;
  json: any;
  /** What does not fit the OTLP JSON logs shape (empty: valid). */
  problems: string[];
}

const ANY_VALUE_KEYS = ['stringValue', 'boolValue', 'intValue', 'doubleValue', 'arrayValue', 'kvlistValue', 'bytesValue'];

function checkKeyValues(list: unknown, at: string, problems: string[]): void {
  if (!Array.isArray(list)) return void problems.push(`${at}: expected an array`);
  list.forEach((kv: any, i) => {
    if (typeof kv?.key !== 'string' || !kv.key) problems.push(`${at}[${i}].key: expected a string`);
    checkAnyValue(kv?.value, `${at}[${i}].value`, problems);
  });
}

function checkAnyValue(v: any, at: string, problems: string[]): void {
  const keys = typeof v === 'object' && v ? Object.keys(v) : [];
  if (keys.length !== 1 || !ANY_VALUE_KEYS.includes(keys[0])) return void problems.push(`${at}: expected one of ${ANY_VALUE_KEYS.join(', ')}`);
  // 64-bit integers are decimal strings in OTLP JSON.
  if (keys[0] === 'intValue' && !(typeof v.intValue === 'string' && /^-?\d+$/.test(v.intValue))) problems.push(`${at}.intValue: expected a decimal string`);
  if (keys[0] === 'stringValue' && typeof v.stringValue !== 'string') problems.push(`${at}.stringValue: expected a string`);
  if (keys[0] === 'arrayValue') (v.arrayValue?.values ?? []).forEach((x: unknown, i: number) => checkAnyValue(x, `${at}.arrayValue.values[${i}]`, problems));
}

/** The OTLP/HTTP JSON logs request shape, field by field (lowerCamelCase, no snake_case). */
export function otlpProblems(json: any): string[] {
  const problems: string[] = [];
  if (!Array.isArray(json?.resourceLogs) || !json.resourceLogs.length) return ['resourceLogs: expected a non-empty array'];
  json.resourceLogs.forEach((rl: any, i: number) => {
    const at = `resourceLogs[${i}]`;
    checkKeyValues(rl.resource?.attributes, `${at}.resource.attributes`, problems);
    if (!Array.isArray(rl.scopeLogs)) return void problems.push(`${at}.scopeLogs: expected an array`);
    rl.scopeLogs.forEach((sl: any, j: number) => {
      const sat = `${at}.scopeLogs[${j}]`;
      if (typeof sl.scope?.name !== 'string') problems.push(`${sat}.scope.name: expected a string`);
      if (!Array.isArray(sl.logRecords)) return void problems.push(`${sat}.logRecords: expected an array`);
      sl.logRecords.forEach((r: any, k: number) => {
        const rat = `${sat}.logRecords[${k}]`;
        for (const t of ['timeUnixNano', 'observedTimeUnixNano']) if (!(typeof r[t] === 'string' && /^\d{19}$/.test(r[t]))) problems.push(`${rat}.${t}: expected nanoseconds as a 19-digit string`);
        if (!Number.isInteger(r.severityNumber) || r.severityNumber < 1 || r.severityNumber > 24) problems.push(`${rat}.severityNumber: expected 1–24`);
        checkAnyValue(r.body, `${rat}.body`, problems);
        checkKeyValues(r.attributes, `${rat}.attributes`, problems);
        for (const k of Object.keys(r)) if (k.includes('_')) problems.push(`${rat}.${k}: not lowerCamelCase`);
      });
    });
  });
  return problems;
}

export interface OtlpReceiver {
  url: string;
  received: Received[];
  /** Every log record received, flattened, with its attributes as a plain object. */
  records(): { body: string; attrs: Record<string, unknown> }[];
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function otlpReceiver(): Promise<OtlpReceiver> {
  const received: Received[] = [];
  const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'Content-Type', 'Access-Control-Allow-Methods': 'POST', 'Access-Control-Allow-Private-Network': 'true' };
  let server: Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((req, res) => {
        if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
        if (req.method !== 'POST' || req.url !== '/v1/logs') return void res.writeHead(404, cors).end();
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          let json: any = null;
          let problems: string[];
          try {
            json = JSON.parse(body);
            problems = req.headers['content-type']?.startsWith('application/json') ? otlpProblems(json) : ['Content-Type: expected application/json'];
          } catch {
            problems = ['body: not JSON'];
          }
          received.push({ body, json, problems });
          res.writeHead(problems.length ? 400 : 200, { ...cors, 'Content-Type': 'application/json' }).end(problems.length ? JSON.stringify({ message: problems.join('; ') }) : '{}');
        });
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as AddressInfo).port;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!server) return resolve();
      server.closeAllConnections();
      server.close(() => resolve());
      server = null;
    });
  await listen();
  const attrsOf = (list: any[]) => Object.fromEntries(list.map((kv) => [kv.key, Object.values(kv.value)[0]]));
  return {
    url: `http://127.0.0.1:${port}/v1/logs`,
    received,
    records: () => received.flatMap((r) => (r.json?.resourceLogs ?? []).flatMap((rl: any) => rl.scopeLogs.flatMap((sl: any) => sl.logRecords.map((x: any) => ({ body: x.body.stringValue, attrs: attrsOf(x.attributes) }))))),
    stop,
    start: listen,
    close: stop,
  };
}
