/**
 * What every incoming pack goes through, whether it was picked as a file, fetched
 * from a URL on the options page or by the scheduled sync: parse, signature (when a
 * public key is configured an unsigned or tampered pack is refused), validation (with
 * the index-cost and Markdown limits), a trial build of the match index, and how it
 * compares with the active pack.
 */
import type { KnowledgePack } from '../pack/schema';
import { checkStructure, MAX_PACK_BYTES, validatePack, validatePackText, type PackError } from '../pack/validate';
import { splitSigned, verifyPackDoc } from '../pack/sign';
import { compareVersions, sameValue } from '../pack/diff';
import { floorOf, type HighWater } from './highWater';
import { tryBuildIndex } from '../match/checkIndex';
import type { OnStage } from './activationProgress';

export type SignatureStatus =
  /** Signed with the configured key. */
  | 'verified'
  /** Not signed, and no key is configured. */
  | 'unsigned'
  /** Signed, but no key is configured to check it against. */
  | 'not-checked';

/**
 * How the incoming pack relates to the active one and to what was taken before.
 * `downgrade` (older than the active pack, or than the highest version of its id
 * ever taken), `same-version` (same version, different content) and `pack-switch`
 * (another pack id, which ops have not allowed) are refused by sync and by a plain
 * import, and need an explicit confirmation on the options page; `other-pack` is a
 * switch that is allowed (from the built-in sample, or ops allow switching);
 * `identical` needs no activation.
 */
export type Comparison = 'upgrade' | 'downgrade' | 'same-version' | 'identical' | 'other-pack' | 'pack-switch';

/** What decides whether an incoming pack may replace the active one. */
export interface IntakeRules {
  publicKey: string | null;
  active: KnowledgePack | null;
  /** The active pack is the built-in sample: a pack of any id may replace it. */
  activeIsSample?: boolean;
  /** Ops allow sync to switch to another pack id (setting or policy). */
  allowPackSwitch?: boolean;
  /** Highest version taken so far, per pack id. */
  highWater?: HighWater;
}

export type Intake =
  | { ok: true; pack: KnowledgePack; warnings: PackError[]; signature: SignatureStatus; keyId: string | null; comparison: Comparison }
  | { ok: false; reason: 'invalid' | 'signature'; errors: PackError[]; warnings: PackError[] };

export async function intakePack(text: string, opts: IntakeRules, onStage?: OnStage): Promise<Intake> {
  let doc: unknown;
  await onStage?.('parse');
  // Too big, or not JSON: the importer's own messages (size limit, line and column).
  const unreadable = () => {
    const r = validatePackText(text);
    return { ok: false as const, reason: 'invalid' as const, errors: r.ok ? [{ path: '(file)', message: 'not a pack' }] : r.errors, warnings: [] };
  };
  if (text.length > MAX_PACK_BYTES) return unreadable();
  try {
    doc = JSON.parse(text);
  } catch {
    return unreadable();
  }
  const { pack: raw, signature, error } = splitSigned(doc);
  if (error) return { ok: false, reason: 'invalid', errors: [{ path: '(file)', message: error }], warnings: [] };
  let status: SignatureStatus = signature ? 'not-checked' : 'unsigned';
  let keyId = signature?.keyId ?? null;
  if (opts.publicKey) {
    await onStage?.('signature');
    // Verification walks the whole pack (canonical JSON) before validation would: the
    // shape limits (depth, string length, keys) are checked first, with their paths.
    const structural = checkStructure(raw);
    if (structural.length) return { ok: false, reason: 'invalid', errors: structural, warnings: [] };
    const v = await verifyPackDoc(doc, opts.publicKey);
    if (!v.ok) return { ok: false, reason: 'signature', errors: [{ path: '(signature)', message: `refused: ${v.message}` }], warnings: [] };
    status = 'verified';
    keyId = v.keyId;
  }
  await onStage?.('validate');
  const result = validatePack(raw);
  if (!result.ok) return { ok: false, reason: 'invalid', errors: result.errors, warnings: result.warnings };
  // Build what the worker will build, before the pack can become active: a pack whose
  // index fails would otherwise fail every view from then on.
  await onStage?.('index');
  const built = tryBuildIndex(result.pack);
  if (!built.ok) return { ok: false, reason: 'invalid', errors: [built.error], warnings: result.warnings };
  return { ok: true, pack: result.pack, warnings: result.warnings, signature: status, keyId, comparison: compare(opts.active, result.pack, opts) };
}

export function compare(active: KnowledgePack | null, next: KnowledgePack, rules: Omit<IntakeRules, 'publicKey' | 'active'> = {}): Comparison {
  const floor = floorOf(rules.highWater ?? {}, next);
  const belowFloor = floor !== null && compareVersions(next.meta.version, floor) < 0;
  if (active && active.meta.id === next.meta.id) {
    const c = compareVersions(next.meta.version, active.meta.version);
    if (c < 0) return 'downgrade';
    if (c === 0) return sameValue(active, next) ? 'identical' : 'same-version';
    // Newer than the active pack, which was rolled back: still older than what was taken.
    return belowFloor ? 'downgrade' : 'upgrade';
  }
  if (belowFloor) return 'downgrade';
  return !active || rules.activeIsSample || rules.allowPackSwitch ? 'other-pack' : 'pack-switch';
}

/** The version a `downgrade` was judged against: the active pack's, or the highest of its id taken before. */
export function downgradeFloor(active: KnowledgePack | null, next: KnowledgePack, highWater: HighWater = {}): { version: string; active: boolean } {
  if (active && active.meta.id === next.meta.id && compareVersions(next.meta.version, active.meta.version) < 0) return { version: active.meta.version, active: true };
  return { version: floorOf(highWater, next) ?? next.meta.version, active: false };
}

/** SHA-256 of the text, hex: tells whether a server sent the same bytes again. */
export async function sha256Hex(text: string): Promise<string> {
  const d = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
