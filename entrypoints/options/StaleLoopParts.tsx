/** The stale report's ops-loop parts: old claims by owner, and a ready reminder e-mail per owner. */
import type { Lang } from '@/utils/i18n';
import type { OpsReport } from '@/utils/sync/handlers';
import { reminderMailto, type ReminderInput, type ReminderPhrases } from '@/utils/feedback/reminders';
import { lo, type LoopOptionsKey } from './loopStrings';
import { itemLabel, ownerLabel } from './feedbackExport';
import { ot } from './strings';

const FIELD_KEY: Record<string, LoopOptionsKey> = { whyWeWin: 'section_whyWeWin', landmines: 'section_landmines', proofPoints: 'section_proofPoints', pricing: 'section_pricing' };

export function OldClaims({ lang: l, report }: { lang: Lang; report: OpsReport }) {
  const groups = report.claims ?? [];
  const max = report.claimMaxAgeDays;
  return (
    <div data-testid="old-claims">
      <h3>{lo(l, 'claimsTitle')}</h3>
      {max == null ? (
        <p class="muted">{lo(l, 'claimsNoLimit')}</p>
      ) : (
        <>
          <p class="muted">{lo(l, 'claimsHelp', { days: max })}</p>
          {groups.length === 0 && <p>{lo(l, 'claimsNone')}</p>}
          {groups.map((g) => (
            <div key={g.owner} class="owner-group" data-owner={g.owner}>
              <h4>{lo(l, 'claimsOwner', { owner: g.owner, count: g.claims.length })}</h4>
              <table>
                <thead>
                  <tr>
                    <th>{ot(l, 'colCard')}</th>
                    <th>{lo(l, 'colClaim')}</th>
                    <th>{lo(l, 'colSource')}</th>
                    <th>{lo(l, 'colAsOf')}</th>
                    <th class="num">{lo(l, 'colAge')}</th>
                  </tr>
                </thead>
                <tbody>
                  {g.claims.map((c) => (
                    <tr key={c.path} data-claim-path={c.path}>
                      <td>
                        {c.competitor} <span class="muted">· {lo(l, FIELD_KEY[c.field])}</span>
                      </td>
                      <td>{c.text}</td>
                      <td>{c.source ?? '—'}</td>
                      <td>{c.asOf}</td>
                      <td class="num">{ot(l, 'days', { count: c.ageDays })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </>
      )}
    </div>
  );
}

function phrases(l: Lang): ReminderPhrases {
  return {
    subject: (owner) => lo(l, 'mailSubject', { owner }),
    greeting: (owner) => lo(l, 'mailGreeting', { owner }),
    cardsHeading: lo(l, 'mailCards'),
    card: (name, due, days) => lo(l, 'mailCard', { name, due, days }),
    claimsHeading: lo(l, 'mailClaims'),
    claim: (competitor, text, asOf) => lo(l, 'mailClaim', { competitor, text, asOf }),
    flagsHeading: lo(l, 'mailFlags'),
    flag: (card, item, open, oldest) => lo(l, 'mailFlag', { card, item, open, oldest }),
    closing: lo(l, 'mailClosing'),
  };
}

/** One reminder per owner with anything to review; a stage's or play's flags have no owner and go to no one. */
export function reminderInputs(l: Lang, report: OpsReport): ReminderInput[] {
  const by = new Map<string, ReminderInput>();
  const get = (owner: string) => by.get(owner) ?? by.set(owner, { owner, cards: [], claims: [], flags: [] }).get(owner)!;
  for (const g of report.stale) get(g.owner).cards.push(...g.cards.map((c) => ({ name: c.name, dueOn: c.dueOn, daysOverdue: c.daysOverdue })));
  for (const g of report.claims ?? []) get(g.owner).claims.push(...g.claims.map((c) => ({ competitor: c.competitor, text: c.text, asOf: c.asOf })));
  for (const g of report.openFlags ?? []) {
    if (g.owner === '—') continue;
    get(g.owner).flags.push(...g.flags.map((f) => ({ card: f.card, item: itemLabel(l, f), open: f.open, oldestOpen: f.oldestOpen })));
  }
  return [...by.values()].sort((a, b) => a.owner.localeCompare(b.owner));
}

export function Reminders({ lang: l, report }: { lang: Lang; report: OpsReport }) {
  const inputs = reminderInputs(l, report);
  const p = phrases(l);
  return (
    <div data-testid="reminders">
      <h3>{lo(l, 'remindersTitle')}</h3>
      <p class="muted">{lo(l, 'remindersHelp')}</p>
      {inputs.length === 0 ? (
        <p>{lo(l, 'remindersNone')}</p>
      ) : (
        <ul>
          {inputs.map((r) => (
            <li key={r.owner}>
              <a href={reminderMailto(r, p)} data-testid={`reminder-${r.owner}`}>
                {lo(l, 'reminderLink', { owner: ownerLabel(l, r.owner) })}
              </a>{' '}
              <span class="muted">{lo(l, 'reminderCounts', { cards: r.cards.length, claims: r.claims.length, flags: r.flags.length })}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
