/**
 * E-mail addresses, URLs and bare host names inside page text. A competitor's name in
 * "jane@hooli-fans.org" or "https://blog.example.com/leaving-hooli" is part of an
 * address, not a mention of the company, so the mention scan drops hits inside one.
 *
 * Checked at a hit, never by a pass over the whole text: the address is the run of
 * URL characters around the hit (after the matcher's fold, so full-width "＠" counts),
 * and it is one when it holds an "@" with a dotted domain after it, "://", a leading
 * "www.", or when it is a host name whose last label is a real top-level domain
 * ("hooli-fans.org", not "HooliDB." at the end of a sentence or "Hooli.js").
 */
import { parse } from 'tldts';

/** Characters of URLs and e-mail addresses (ASCII letters, digits and -._~:/?#@$&*+=%). */
function urlish(c: number): boolean {
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a)) return true;
  switch (c) {
    case 0x2d: case 0x2e: case 0x5f: case 0x7e: case 0x3a: case 0x2f: case 0x3f: case 0x23:
    case 0x40: case 0x24: case 0x26: case 0x2a: case 0x2b: case 0x3d: case 0x25:
      return true;
  }
  return false;
}

const MAX_SIDE = 512;
const TRAILING = /[.:?/#&*=+~-]+$/;
const HOST = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/;

export type AddressKind = 'email' | 'url' | 'host';

export interface Address {
  kind: AddressKind;
  /** The address, folded (lower case), trailing punctuation dropped. */
  text: string;
  start: number;
  end: number;
}

/** The e-mail address, URL or host name that text[start, end) lies inside, or null. */
export function addressAround(text: string, start: number, end: number, fold: Uint16Array): Address | null {
  let a = start;
  const minA = Math.max(0, start - MAX_SIDE);
  while (a > minA && urlish(fold[text.charCodeAt(a - 1)])) a--;
  let b = end;
  const maxB = Math.min(text.length, end + MAX_SIDE);
  while (b < maxB && urlish(fold[text.charCodeAt(b)])) b++;
  if (a === start && b === end) return null;
  let token = '';
  for (let i = a; i < b; i++) token += String.fromCharCode(fold[text.charCodeAt(i)]);
  token = token.replace(TRAILING, '');
  const kind = classify(token);
  if (!kind) return null;
  return { kind, text: token, start: a, end: a + token.length };
}

function classify(token: string): AddressKind | null {
  const at = token.indexOf('@');
  if (at > 0 && token.indexOf('.', at) > at + 1) return 'email';
  if (token.includes('://') || token.startsWith('www.')) return 'url';
  const slash = token.indexOf('/');
  const host = (slash < 0 ? token : token.slice(0, slash)).replace(/:\d+$/, '');
  if (!HOST.test(host)) return null;
  const p = parse(host, { allowPrivateDomains: true, validateHostname: false });
  return p.isIcann && p.domain ? 'host' : null;
}

/** The host of an address (the part after "@" for e-mail), lower case. */
export function addressHost(addr: Address): string | null {
  let s = addr.text;
  if (addr.kind === 'email') s = s.slice(s.lastIndexOf('@') + 1);
  else {
    const scheme = s.indexOf('://');
    if (scheme >= 0) s = s.slice(scheme + 3);
    s = s.replace(/[/?#].*$/, '').replace(/:\d+$/, '');
    const at = s.lastIndexOf('@');
    if (at >= 0) s = s.slice(at + 1);
  }
  return HOST.test(s) ? s : null;
}
