import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalJson, generateKeyPair, keyIdOf, publicKeyOf, signPack, splitSigned, verifyPackDoc } from '../../../utils/pack/sign';
import { formatPackJson } from '../../../utils/pack/authoring/format';

const sample = JSON.parse(readFileSync(new URL('../../../assets/sample-pack.json', import.meta.url), 'utf8'));

describe('signed packs', () => {
  it('canonical JSON sorts keys and drops whitespace', () => {
    expect(canonicalJson({ b: [1, { d: 'x', c: null }], a: 'é', 'A': 0.5 })).toBe('{"A":0.5,"a":"é","b":[1,{"c":null,"d":"x"}]}');
  });

  it('a signed pack verifies with its public key, also after reformatting', async () => {
    const k = await generateKeyPair();
    expect(k.publicKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(await publicKeyOf(k.privateKeyPem)).toBe(k.publicKey);
    const signed = await signPack(sample, k.privateKeyPem);
    expect(signed.signature.keyId).toBe(await keyIdOf(k.publicKey));
    const text = formatPackJson(signed);
    expect(await verifyPackDoc(JSON.parse(text), k.publicKey)).toEqual({ ok: true, keyId: k.keyId });
    expect(await verifyPackDoc(JSON.parse(JSON.stringify(JSON.parse(text))), k.publicKey)).toMatchObject({ ok: true });
    expect(splitSigned(JSON.parse(text)).pack).toEqual(sample);
  });

  it('a one-byte change in the pack fails verification', async () => {
    const k = await generateKeyPair();
    const text = formatPackJson(await signPack(sample, k.privateKeyPem));
    const at = text.indexOf('Northwind Traders');
    const tampered = `${text.slice(0, at)}M${text.slice(at + 1)}`; // "Morthwind"
    expect(tampered.length).toBe(text.length);
    expect(await verifyPackDoc(JSON.parse(tampered), k.publicKey)).toEqual({
      ok: false,
      reason: 'mismatch',
      message: 'the signature does not match: the pack was changed after it was signed',
    });
    // A flipped signature byte fails too.
    const doc = JSON.parse(text);
    const sig = doc.signature.value as string;
    doc.signature.value = `${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`;
    expect(await verifyPackDoc(doc, k.publicKey)).toMatchObject({ ok: false, reason: 'mismatch' });
  });

  it('refuses a pack signed with another key, an unsigned pack and a malformed envelope', async () => {
    const [k1, k2] = [await generateKeyPair(), await generateKeyPair()];
    const signed = await signPack(sample, k1.privateKeyPem);
    expect(await verifyPackDoc(signed, k2.publicKey)).toEqual({ ok: false, reason: 'other-key', message: `signed with another key (${k1.keyId}); the configured key is ${k2.keyId}` });
    expect(await verifyPackDoc(sample, k1.publicKey)).toMatchObject({ ok: false, reason: 'unsigned' });
    expect(await verifyPackDoc({ ...signed, extra: 1 }, k1.publicKey)).toMatchObject({ ok: false, reason: 'malformed' });
    expect(await verifyPackDoc(signed, 'not a key')).toMatchObject({ ok: false, reason: 'bad-key' });
  });
});
