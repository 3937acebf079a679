/**
 * One place that turns what an adapter read into a normalised PageContext, so every
 * site agrees on the shape: empty strings become null, domains and e-mails are
 * lower-cased and de-duplicated, competitor values de-duplicated, text tidied.
 */
import { domainFrom, emailFrom, joinText, squash, uniq } from './dom';
import type { PageContext, Participant, RecordType, SiteId } from './types';

export interface ContextInput {
  site: SiteId;
  recordType: RecordType;
  recordId?: string | null;
  accountName?: string | null;
  accountId?: string | null;
  /** Website values as shown, or bare domains; normalised with `domainFrom`. */
  websites?: ReadonlyArray<string | null | undefined>;
  emails?: ReadonlyArray<string | null | undefined>;
  stage?: string | null;
  opportunityType?: string | null;
  pipeline?: string | null;
  amount?: string | null;
  closeDate?: string | null;
  nextStep?: string | null;
  contactRoles?: { name: string; role: string }[];
  competitorsField?: ReadonlyArray<string | null | undefined>;
  subject?: string | null;
  participants?: Participant[];
  ownEmail?: string | null;
  /** Text parts, one per line. */
  text?: ReadonlyArray<string | null | undefined>;
}

const orNull = (s: string | null | undefined): string | null => squash(s) || null;

/**
 * Keys the caller passes (even as null) are kept; keys it leaves out are left out.
 * CRM adapters pass the CRM fields, mail adapters the mail fields.
 */
export function makeContext(input: ContextInput): PageContext {
  const own = emailFrom(input.ownEmail);
  const ctx: PageContext = {
    site: input.site,
    recordType: input.recordType,
    recordId: orNull(input.recordId),
    accountName: orNull(input.accountName),
    domains: uniq((input.websites ?? []).map(domainFrom).filter((d): d is string => !!d)),
    emails: uniq((input.emails ?? []).map(emailFrom).filter((e): e is string => !!e && e !== own)),
    stage: orNull(input.stage),
    competitorsField: uniq((input.competitorsField ?? []).map(orNull).filter((c): c is string => !!c)),
    text: joinText(input.text ?? []),
  };
  if ('accountId' in input) ctx.accountId = orNull(input.accountId);
  if ('opportunityType' in input) ctx.opportunityType = orNull(input.opportunityType);
  if ('pipeline' in input) ctx.pipeline = orNull(input.pipeline);
  if ('amount' in input) ctx.amount = orNull(input.amount);
  if ('closeDate' in input) ctx.closeDate = orNull(input.closeDate);
  if ('nextStep' in input) ctx.nextStep = orNull(input.nextStep);
  if ('contactRoles' in input) ctx.contactRoles = (input.contactRoles ?? []).map((c) => ({ name: squash(c.name), role: squash(c.role) })).filter((c) => c.name && c.role);
  if ('subject' in input) ctx.subject = orNull(input.subject);
  if ('participants' in input) ctx.participants = input.participants ?? [];
  if ('ownEmail' in input) ctx.ownEmail = own;
  return ctx;
}
