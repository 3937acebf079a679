/**
 * Domains: registrable domain (public-suffix aware through tldts), the domain of an
 * e-mail address or URL, and the free-mail providers whose senders say nothing about
 * the customer.
 *
 * Free-mail list: the npm package `free-email-domains` was the first choice, but its
 * postinstall script downloads the list from the network, so `npm ci` fails on a
 * machine without one (ours and CI). A missing provider here costs little: an e-mail
 * domain only counts when some account lists it, and no account lists gmx.de; the list
 * exists to say "skipped" out loud and to keep free-mail out of the "several companies"
 * count. Packs add their own through `meta.freeMailDomains`.
 *
 * Registrable domains include the public suffix list's private section (github.io,
 * herokuapp.com, azurewebsites.net…): "pixel.github.io" is one tenant's site, and
 * treating "github.io" as the registrable domain would match every other tenant to it.
 */
import { getDomain, getHostname } from 'tldts';

export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  // Global
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'passport.com', 'windowslive.com',
  'yahoo.com', 'ymail.com', 'rocketmail.com', 'aol.com', 'aim.com', 'icloud.com', 'me.com', 'mac.com',
  'proton.me', 'protonmail.com', 'protonmail.ch', 'pm.me', 'tutanota.com', 'tuta.io', 'zoho.com', 'zohomail.com',
  'gmx.com', 'gmx.net', 'gmx.de', 'gmx.at', 'gmx.ch', 'web.de', 'mail.com', 'email.com', 'usa.com', 'fastmail.com', 'fastmail.fm',
  'hey.com', 'yandex.com', 'yandex.ru', 'ya.ru', 'mail.ru', 'inbox.ru', 'list.ru', 'bk.ru', 'rambler.ru',
  'hushmail.com', 'mailfence.com', 'posteo.de', 'mailbox.org', 'runbox.com', 'disroot.org', 'zohomail.eu',
  // Regional Microsoft / Yahoo / AOL
  'hotmail.co.uk', 'hotmail.fr', 'hotmail.de', 'hotmail.it', 'hotmail.es', 'hotmail.nl', 'hotmail.be', 'hotmail.co.jp',
  'outlook.fr', 'outlook.de', 'outlook.es', 'outlook.it', 'outlook.jp', 'outlook.com.au', 'outlook.co.uk', 'live.co.uk',
  'live.fr', 'live.de', 'live.nl', 'live.it', 'live.cn', 'live.com.au', 'windowslive.cn',
  'yahoo.co.uk', 'yahoo.fr', 'yahoo.de', 'yahoo.it', 'yahoo.es', 'yahoo.ca', 'yahoo.co.jp', 'yahoo.com.au', 'yahoo.co.in',
  'yahoo.com.br', 'yahoo.com.mx', 'yahoo.com.sg', 'yahoo.com.hk', 'yahoo.com.tw', 'yahoo.com.cn', 'yahoo.cn', 'aol.co.uk', 'aol.de', 'aol.fr',
  // Europe
  'orange.fr', 'wanadoo.fr', 'free.fr', 'sfr.fr', 'laposte.net', 'libero.it', 'virgilio.it', 'tiscali.it', 'alice.it',
  't-online.de', 'freenet.de', 'arcor.de', 'online.de', 'btinternet.com', 'sky.com', 'virginmedia.com', 'ntlworld.com',
  'talktalk.net', 'seznam.cz', 'centrum.cz', 'wp.pl', 'o2.pl', 'onet.pl', 'interia.pl', 'ziggo.nl', 'telenet.be', 'skynet.be',
  'bluewin.ch', 'terra.es', 'sapo.pt', 'abv.bg', 'ukr.net',
  // Americas / Oceania / Asia
  'comcast.net', 'verizon.net', 'att.net', 'sbcglobal.net', 'bellsouth.net', 'cox.net', 'charter.net', 'earthlink.net',
  'shaw.ca', 'rogers.com', 'sympatico.ca', 'bigpond.com', 'optusnet.com.au', 'uol.com.br', 'bol.com.br', 'terra.com.br',
  'rediffmail.com', 'naver.com', 'hanmail.net', 'daum.net', 'nate.com', 'docomo.ne.jp', 'ezweb.ne.jp', 'softbank.ne.jp',
  // China
  'qq.com', 'vip.qq.com', 'foxmail.com', '163.com', '126.com', 'yeah.net', 'vip.163.com', 'vip.126.com', '188.com',
  'sina.com', 'sina.cn', 'vip.sina.com', 'sina.com.cn', 'sohu.com', 'vip.sohu.com', 'aliyun.com', '139.com', '189.cn',
  'wo.cn', 'tom.com', '21cn.com', '263.net', 'hexun.com', 'netease.com',
]);

