/**
 * Outlook on the web adapter: the conversation in the reading pane. Pure. Same output as
 * the Gmail adapter: subject, every participant with role and display name, the bodies
 * (quoted earlier mail and the reply being typed left out), the signed-in address.
 */
import { threadContext } from '../mailThread';
import { all, emailFrom, first, firstOf, squash, textOf, visibleText } from '../dom';
import type { PageContext, Participant } from '../types';
import * as S from './selectors';
import { parseItemId } from './urls';

const inCompose = (el: Element): boolean => !!el.closest(S.COMPOSE);

/** "John Smith <j.smith@acme.com>; Priya <p@x.io>, bare@x.io" → people. */
export function parsePeople(value: string, role: Participant['role']): Participant[] {
  const out: Participant[] = [];
  const re = /"([^"]*)"\s*<([^>]+)>|([^"<;,]*?)\s*<([^>]+)>|([^\s<>;,"]+@[^\s<>;,"]+)/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    const email = emailFrom(m[2] ?? m[4] ?? m[5]);
    if (!email) continue;
    const name = squash(m[1] ?? m[3]) || null;
    out.push({ name: name && emailFrom(name) !== email ? name : null, email, role });
  }
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
  const t = squash(doc.title).match(/([^\s@()<>]+@[^\s@()<>]+\.[a-z]{2,})/i);
  return t ? emailFrom(t[1]) : null;
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
