/**
 * Signed packs: Ed25519 over the canonical JSON of the pack (keys sorted, no
 * whitespace — RFC 8785 style), through WebCrypto, so the CLI (Node's global
 * `crypto`, which is node:crypto's webcrypto) and the extension run the same code.
 *
 * A signed pack is one file, so a static host serves pack and signature atomically:
 *
 * ```json
 * { "format": "frontline-signed-pack",
 *   "signature": { "alg": "Ed25519", "keyId": "9f2c…", "value": "<base64>" },
 *   "pack": { "meta": { … }, … } }
 * ```
 *
 * Reformatting the file keeps the signature valid; changing any value breaks it.
 * Public keys travel as base64 of the 32 raw bytes (what ops paste into a policy);
 * private keys as PKCS#8 PEM.
 */
export const SIGNED_FORMAT = 'frontline-signed-pack';

export interface PackSignature {
  alg: 'Ed25519';
  /** First 8 bytes of SHA-256 of the raw public key, hex: says which key signed. */
  keyId: string;
  /** Base64 signature of canonicalJson(pack). */
  value: string;
}

export interface SignedPack {
  format: typeof SIGNED_FORMAT;
  signature: PackSignature;
  pack: unknown;
}

const subtle = () => {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('WebCrypto is not available here');
  return s;
};

/**
 * Canonical JSON: object keys sorted by UTF-16 code units, no whitespace, ES number form.
 * Written without recursion: a signed file nested 100,000 deep must be refused by
 * the structure check with a path, not overflow the stack while being verified.
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  // Work items, last first: a value to write, or literal text (a bracket, a comma, a key).
  type Item = { text: string } | { value: unknown };
  const todo: Item[] = [{ value }];
  while (todo.length) {
    const item = todo.pop()!;
    if ('text' in item) {
      out.push(item.text);
      continue;
    }
    const v = item.value;
    if (v === null || typeof v !== 'object') {
      if (typeof v === 'number' && !Number.isFinite(v)) throw new Error('cannot sign a non-finite number');
      out.push(JSON.stringify(v) ?? 'null');
      continue;
    }
    const parts: Item[] = [];
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        if (i) parts.push({ text: ',' });
        parts.push({ value: x === undefined ? null : x });
      });
      out.push('[');
      todo.push({ text: ']' });
    } else {
      const obj = v as Record<string, unknown>;
      const keys = Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort();
      keys.forEach((k, i) => parts.push({ text: `${i ? ',' : ''}${JSON.stringify(k)}:` }, { value: obj[k] }));
      out.push('{');
      todo.push({ text: '}' });
    }
    for (let i = parts.length - 1; i >= 0; i--) todo.push(parts[i]);
  }
  return out.join('');
}

export function toBase64(bytes: ArrayBuffer | Uint8Array): string {
  const u = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let s = '';
  for (let i = 0; i < u.length; i += 0x8000) s += String.fromCharCode(...u.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(b64: string): Uint8Array {
  const clean = b64.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) throw new Error('not base64');
  const s = atob(clean);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

const hex = (b: ArrayBuffer) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');

function pemBody(pem: string, label: string): Uint8Array {
  const m = new RegExp(`-----BEGIN ${label}-----([\\s\\S]+?)-----END ${label}-----`).exec(pem);
  if (!m) throw new Error(`expected a PEM "${label}" block`);
  return fromBase64(m[1]);
}

function toPem(der: ArrayBuffer, label: string): string {
  const b64 = toBase64(der).replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 raw key bytes follow it. */
const ED25519_SPKI_PREFIX = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];

export type ParsedPublicKey = { ok: true; raw: Uint8Array; base64: string } | { ok: false; message: string };

/**
 * The one reader of public keys: the options page, the policy, sync and the CLI all
 * go through it, so a key accepted in one place is accepted in every other. Takes
 * what people paste: the `.pub` file (standard base64), base64url with or without
 * padding, the key in quotes, with an `ed25519:`/`base64:` label in front, or an
 * SPKI PEM block. `base64` is the standard form, for storing and showing.
 */