const BARE_HOST = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/;
const TLD_OPTIONS = { allowPrivateDomains: true, extractHostname: false, validateHostname: false, detectIp: true, mixedInputs: false };

/** Trailing brackets, quotes and separators dropped, by a loop: `/[>…]+$/` retried from every start of a long run. */
function trimClosers(s: string): string {
  let end = s.length;
  while (end > 0 && `>])}'",;`.includes(s[end - 1])) end--;
  return s.slice(0, end);
}

/** Lower-case host of a URL, bare domain or e-mail address; null when there is none. */
export function hostOf(input: string): string | null {
  let s = input.trim().toLowerCase();
  if (!s) return null;
  if (BARE_HOST.test(s)) return s;
  const at = s.lastIndexOf('@');
  if (at >= 0 && !s.includes('://')) s = s.slice(at + 1);
  s = trimClosers(s.replace(/^mailto:/, '')).replace(/\.$/, '');
  const host = getHostname(s.includes('://') ? s : `http://${s}`);
  if (!host || !host.includes('.')) return null;
  return host.replace(/\.$/, '');
}

/** Registrable domain ("eu.shop.acme.co.uk" → "acme.co.uk") of a host, URL or e-mail; null for IPs and bare suffixes. */
export function registrableDomain(input: string): string | null {
  const host = hostOf(input);
  if (!host) return null;
  return registrableOfHost(host);
}

/**
 * Suffixes under which each label is one customer's tenant but which the public suffix
 * list does not (yet) carry: Microsoft 365's initial domains ("contoso.onmicrosoft.com"
 * is Contoso, not Microsoft), incl. the 21Vianet and Germany clouds.
 */
const TENANT_SUFFIXES = ['mail.onmicrosoft.com', 'onmicrosoft.com', 'onmicrosoft.de', 'partner.onmschina.cn', 'onmschina.cn'];

function tenantDomain(host: string): string | null {
  for (const suf of TENANT_SUFFIXES) {
    if (host.length > suf.length + 1 && host.endsWith(`.${suf}`)) {
      const rest = host.slice(0, -suf.length - 1);
      return `${rest.slice(rest.lastIndexOf('.') + 1)}.${suf}`;
    }
  }
  return null;
}

/** Registrable domain of an already lower-case bare host (no parsing). */
export function registrableOfHost(host: string): string | null {
  return tenantDomain(host) ?? getDomain(host, TLD_OPTIONS) ?? null;
}

/**
 * True when `host` (or its registrable domain) is a free-mail provider, from the
 * built-in list or `extra` (a pack's `meta.freeMailDomains`).
 */
export function isFreeMail(host: string, extra?: ReadonlySet<string>): boolean {
  const h = host.toLowerCase();
  if (FREE_MAIL_DOMAINS.has(h) || extra?.has(h)) return true;
  const reg = getDomain(h, TLD_OPTIONS);
  return !!reg && reg !== h && (FREE_MAIL_DOMAINS.has(reg) || !!extra?.has(reg));
}

/** The host and each parent down to the registrable domain: "a.b.acme.com" → ["a.b.acme.com", "b.acme.com", "acme.com"]. */
export function hostChain(host: string, registrable: string): string[] {
  const out = [host];
  let h = host;
  while (h.length > registrable.length) {
    const dot = h.indexOf('.');
    if (dot < 0) break;
    h = h.slice(dot + 1);
    out.push(h);
  }
  return out;
}
