/**
 * What Gmail and Outlook threads have in common once each site has found its messages:
 * participants in order without repeats, the readable bodies, one thread context.
 */
import { makeContext } from './context';
import type { PageContext, Participant } from './types';

export interface ThreadReading {
  site: 'gmail' | 'outlook';
  threadId: string;
  subject: string | null;
  messages: readonly Element[];
  participantsOf(message: Element): Participant[];
  /** The message's own text (no quoted history, no draft), or null when it shows none. */
  bodyOf(message: Element): string | null;
  ownEmail: string | null;
}

export function threadContext(r: ThreadReading): PageContext | null {
  const participants: Participant[] = [];
  const seen = new Set<string>();
  const bodies: string[] = [];
  for (const m of r.messages) {
    for (const p of r.participantsOf(m)) {
      const key = `${p.role} ${p.email}`;
      if (seen.has(key)) continue;
      seen.add(key);
      participants.push(p);
    }
    const body = r.bodyOf(m);
    if (body !== null) bodies.push(body);
  }
  if (participants.length === 0 && bodies.length === 0) return null;
  return makeContext({
    site: r.site,
    recordType: 'thread',
    recordId: r.threadId,
    accountName: null,
    emails: participants.map((p) => p.email),
    stage: null,
    subject: r.subject,
    participants,
    ownEmail: r.ownEmail,
    text: bodies,
  });
}