export function parsePublicKey(text: string): ParsedPublicKey {
  const bad = (why: string): ParsedPublicKey => ({ ok: false, message: `expected an Ed25519 public key: ${why} (the .pub file from \`npm run pack -- keygen\`)` });
  let t = text.trim();
  const quoted = /^(["'`])([\s\S]*)\1$/.exec(t);
  if (quoted) t = quoted[2].trim();
  let raw: Uint8Array;
  if (t.startsWith('-----BEGIN PUBLIC KEY-----')) {
    let der: Uint8Array;
    try {
      der = pemBody(t, 'PUBLIC KEY');
    } catch {
      return bad('the PEM block is not readable');
    }
    if (der.length !== 44 || ED25519_SPKI_PREFIX.some((b, i) => der[i] !== b)) return bad('the PEM block is not an Ed25519 key');
    raw = der.subarray(12);
  } else {
    t = t.replace(/^(?:ed25519|base64)\s*[:=]\s*/i, '');
    if (!t) return bad('the text is empty');
    if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(t)) return bad('44 characters of base64');
    try {
      raw = fromBase64(t);
    } catch {
      return bad('44 characters of base64');
    }
    if (raw.length !== 32) return bad("44 characters of base64");
  }
  return { ok: true, raw, base64: toBase64(raw) };
}

/** Raw public key bytes (see `parsePublicKey` for the forms accepted); throws on anything else. */
export function publicKeyBytes(text: string): Uint8Array {
  const k = parsePublicKey(text);
  if (!k.ok) throw new Error(k.message);
  return k.raw;
}

export async function keyIdOf(publicKey: string | Uint8Array): Promise<string> {
  const raw = typeof publicKey === 'string' ? publicKeyBytes(publicKey) : publicKey;
  return hex(await subtle().digest('SHA-256', raw as BufferSource)).slice(0, 16);
}

export interface KeyPair {
  /** Base64 of the 32 raw bytes: paste it into the options page or the policy. */
  publicKey: string;
  /** PKCS#8 PEM: keep it secret, out of the repository. */
  privateKeyPem: string;
  keyId: string;
}

export async function generateKeyPair(): Promise<KeyPair> {
  const pair = (await subtle().generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const raw = new Uint8Array(await subtle().exportKey('raw', pair.publicKey));
  const pkcs8 = await subtle().exportKey('pkcs8', pair.privateKey);
  return { publicKey: toBase64(raw), privateKeyPem: toPem(pkcs8, 'PRIVATE KEY'), keyId: await keyIdOf(raw) };
}

async function privateKeyOf(pem: string): Promise<{ key: CryptoKey; publicRaw: Uint8Array }> {
  const der = pemBody(pem, 'PRIVATE KEY');
  const key = await subtle().importKey('pkcs8', der as BufferSource, { name: 'Ed25519' }, true, ['sign']);
  // The public key is derived through JWK (x is the raw public key, base64url).
  const jwk = await subtle().exportKey('jwk', key);
  if (!jwk.x) throw new Error('could not derive the public key');
  return { key, publicRaw: fromBase64(jwk.x) };
}

/** The public key (base64) that belongs to a private key PEM. */
export async function publicKeyOf(privateKeyPem: string): Promise<string> {
  return toBase64((await privateKeyOf(privateKeyPem)).publicRaw);
}

export async function signPack(pack: unknown, privateKeyPem: string): Promise<SignedPack> {
  const { key, publicRaw } = await privateKeyOf(privateKeyPem);
  const sig = await subtle().sign({ name: 'Ed25519' }, key, new TextEncoder().encode(canonicalJson(pack)));
  return { format: SIGNED_FORMAT, signature: { alg: 'Ed25519', keyId: await keyIdOf(publicRaw), value: toBase64(sig) }, pack };
}

/** Splits parsed file content into the pack and its signature (null when unsigned). */
export function splitSigned(doc: unknown): { pack: unknown; signature: PackSignature | null; error?: string } {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || (doc as { format?: unknown }).format !== SIGNED_FORMAT) return { pack: doc, signature: null };
  const d = doc as Record<string, unknown>;
  const s = d.signature as Record<string, unknown> | undefined;
  const extra = Object.keys(d).filter((k) => !['format', 'signature', 'pack'].includes(k));
  if (!s || s.alg !== 'Ed25519' || typeof s.value !== 'string' || typeof s.keyId !== 'string' || extra.length || d.pack === undefined) {
    return { pack: d.pack, signature: null, error: 'a signed pack needs "signature": { "alg": "Ed25519", "keyId", "value" } and "pack", nothing else' };
  }
  return { pack: d.pack, signature: { alg: 'Ed25519', keyId: s.keyId, value: s.value } };
}

export type VerifyResult =
  | { ok: true; keyId: string }
  | { ok: false; reason: 'unsigned' | 'malformed' | 'other-key' | 'mismatch' | 'bad-key'; message: string };

/** Checks a parsed (signed or not) pack file against a public key. */
export async function verifyPackDoc(doc: unknown, publicKey: string): Promise<VerifyResult> {
  let raw: Uint8Array;
  try {
    raw = publicKeyBytes(publicKey);
  } catch (e) {
    return { ok: false, reason: 'bad-key', message: `the public key is not usable: ${(e as Error).message}` };
  }
  const { pack, signature, error } = splitSigned(doc);
  if (error) return { ok: false, reason: 'malformed', message: error };
  if (!signature) return { ok: false, reason: 'unsigned', message: 'the pack is not signed, and a public key is configured' };
  const expected = await keyIdOf(raw);
  let sig: Uint8Array;
  try {
    sig = fromBase64(signature.value);
  } catch {
    return { ok: false, reason: 'malformed', message: 'the signature is not base64' };
  }
  const key = await subtle().importKey('raw', raw as BufferSource, { name: 'Ed25519' }, false, ['verify']);
  const good = sig.length === 64 && (await subtle().verify({ name: 'Ed25519' }, key, sig as BufferSource, new TextEncoder().encode(canonicalJson(pack))));
  if (good) return { ok: true, keyId: expected };
  if (signature.keyId !== expected) return { ok: false, reason: 'other-key', message: `signed with another key (${signature.keyId}); the configured key is ${expected}` };
  return { ok: false, reason: 'mismatch', message: 'the signature does not match: the pack was changed after it was signed' };
}
