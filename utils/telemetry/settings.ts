/**
 * Team analytics settings: the OTLP/HTTP logs endpoint (none: off, the default) and
 * whether flag notes go too. IT sets them by policy (managed storage keys
 * `telemetryEndpoint`, `telemetryIncludeNotes`; a policy value is always locked), or
 * ops on the options page for one browser. Pure.
 */
import { checkSecureUrl } from '../sync/settings';
export interface TelemetrySettings {
  endpoint: string | null;
  includeNotes: boolean;
}

export type TelemetryUserSettings = Partial<TelemetrySettings>;

export interface EffectiveTelemetry extends TelemetrySettings {
  fromPolicy: { endpoint: boolean; includeNotes: boolean };
  policyProblems: string[];
}

/** https anywhere, http only to this machine (a local collector or the test receiver): the pack URL's rule. */
export const checkEndpoint = (url: string): string | null => checkSecureUrl(url, 'the endpoint must start with https:// (http:// only for 127.0.0.1 or localhost)');

/** The URL batches are POSTed to: the endpoint as given, or `<endpoint>/v1/logs` when it names no path. */
export function logsUrl(endpoint: string): string {
  const u = new URL(endpoint);
  if (u.pathname === '/' || u.pathname === '') u.pathname = '/v1/logs';
  return u.href;
}

/** The origin pattern a host permission for the endpoint is asked for. */
export function endpointOrigin(endpoint: string): string {
  return `${new URL(endpoint).origin}/*`;
}

export function effectiveTelemetry(user: TelemetryUserSettings, policyRaw: unknown): EffectiveTelemetry {
  const p = (typeof policyRaw === 'object' && policyRaw !== null ? policyRaw : {}) as Record<string, unknown>;
  const problems: string[] = [];
  const fromPolicy = { endpoint: false, includeNotes: false };
  let endpoint = user.endpoint ?? null;
  let includeNotes = user.includeNotes ?? false;
  if (p.telemetryEndpoint !== undefined) {
    const err = typeof p.telemetryEndpoint !== 'string' ? 'expected text' : p.telemetryEndpoint === '' ? null : checkEndpoint(p.telemetryEndpoint);
    if (err) problems.push(`telemetryEndpoint: ${err}`);
    else {
      // An empty policy value turns team analytics off and keeps it off.
      endpoint = (p.telemetryEndpoint as string) || null;
      fromPolicy.endpoint = true;
    }
  }
  if (p.telemetryIncludeNotes !== undefined) {
    if (typeof p.telemetryIncludeNotes !== 'boolean') problems.push('telemetryIncludeNotes: expected true or false');
    else {
      includeNotes = p.telemetryIncludeNotes;
      fromPolicy.includeNotes = true;
    }
  }
  return { endpoint, includeNotes, fromPolicy, policyProblems: problems };
}
