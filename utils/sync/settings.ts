import { parsePublicKey } from '../pack/sign';

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
  /**
   * Sync may replace the active pack with a pack of another `meta.id`. Off by
   * default: a pack server (or whoever took it over) could otherwise swap the
   * production pack for an older training pack, which no version check would catch.
   * Moving away from the built-in sample is always allowed.
   */
  allowPackSwitch: boolean;
}

export type SettingKey = keyof SyncSettings;
export const SETTING_KEYS: readonly SettingKey[] = ['packUrl', 'publicKey', 'refreshMinutes', 'allowPackSwitch'];

/** What the user saved on the options page; a key left out was never set. */
export type UserSettings = Partial<SyncSettings>;

/** managed_schema.json: what IT may set. */
export interface ManagedPolicy {
  packUrl?: unknown;
  publicKey?: unknown;
  refreshMinutes?: unknown;
  allowPackSwitch?: unknown;
  /** The rep's starting role, sales or cs (read by utils/sync/managed.ts policyRole; not a sync setting). */
  defaultRole?: unknown;
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
  /**
   * Why the public key in force cannot be used (a policy key that does not parse):
   * every pack is refused until it is fixed. Null when the key is fine or unset.
   */
  keyProblem: string | null;
}

/** Stands in for a policy key that is not text at all: no pack can verify against it. */
const UNUSABLE_KEY = '(unusable policy key)';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A URL Frontline keeps and calls on its own (the pack URL, the analytics endpoint):
 * https, or http only to this machine (a local test server or collector), which never
 * crosses a network; never with credentials in it. `refusal` says what else it must be.
 */
export function checkSecureUrl(url: string, refusal: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (u.username || u.password) return 'a URL with a user name or password would be stored in plain text: use a URL without them';
  if (u.protocol === 'https:') return null;
  if (u.protocol === 'http:' && LOOPBACK.has(u.hostname)) return null;
  return refusal;
}

export const checkPackUrl = (url: string): string | null => checkSecureUrl(url, 'the pack URL must start with https://');

export function checkPublicKey(key: string): string | null {
  const k = parsePublicKey(key);
  return k.ok ? null : k.message;
}

/** A key as it is stored: the standard base64 form when it parses, the text as given otherwise. */
export function normalPublicKey(key: string): string {
  const k = parsePublicKey(key);
  return k.ok ? k.base64 : key.trim();
}

export function checkRefresh(n: number): string | null {
  if (!Number.isInteger(n) || n < MIN_REFRESH_MINUTES || n > MAX_REFRESH_MINUTES) return `expected whole minutes from ${MIN_REFRESH_MINUTES} to ${MAX_REFRESH_MINUTES}`;
  return null;
}

/** Policy values that pass the same checks as the options page; the others are reported. */
export function readPolicy(raw: unknown): { values: UserSettings; lock: boolean; problems: string[]; keyProblem: string | null } {
  const p = (typeof raw === 'object' && raw !== null ? raw : {}) as ManagedPolicy;
  const values: UserSettings = {};
  const problems: string[] = [];
  let keyProblem: string | null = null;
  if (p.packUrl !== undefined) {
    const err = typeof p.packUrl !== 'string' ? 'expected text' : checkPackUrl(p.packUrl);
    if (err) problems.push(`packUrl: ${err}`);
    else values.packUrl = p.packUrl as string;
  }
  if (p.publicKey !== undefined) {
    // A key IT meant to set but that cannot be used must not turn checking off: it
    // stays in force, so every pack fails its signature check until the policy is fixed.
    const err = typeof p.publicKey !== 'string' ? 'expected text' : checkPublicKey(p.publicKey);
    if (err) {
      problems.push(`publicKey: ${err}`);
      keyProblem = err;
      values.publicKey = typeof p.publicKey === 'string' && p.publicKey.trim() ? p.publicKey.trim() : UNUSABLE_KEY;
    } else values.publicKey = normalPublicKey(p.publicKey as string);
  }
  if (p.refreshMinutes !== undefined) {
    const err = typeof p.refreshMinutes !== 'number' ? 'expected a number' : checkRefresh(p.refreshMinutes);
    if (err) problems.push(`refreshMinutes: ${err}`);
    else values.refreshMinutes = p.refreshMinutes as number;
  }
  if (p.allowPackSwitch !== undefined) {
    if (typeof p.allowPackSwitch !== 'boolean') problems.push('allowPackSwitch: expected true or false');
    else values.allowPackSwitch = p.allowPackSwitch;
  }
  if (p.lockSettings !== undefined && typeof p.lockSettings !== 'boolean') problems.push('lockSettings: expected true or false');
  return { values, lock: p.lockSettings !== false, problems, keyProblem };
}

export function effectiveSettings(user: UserSettings, policyRaw: unknown): EffectiveSettings {
  const policy = readPolicy(policyRaw);
  const fromPolicy = { packUrl: false, publicKey: false, refreshMinutes: false, allowPackSwitch: false };
  const locked = { ...fromPolicy };
  const out: SyncSettings = { packUrl: null, publicKey: null, refreshMinutes: DEFAULT_REFRESH_MINUTES, allowPackSwitch: false };
  for (const key of SETTING_KEYS) {
    const p = policy.values[key];
    const u = user[key];
    if (p !== undefined && (policy.lock || u === undefined)) {
      (out as unknown as Record<string, unknown>)[key] = p;
      fromPolicy[key] = true;
      locked[key] = policy.lock;
    } else if (u !== undefined) (out as unknown as Record<string, unknown>)[key] = u;
  }
  const keyProblem = fromPolicy.publicKey ? policy.keyProblem : null;
  return { ...out, fromPolicy, locked, policyProblems: policy.problems, keyProblem };
}
