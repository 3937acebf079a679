/**
 * Gmail URL predicates and thread-id parsing. Gmail routes in the hash; pure, table of
 * shapes in tests/unit/sites/gmail.test.ts.
 */

export const isGmailHost = (host: string): boolean => host.toLowerCase() === 'mail.google.com';

/** `https://mail.google.com/mail/…` (any signed-in account: `/mail/u/0/`, `/mail/u/1/`, or the bare `/mail/`). */
export const matchesGmail = (url: URL): boolean =>
  url.protocol === 'https:' && isGmailHost(url.hostname) && /^\/mail(?:\/u\/\d+)?\/?$/.test(url.pathname);

/** Views whose next hash segment is the thread id: `#inbox/<id>`, `#sent/<id>`… */
const PLAIN_VIEWS = new Set([
  'inbox', 'starred', 'snoozed', 'sent', 'all', 'imp', 'important', 'spam', 'trash', 'scheduled', 'chats', 'drafts',
]);
/** Views that take one argument before the thread id: `#label/Customers/<id>`, `#search/acme/<id>`, `#category/updates/<id>`. */
const ARG_VIEWS = new Set(['label', 'search', 'category', 'advanced-search', 'section_query', 'app']);

/**
 * Thread ids: the 16-hex-digit legacy id (`#inbox/18d7c0a1b2c3d4e5`) or the longer opaque
 * id Gmail has used in URLs since 2018 (`#inbox/FMfcgzGxSRwNMpKjbvGZkgJWNJtlNzMc`).
 * List pages use `#inbox/p2` for page 2, which is never taken for a thread.
 */
const THREAD_ID = /^[A-Za-z0-9]{16,64}$/;

/**
 * The open thread's id from the URL, or null when no thread is open.
 *
 * - `#inbox/<id>`, `#sent/<id>`, `#all/<id>`, `#starred/<id>`, `#imp/<id>`, `#snoozed/<id>`…
 * - `#label/Customers/<id>`, `#label/Parent%2FChild/<id>`, `#category/updates/<id>`,
 *   `#search/globex/<id>`, `#advanced-search/from%3Dacme/<id>`.
 * - With a compose window or attachment viewer open: `#inbox/<id>?compose=new`,
 *   `#inbox/<id>?projector=1` — still the thread.
 * - Not a thread: `#inbox`, `#inbox/p2`, `#search/globex` (a search whose one argument
 *   might look like an id), `#label/Customers`, `#settings/general`, `#contacts`,
 *   `#inbox?compose=new`.
 */
export function parseThreadId(url: URL): string | null {
  const hash = url.hash.replace(/^#/, '').split('?')[0];
  if (!hash) return null;
  const parts = hash.split('/');
  const view = decodeURIComponentSafe(parts[0]);
  let idIndex: number;
  if (PLAIN_VIEWS.has(view)) idIndex = 1;
  else if (ARG_VIEWS.has(view)) idIndex = 2;
  else return null;
  if (parts.length !== idIndex + 1) return null;
  const id = parts[idIndex];
  return THREAD_ID.test(id) ? id : null;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
