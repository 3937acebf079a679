/**
 * What every incoming pack goes through, whether it was picked as a file, fetched
 * from a URL on the options page or by the scheduled sync: parse, signature (when a
 * public key is configured an unsigned or tampered pack is refused), validation (with
 * the index-cost and Markdown limits), a trial build of the match index, and how it
 * compares with the active pack.
 */
import type { KnowledgePack } from '../pack/schema';
import { MAX_PACK_BYTES, validatePack, validatePackText, type PackError } from '../pack/validate';
import { splitSigned, verifyPackDoc } from '../pack/sign';
import { compareVersions, sameValue } from '../pack/diff';
import { tryBuildIndex } from '../match/checkIndex';

export type SignatureStatus =
  /** Signed with the configured key. */
  | 'verified'
  /** Not signed, and no key is configured. */
  | 'unsigned'
  /** Signed, but no key is configured to check it against. */
  | 'not-checked';

/**
 * How the incoming pack relates to the active one. `downgrade` and `same-version`
 * (same version, different content) are refused by sync and need an explicit
 * rollback on the options page; `identical` needs no activation.
 */
export type Comparison = 'upgrade' | 'downgrade' | 'same-version' | 'identical' | 'other-pack';

export type Intake =
  | { ok: true; pack: KnowledgePack; warnings: PackError[]; signature: SignatureStatus; keyId: string | null; comparison: Comparison }
  | { ok: false; reason: 'invalid' | 'signature'; errors: PackError[]; warnings: PackError[] };

export async function intakePack(text: string, opts: { publicKey: string | null; active: KnowledgePack | null }): Promise<Intake> {
  let doc: unknown;
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
    const v = await verifyPackDoc(doc, opts.publicKey);
    if (!v.ok) return { ok: false, reason: 'signature', errors: [{ path: '(signature)', message: `refused: ${v.message}` }], warnings: [] };
    status = 'verified';
    keyId = v.keyId;
  }
  const result = validatePack(raw);
  if (!result.ok) return { ok: false, reason: 'invalid', errors: result.errors, warnings: result.warnings };
  // Build what the worker will build, before the pack can become active: a pack whose
  // index fails would otherwise fail every view from then on.
  const built = tryBuildIndex(result.pack);
  if (!built.ok) return { ok: false, reason: 'invalid', errors: [built.error], warnings: result.warnings };
  return { ok: true, pack: result.pack, warnings: result.warnings, signature: status, keyId, comparison: compare(opts.active, result.pack) };
}

export function compare(active: KnowledgePack | null, next: KnowledgePack): Comparison {
  if (!active || active.meta.id !== next.meta.id) return 'other-pack';
  const c = compareVersions(next.meta.version, active.meta.version);
  if (c > 0) return 'upgrade';
  if (c < 0) return 'downgrade';
  return sameValue(active, next) ? 'identical' : 'same-version';
}

/** SHA-256 of the text, hex: tells whether a server sent the same bytes again. */
export async function sha256Hex(text: string): Promise<string> {
  const d = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
