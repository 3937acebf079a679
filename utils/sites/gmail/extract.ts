/**
 * Gmail adapter: the open conversation only. Pure.
 * The thread id comes from the URL; the main region supplies the subject, every
 * participant of every message (from, to, cc, bcc with display names) and the bodies of
 * the expanded messages. Quoted earlier mail, the reply being typed, add-on panels and the
 * account bar are not thread text. The signed-in user's own address is read from the page
 * and left out of `emails` (it stays in `participants`).
 */
import { threadContext } from '../mailThread';
import { all, emailFrom, first, isHidden, MAX_FIELD, squash, visibleText } from '../dom';
import type { PageContext, Participant } from '../types';
import * as S from './selectors';
import { parseThreadId } from './urls';

/** What Gmail shows instead of your name ("to me"). */
const SELF_WORDS = new Set(['me', '我', 'moi', 'mí', 'mir', 'mich', '自分', '나']);

const inCompose = (el: Element): boolean => !!el.closest(S.COMPOSE);

function person(span: Element, role: Participant['role']): Participant | null {
  const email = emailFrom(span.getAttribute('email'));
  if (!email) return null;
  let name = squash(span.getAttribute('name')) || squash(span.textContent) || null;
  if (name && (SELF_WORDS.has(name.toLowerCase()) || emailFrom(name) === email)) name = null;
  return { name, email, role };
}

function messageState(m: Element): 'expanded' | 'collapsed' | 'hidden' {
  const holder = m.closest('.h7, .kv, .ky, .kQ, .kx');
  if (!holder) return 'expanded';
  if (S.MESSAGE_STATE_HIDDEN.some((c) => holder.classList.contains(c))) return 'hidden';
  return holder.classList.contains(S.MESSAGE_STATE_EXPANDED) ? 'expanded' : 'collapsed';
}

function participantsOf(m: Element): Participant[] {
  const out: Participant[] = [];
  const spans = (root: Element, sel: string) => all(root, sel).filter((s) => !inCompose(s));

  // The details table says which role each address has.
  for (const row of spans(m, S.DETAILS_ROW)) {
    const label = S.DETAILS_ROLE_LABELS[squash(first(row, S.DETAILS_LABEL)?.textContent).replace(/\s*[:：]$/, '').toLowerCase()];
    if (!label) continue;
    for (const s of spans(first(row, S.DETAILS_VALUE) ?? row, '[email]')) {
      const p = person(s, label);
      if (p) out.push(p);
    }
  }
  if (!out.some((p) => p.role === 'from')) {
    const sender = S.SENDER.map((sel) => spans(m, sel)[0]).find(Boolean);
    const p = sender && person(sender, 'from');
    if (p) out.unshift(p);
  }
  if (!out.some((p) => p.role !== 'from')) {
    for (const s of spans(m, S.RECIPIENTS)) {
      const p = person(s, 'to');
      if (p) out.push(p);
    }
  }
  return out;
}

/** The signed-in address: account button label/title, else the window title. */
export function ownAddress(doc: Document): string | null {
  for (const sel of S.ACCOUNT_BUTTON) {
    for (const el of all(doc, sel)) {
      for (const attr of ['aria-label', 'title']) {
        const m = (el.getAttribute(attr) ?? '').slice(-MAX_FIELD).match(/\(([^()\s]+@[^()\s]+)\)\s*$/);
        const e = m && emailFrom(m[1]);
        if (e) return e;
      }
    }
  }
  const t = squash(doc.title.slice(-MAX_FIELD)).match(S.TITLE_EMAIL);
  return t ? emailFrom(t[1]) : null;
}

export function extract(doc: Document, url: URL): PageContext | null {
  const threadId = parseThreadId(url);
  if (!threadId) return null;
  const main = first(doc, S.MAIN);
  if (!main) return null;

  const messages = all(main, S.MESSAGE).filter((m) => !inCompose(m) && !isHidden(m, main) && messageState(m) !== 'hidden');
  if (messages.length === 0) return null; // no conversation on screen (a list, or still loading)

  const subjectEl = S.SUBJECT.map((sel) => all(main, sel).find((el) => !inCompose(el))).find(Boolean) ?? null;
  const subject = subjectEl ? squash(subjectEl.textContent) : null;

  return threadContext({
    site: 'gmail',
    threadId,
    subject,
    messages,
    participantsOf,
    bodyOf(m) {
      if (messageState(m) !== 'expanded') return null;
      const body = S.BODY.map((sel) => all(m, sel).find((b) => !inCompose(b))).find(Boolean);
      return body ? visibleText(body, { exclude: `${S.QUOTED}, ${S.COMPOSE}` }) : null;
    },
    ownEmail: ownAddress(doc),
  });
}
