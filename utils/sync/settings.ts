/**
 * Sync settings: where the pack is published, the key it must be signed with, how
 * often to look. Ops set them on the options page; IT can set them by policy
 * (managed storage), and a policy value is locked unless the policy says otherwise.
 */
export const DEFAULT_REFRESH_MINUTES = 60;
export const MIN_REFRESH_MINUTES = 15;
export const MAX_REFRESH_MINUTES = 7 * 24 * 60;

export interface SyncSettings {
  packUrl: string | null;
  publicKey: string | null;
  refreshMinutes: number;
}

export type SettingKey = keyof SyncSettings;
export const SETTING_KEYS: readonly SettingKey[] = ['packUrl', 'publicKey', 'refreshMinutes'];

/** What the user saved on the options page; a key left out was never set. */
export type UserSettings = Partial<SyncSettings>;

/** managed_schema.json: what IT may set. */
export interface ManagedPolicy {
  packUrl?: unknown;
  publicKey?: unknown;
  refreshMinutes?: unknown;
  /** Policy values cannot be changed on the options page (default true). */
  lockSettings?: unknown;
}

export interface EffectiveSettings extends SyncSettings {
  /** Which values come from the policy. */
  fromPolicy: Record<SettingKey, boolean>;
  /** Which values the options page may not change. */
  locked: Record<SettingKey, boolean>;
  /** Policy values that were ignored, and why (shown to ops). */
  policyProblems: string[];
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A pack URL must be https; http is accepted only for this machine (a local test
 * server), which never crosses a network.
 */
export function checkPackUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (u.username || u.password) return 'a URL with a user name or password would be stored in plain text: use a URL without them';
  if (u.protocol === 'https:') return null;
  if (u.protocol === 'http:' && LOOPBACK.has(u.hostname)) return null;
  return 'the pack URL must start with https://';
}

export function checkPublicKey(key: string): string | null {
  const t = key.trim();
  if (/^[A-Za-z0-9+/]{43}=$/.test(t)) return null;
  if (t.startsWith('-----BEGIN PUBLIC KEY-----')) return null;
  return 'expected an Ed25519 public key: 44 characters of base64 (the .pub file from `npm run pack -- keygen`)';
}

export function checkRefresh(n: number): string | null {
  if (!Number.isInteger(n) || n < MIN_REFRESH_MINUTES || n > MAX_REFRESH_MINUTES) return `expected whole minutes from ${MIN_REFRESH_MINUTES} to ${MAX_REFRESH_MINUTES}`;
  return null;
}

/** Policy values that pass the same checks as the options page; the others are reported. */
export function readPolicy(raw: unknown): { values: UserSettings; lock: boolean; problems: string[] } {
  const p = (typeof raw === 'object' && raw !== null ? raw : {}) as ManagedPolicy;
  const values: UserSettings = {};
  const problems: string[] = [];
  if (p.packUrl !== undefined) {
    const err = typeof p.packUrl !== 'string' ? 'expected text' : checkPackUrl(p.packUrl);
    if (err) problems.push(`packUrl: ${err}`);
    else values.packUrl = p.packUrl as string;
  }
  if (p.publicKey !== undefined) {
    const err = typeof p.publicKey !== 'string' ? 'expected text' : checkPublicKey(p.publicKey);
    if (err) problems.push(`publicKey: ${err}`);
    else values.publicKey = (p.publicKey as string).trim();
  }
  if (p.refreshMinutes !== undefined) {
    const err = typeof p.refreshMinutes !== 'number' ? 'expected a number' : checkRefresh(p.refreshMinutes);
    if (err) problems.push(`refreshMinutes: ${err}`);
    else values.refreshMinutes = p.refreshMinutes as number;
  }
  if (p.lockSettings !== undefined && typeof p.lockSettings !== 'boolean') problems.push('lockSettings: expected true or false');
  return { values, lock: p.lockSettings !== false, problems };
}

export function effectiveSettings(user: UserSettings, policyRaw: unknown): EffectiveSettings {
  const policy = readPolicy(policyRaw);
  const fromPolicy = { packUrl: false, publicKey: false, refreshMinutes: false };
  const locked = { packUrl: false, publicKey: false, refreshMinutes: false };
  const out: SyncSettings = { packUrl: null, publicKey: null, refreshMinutes: DEFAULT_REFRESH_MINUTES };
  for (const key of SETTING_KEYS) {
    const p = policy.values[key];
    const u = user[key];
    if (p !== undefined && (policy.lock || u === undefined)) {
      (out as unknown as Record<string, unknown>)[key] = p;
      fromPolicy[key] = true;
      locked[key] = policy.lock;
    } else if (u !== undefined) (out as unknown as Record<string, unknown>)[key] = u;
  }
  return { ...out, fromPolicy, locked, policyProblems: policy.problems };
}
