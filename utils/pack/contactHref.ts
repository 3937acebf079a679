/**
 * The links an expert may be reached by: a pack names people and how to reach them,
 * and the sidebar opens those links, so only these shapes pass intake (the rest of the
 * pack's links stay http/https/mailto, utils/pack/href.ts):
 *
 * - `mailto:` one or more addresses, no query (Frontline adds the subject and body);
 * - Microsoft Teams chat: `https://teams.microsoft.com/l/chat/…`;
 * - Slack: `slack://…` or `https://<workspace>.slack.com/…`;
 * - DingTalk: `dingtalk://…`; WeCom (企业微信): `wxwork://…`.
 *
 * No user:password part anywhere: a link with credentials is a link nobody should click.
 * Pure, no valibot: the view builder classifies stored links again with it.
 */
export const CONTACT_KINDS = ['email', 'teams', 'slack', 'dingtalk', 'wecom'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** Channels whose deep link takes a prefilled message (mailto body, Teams `message`); the others get it on the clipboard. */
export const CARRIES_MESSAGE: ReadonlySet<ContactKind> = new Set(['email', 'teams']);

export const CONTACT_HREF_HELP =
  'expected a mailto: address, a Microsoft Teams chat link (https://teams.microsoft.com/l/chat/…), a Slack link (slack://… or https://<workspace>.slack.com/…), a DingTalk link (dingtalk://…) or a WeCom link (wxwork://…)';

const ADDRESS = /^[^\s@,;?#&]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

/** The channel a contact link is, or null when it is not one we allow. */
export function contactKind(href: string): ContactKind | null {
  if (href !== href.trim() || href.length > 2000 || /\s/.test(href)) return null;
  let u: URL;
  try {
    u = new URL(href);
  } catch {
    return null;
  }
  if (u.username || u.password) return null;
  switch (u.protocol) {
    case 'mailto:': {
      if (u.search || u.hash) return null;
      const to = decodeURIComponent(u.pathname).split(',');
      return to.length > 0 && to.every((a) => ADDRESS.test(a)) ? 'email' : null;
    }
    case 'https:':
      if (u.port) return null;
      if (u.hostname === 'teams.microsoft.com' && u.pathname.startsWith('/l/chat/')) return 'teams';
      if (/^[a-z0-9-]+\.slack\.com$/.test(u.hostname)) return 'slack';
      return null;
    case 'slack:':
      return 'slack';
    case 'dingtalk:':
      return 'dingtalk';
    case 'wxwork:':
      return 'wecom';
    default:
      return null;
  }
}

/**
 * The link with the message in it where the channel takes one: mailto gets subject and
 * body, Teams its `message` parameter (replacing one the pack set). Every part is
 * URL-encoded by URLSearchParams / encodeURIComponent, never spliced in raw.
 */
export function withMessage(href: string, kind: ContactKind, subject: string, message: string): string {
  if (kind === 'email') return `${href}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(message)}`;
  if (kind === 'teams') {
    const u = new URL(href);
    u.searchParams.set('message', message);
    return u.href;
  }
  return href;
}
