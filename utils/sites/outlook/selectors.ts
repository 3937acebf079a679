/**
 * Outlook on the web (OWA, 2019–2025 "One Outlook") markup the adapter reads. OWA's class
 * names are per-build hashes, so everything here is an id, a role, an aria-label or a
 * data-* hook. Sources: toggl/track-extension `outlook.js`
 * and OWA e-mail assistants that read the reading pane (2024–2025).
 */

/** The reading pane: `#ReadingPaneContainerId` (also `main[aria-label="Reading Pane"]`); the conversation inside it `#ConversationReadingPaneContainer`. */
export const PANE = ['#ReadingPaneContainerId', 'main[aria-label="Reading Pane"]', '[role="main"][aria-label="Reading Pane"]'] as const;

/** Subject: `[id^="CONV_"][id$="_SUBJECT"]`; older builds `div[role="heading"][title]`. */
export const SUBJECT = ['[id^="CONV_"][id$="_SUBJECT"]', 'div[role="heading"][title]', '[role="heading"][aria-level="2"]'] as const;

/** One message of the conversation: `[aria-label="Email message"]`. */
export const MESSAGE = '[aria-label="Email message"]';

/**
 * Header lines carry their content in the aria-label: `aria-label="From: John Smith <j.smith@acme.com>"`,
 * `aria-label="To: Alex Morgan <…>; Priya Shah <…>"`, `Cc:`, `Bcc:`; persona spans inside often
 * repeat the address in `title`.
 */
export const HEADER_LINE = '[aria-label]';
export const HEADER_ROLES = { from: /^from:/i, to: /^to:/i, cc: /^cc:/i, bcc: /^bcc:/i } as const;

/** Message body: `[role="document"][aria-label*="Message body"]` (not the contenteditable compose body). */
export const BODY = ['[role="document"][aria-label*="Message body"]', '[data-app-section="MessageBody"]', '[id^="UniqueMessageBody"]'] as const;

/** Quoted earlier mail inside a body: `#divRplyFwdMsg` and what follows it, blockquotes. */
export const QUOTED = '#divRplyFwdMsg, [id^="divRplyFwdMsg"], blockquote, .gmail_quote';
export const REPLY_HEADER = '#divRplyFwdMsg, [id^="divRplyFwdMsg"]';

/** The inline reply being written: `[data-app-section="MailReadCompose"]`, `div[aria-label="Message body"][contenteditable="true"]`. */
export const COMPOSE = '[data-app-section="MailReadCompose"], [contenteditable="true"]';

/**
 * The signed-in account, from Microsoft's account manager ("Me control"):
 * `#mectrl_currentAccount_secondary` holds the address, `#mectrl_currentAccount_primary` the name.
 * Some builds render that flyout only once it has been opened; until then the own address is
 * null and the pack's own domains keep our people out of the match.
 */
export const ACCOUNT_EMAIL = ['#mectrl_currentAccount_secondary', '#mectrl_headerPicture[title*="@"]'] as const;
