/**
 * Outlook on the web adapter: the conversation in the reading pane. Pure. Same output as
 * the Gmail adapter: subject, every participant with role and display name, the bodies
 * (quoted earlier mail and the reply being typed left out), the signed-in address.
 */
import { threadContext } from '../mailThread';
import { all, emailFrom, emailsIn, first, firstOf, squash, textOf, visibleText } from '../dom';
import type { PageContext, Participant } from '../types';
import * as S from './selectors';
import { parseItemId } from './urls';

const inCompose = (el: Element): boolean => !!el.closest(S.COMPOSE);

/** A header line longer than this (500 recipients with long names) is cut before parsing. */
const MAX_HEADER = 100_000;

/**
 * "John Smith <j.smith@acme.com>; Priya <p@x.io>, bare@x.io" → people. One pass: entries
 * split at ";" and "," outside quotes and angle brackets, then each entry's `<address>`
 * parts (the text before each is its name) and bare addresses. Linear in the length,
 * whatever the page puts there (a regex with a lazy name group was quadratic on long
 * names).
 */
export function parsePeople(value: string, role: Participant['role']): Participant[] {
  const out: Participant[] = [];
  const add = (rawName: string | null, rawEmail: string) => {
    const email = emailFrom(rawEmail);
    if (!email) return;
    const name = squash(rawName?.trim().replace(/^"([^"]*)"$/, '$1')) || null;
    out.push({ name: name && emailFrom(name) !== email ? name : null, email, role });
  };
  for (const entry of entries(value.length > MAX_HEADER ? value.slice(0, MAX_HEADER) : value)) {
    let pos = 0;
    for (let lt = entry.indexOf('<'); lt >= 0; lt = entry.indexOf('<', pos)) {
      const gt = entry.indexOf('>', lt);
      if (gt < 0) break;
      add(entry.slice(pos, lt), entry.slice(lt + 1, gt));
      pos = gt + 1;
    }
    if (pos === 0) for (const word of entry.split(/[\s"<>]+/)) if (word.includes('@')) add(null, word);
  }
  return out;
}

/** The entries of an address line: split at ";" or "," outside "quotes" and <brackets>. */
function entries(value: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let angled = false;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '"' && !angled) quoted = !quoted;
    else if (c === '<' && !quoted) angled = true;
    else if (c === '>' && !quoted) angled = false;
    else if ((c === ';' || c === ',') && !quoted && !angled) {
      out.push(value.slice(start, i));
      start = i + 1;
    }
  }
  out.push(value.slice(start));
  return out;
}

function participantsOf(message: Element): Participant[] {
  const out: Participant[] = [];
  for (const el of all(message, S.HEADER_LINE)) {
    if (inCompose(el)) continue;
    const label = el.getAttribute('aria-label') ?? '';
    const role = (Object.keys(S.HEADER_ROLES) as (keyof typeof S.HEADER_ROLES)[]).find((r) => S.HEADER_ROLES[r].test(label));
    if (!role) continue;
    const people = parsePeople(label.replace(S.HEADER_ROLES[role], ''), role);
    // Persona spans repeat the address in `title` when the label only has names.
    if (people.length === 0) for (const span of all(el, '[title*="@"]')) people.push(...parsePeople(`${textOf(span) ?? ''} <${span.getAttribute('title')}>`, role));
    // Some builds write the address only as text beside the persona: "From: Dana Lee <dana@litwareinc.com>".
    if (people.length === 0) people.push(...parsePeople((textOf(el) ?? '').replace(S.HEADER_ROLES[role], ''), role));
    out.push(...people);
  }
  return out;
}

/** Outlook quotes the earlier mail as a `#divRplyFwdMsg` header block followed by its body: everything after it is quoted. */
function afterReplyHeader(el: Element): boolean {
  for (let prev = el.previousElementSibling; prev; prev = prev.previousElementSibling) {
    if (prev.matches(S.REPLY_HEADER)) return true;
  }
  return false;
}

export function ownAddress(doc: Document): string | null {
  for (const sel of S.ACCOUNT_EMAIL) {
    const el = first(doc, sel);
    const e = el && (emailFrom(textOf(el)) ?? emailFrom(el.getAttribute('title')));
    if (e) return e;
  }
  return emailsIn(doc.title)[0] ?? null;
}

export function extract(doc: Document, url: URL): PageContext | null {
  const itemId = parseItemId(url);
  if (!itemId) return null;
  const pane = firstOf(doc, S.PANE);
  if (!pane) return null;

  const messages = all(pane, S.MESSAGE).filter((m) => !inCompose(m));
  if (messages.length === 0) return null;

  const subjectEl = S.SUBJECT.map((sel) => all(pane, sel).find((el) => !inCompose(el))).find(Boolean);
  const subject = subjectEl ? squash(subjectEl.getAttribute('title') || subjectEl.textContent) : null;

  return threadContext({
    site: 'outlook',
    threadId: itemId,
    subject,
    messages,
    participantsOf,
    bodyOf(m) {
      const body = S.BODY.map((sel) => all(m, sel).find((b) => !inCompose(b))).find(Boolean);
      return body ? visibleText(body, { exclude: `${S.QUOTED}, ${S.COMPOSE}`, skip: afterReplyHeader }) : null;
    },
    ownEmail: ownAddress(doc),
  });
}
