/**
 * Public keys: one parser for the options page, the policy, sync and the CLI, so a
 * key accepted in one place is accepted everywhere; and a policy key that cannot be
 * used fails closed — every pack is refused and the options page says why — instead
 * of turning the signature check off.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { generateKeyPair, parsePublicKey, signPack, toBase64, type KeyPair } from '../../../utils/pack/sign';
import { configure, packServer, profile, URL_, version } from './harness';

let key: KeyPair;
let p: Awaited<ReturnType<typeof profile>>;
beforeEach(async () => {
  key ??= await generateKeyPair();
  p = await profile();
});

/** The same key as people paste it. */
function forms(pub: string): Record<string, string> {
  const url = pub.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const raw = Uint8Array.from(atob(pub), (c) => c.charCodeAt(0));
  const spki = new Uint8Array([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00, ...raw]);
  return {
    'the .pub file': `${pub}\n`,
    base64url: url,
    'base64 without padding': pub.replace(/=+$/, ''),
    quoted: `"${pub}"`,
    'single-quoted base64url': `'${url}'`,
    'ed25519: label': `ed25519:${pub}`,
    'base64: label': `base64: ${pub}`,
    'SPKI PEM': `-----BEGIN PUBLIC KEY-----\n${toBase64(spki)}\n-----END PUBLIC KEY-----\n`,
  };
}

describe('one key parser', () => {
  it('reads every form to the same key, and refuses what is not an Ed25519 key', () => {
    for (const [name, text] of Object.entries(forms(key.publicKey))) {
      expect(parsePublicKey(text), name).toMatchObject({ ok: true, base64: key.publicKey });
    }
    for (const bad of ['', 'abc', `${key.publicKey.slice(0, 40)}`, `${key.publicKey}AAAA`, 'ssh-ed25519 AAAAC3Nza', '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VuAyEA\n-----END PUBLIC KEY-----']) {
      expect(parsePublicKey(bad).ok, bad).toBe(false);
    }
  });

  it('a policy key in any of those forms checks signatures: an unsigned pack is refused, a signed one taken', async () => {
    for (const [name, text] of Object.entries(forms(key.publicKey))) {
      p = await profile();
      p.policy = { packUrl: URL_, publicKey: text };
      const srv = packServer();
      const w = p.worker(srv.fetchFn);
      srv.publish(version('1.1.0'));
      expect((await w['sync:now']({})).result, name).toMatchObject({ outcome: 'refused', reason: 'signature' });
      srv.publish(await signPack(version('1.1.0'), key.privateKeyPem));
      expect((await w['sync:now']({})).result, name).toMatchObject({ outcome: 'updated', version: '1.1.0' });
      expect((await w['sync:status']({})).settings, name).toMatchObject({ publicKey: key.publicKey, policyProblems: [], keyProblem: null });
    }
  });

  it('the options page takes the same forms and stores the standard one', async () => {
    const w = p.worker(packServer().fetchFn);
    await configure(w, { packUrl: null, publicKey: forms(key.publicKey).base64url });
    expect((await w['sync:status']({})).settings.publicKey).toBe(key.publicKey);
  });
});

describe('a policy key that cannot be used', () => {
  for (const bad of ['not-a-key', 'AAAA', 42]) {
    it(`refuses every pack, signed or not, and says why (${JSON.stringify(bad)})`, async () => {
      p.policy = { packUrl: URL_, publicKey: bad };
      const srv = packServer();
      const w = p.worker(srv.fetchFn);
      srv.publish(version('1.1.0'));
      const unsigned = await w['sync:now']({});
      expect(unsigned.result).toMatchObject({ outcome: 'refused', reason: 'signature' });
      expect(unsigned.result?.message).toMatch(/^refused: the public key is not usable/);
      srv.publish(await signPack(version('1.1.0'), key.privateKeyPem));
      expect((await w['sync:now']({})).result).toMatchObject({ outcome: 'refused', reason: 'signature' });
      // A file picked on the options page, too.
      expect(await w['pack:preview']({ text: JSON.stringify(version('1.2.0')), source: 'f', lang: 'en' })).toMatchObject({ ok: false, reason: 'signature' });
      expect(await w['pack:import']({ text: JSON.stringify(version('1.2.0')), source: 'f' })).toMatchObject({ ok: false });
      expect((await w['pack:info']({})).version).toBe('1.0.0');
      // The options page shows the reason.
      const { settings } = await w['sync:status']({});
      expect(settings.keyProblem).toMatch(/^expected (an Ed25519 public key|text)/);
      expect(settings.policyProblems).toEqual([`publicKey: ${settings.keyProblem}`]);
      expect(settings.locked.publicKey).toBe(true);
    });
  }
});
