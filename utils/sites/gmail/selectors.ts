/**
 * Gmail markup the adapter reads. Gmail's class names are short obfuscated tokens that
 * have nevertheless been stable for years; each is named here with the layout it belongs
 * to and where it was seen.
 *
 * Sources: InboxSDK `gmail-message-view.ts` (sender `td.gF span[email]`, recipients
 * `.hb span[email]`, body `div.ii.gt`, message states h7/kv/kQ), `gmail-thread-view.ts`
 * (subject `.ha h2`, `data-thread-perm-id`), `gmail-element-getter.ts` (main region
 * `[role=main]`, add-on side panel `.no > .nn.bnl`, companion panel `.brC-brG`), and
 * InboxSDK's captured inbox list (2014–2025).
 */

/** The main region: threads, lists and the reading pane live here; the add-on panels and the OneGoogle bar do not. */
export const MAIN = '[role="main"]';

/** Thread subject: `div.ha > h2.hP[data-thread-perm-id][data-legacy-thread-id]` (2018–2025). */
export const SUBJECT = ['h2.hP', '.ha h2'] as const;

/**
 * One message of the open thread: `div.adn.ads[data-message-id][data-legacy-message-id]`,
 * inside a list item whose class says its state: `h7` expanded, `kv` collapsed, `kQ`/`kx`
 * hidden behind "n older messages" (InboxSDK getViewState, 2016–2025).
 */
export const MESSAGE = 'div.adn';
export const MESSAGE_STATE_EXPANDED = 'h7';
export const MESSAGE_STATE_HIDDEN = ['kQ', 'kx'] as const;

/** Sender: `h3.iw span[email]` / `td.gF span[email]` with `name` and `email` attributes (`span.gD`). */
export const SENDER = ['td.gF span[email]', 'h3.iw span[email]', 'span.gD[email]'] as const;
/** Recipients line of an expanded message ("to me, Priya"): `span.hb span[email]` (`span.g2`). No to/cc split here. */
export const RECIPIENTS = '.hb span[email]';
/**
 * "Show details" table: `div.ajA table.ajC tr.ajv` rows, label `td.gG span.gI` ("from:",
 * "to:", "cc:", "bcc:"), addresses `td.gL span[email]`. The only place that says cc.
 */
export const DETAILS_ROW = 'table.ajC tr.ajv';
/** Row labels by role, as the English and Chinese UIs write them (trailing colon removed). */
export const DETAILS_ROLE_LABELS: Readonly<Record<string, 'from' | 'to' | 'cc' | 'bcc'>> = {
  from: 'from', to: 'to', cc: 'cc', bcc: 'bcc',
  发件人: 'from', 收件人: 'to', 抄送: 'cc', 密送: 'bcc',
  寄件者: 'from', 收件者: 'to', 副本: 'cc', 密件副本: 'bcc',
};
export const DETAILS_LABEL = 'td.gG';
export const DETAILS_VALUE = 'td.gL';

/** Message body: `div.ii.gt > div.a3s` (InboxSDK falls back to `.adP`). */
export const BODY = ['div.ii.gt div.a3s', 'div.a3s', '.adP'] as const;

/** Quoted earlier mail inside a body (repeats what the thread already shows) and the "…" toggle. */
export const QUOTED = '.gmail_quote, blockquote, .ajR, .adm';

/**
 * Reply/compose inside the thread: the reply area `div.ip` holds `div.M9` with the editor
 * `div.Am.Al.editable[contenteditable=true][role=textbox][aria-label="Message Body"]` and the
 * recipient chips `div.vR span.vN[email]`. What the user is typing is not the thread.
 */
export const COMPOSE = '.ip, .M9, .aoI, [contenteditable="true"], [g_editable="true"]';

/**
 * The signed-in account: the OneGoogle bar's account button,
 * `a[aria-label="Google Account: Name  \n(me@example.com)"]` (2019–2025; some builds put it
 * in `title`). Localised UIs change the words, so any account-bar control whose label ends
 * in "(address)" is accepted.
 */
export const ACCOUNT_BUTTON = [
  'a[aria-label^="Google Account:"]',
  '[aria-label^="Google Account:"]',
  '[title^="Google Account:"]',
  '#gb a[aria-label], #gb [title], header[role="banner"] a[aria-label]',
] as const;

/** `document.title` is "Subject - me@example.com - Gmail" (or "Inbox (3) - me@… - Gmail"): last resort for the own address. */
export const TITLE_EMAIL = /\s-\s([^\s@]+@[^\s@]+\.[^\s@]+)\s-\s[^-]+$/;
