/**
 * Review reminders without a server: for each owner, a ready `mailto:` with their
 * overdue cards, their old claims and the open flags on their cards. The phrases come
 * in (the options page passes its language's), so this stays pure and testable.
 */
export interface ReminderInput {
  owner: string;
  cards: { name: string; dueOn: string; daysOverdue: number }[];
  claims: { competitor: string; text: string; asOf: string }[];
  flags: { card: string | null; item: string; open: number; oldestOpen: string | null }[];
}

export interface ReminderPhrases {
  subject(owner: string): string;
  greeting(owner: string): string;
  cardsHeading: string;
  card(name: string, dueOn: string, days: number): string;
  claimsHeading: string;
  claim(competitor: string, text: string, asOf: string): string;
  flagsHeading: string;
  flag(card: string, item: string, open: number, oldest: string): string;
  closing: string;
}

/** Mail clients cut long mailto links (about 2,000 characters is safe everywhere). */
export const MAX_MAILTO = 1900;

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** An owner written as an e-mail address is the recipient; a name leaves "To" for ops to fill. */
export function recipient(owner: string): string {
  return /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(owner) ? owner : '';
}

export function reminderBody(r: ReminderInput, p: ReminderPhrases): string {
  const lines = [p.greeting(r.owner), ''];
  if (r.cards.length) lines.push(p.cardsHeading, ...r.cards.map((c) => `- ${p.card(c.name, c.dueOn, c.daysOverdue)}`), '');
  if (r.claims.length) lines.push(p.claimsHeading, ...r.claims.map((c) => `- ${p.claim(c.competitor, cut(c.text, 80), c.asOf)}`), '');
  if (r.flags.length) lines.push(p.flagsHeading, ...r.flags.map((f) => `- ${p.flag(f.card ?? '—', cut(f.item, 60), f.open, (f.oldestOpen ?? '').slice(0, 10))}`), '');
  lines.push(p.closing);
  return lines.join('\n');
}

/** The mailto link; lines are dropped from the end of the lists until it fits. */
export function reminderMailto(r: ReminderInput, p: ReminderPhrases): string {
  const make = (x: ReminderInput) => `mailto:${encodeURIComponent(recipient(r.owner))}?subject=${encodeURIComponent(p.subject(r.owner))}&body=${encodeURIComponent(reminderBody(x, p))}`;
  let x = r;
  let link = make(x);
  while (link.length > MAX_MAILTO && (x.flags.length || x.claims.length || x.cards.length)) {
    x = x.flags.length ? { ...x, flags: x.flags.slice(0, -1) } : x.claims.length ? { ...x, claims: x.claims.slice(0, -1) } : { ...x, cards: x.cards.slice(0, -1) };
    link = make(x);
  }
  return link;
}
