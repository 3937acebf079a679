/**
 * Team analytics events: the kinds the background may enqueue, what each carries, and
 * the one list of attributes that can leave the browser (the options page shows it,
 * docs/security.md lists it, a test keeps the two in step). Ids only: pack ids, item
 * ids, verdicts and counts — never page text, customer addresses or names.
 *
 * Another module adds an event with one call: `telemetry.enqueue({ kind: 'outcome',
 * outcome: 'won', competitorId: 'globex' })` (utils/telemetry/queue.ts); when no
 * endpoint is set the call does nothing.
 */
import type { FeedbackTarget, Verdict } from '../feedback/types';

export const USAGE_ACTIONS = ['card_view', 'section_view', 'copy', 'insert', 'tick', 'untick'] as const;
export type UsageAction = (typeof USAGE_ACTIONS)[number];

export type TelemetryEvent =
  /** The rep opened a card or section, copied or inserted a response, ticked a checklist item. */
  | { kind: 'usage'; action: UsageAction; competitorId?: string; section?: string; objectionId?: string; playbookId?: string; stageId?: string; itemId?: string }
  /** A flag on an item; the note only when ops turned "include notes" on. */
  | { kind: 'feedback'; target: FeedbackTarget; verdict: Verdict; note?: string | null }
  /** A deal's win/loss outcome (issue 16.5 enqueues it): ids of the pack's reasons, never free text. */
  | { kind: 'outcome'; outcome: string; competitorId?: string; reasonIds?: string[]; playbookId?: string; stageId?: string }
  /** A record view the site's own selectors could not read ("selector not found"). */
  | { kind: 'selector_miss'; site: string; layer: string; missing?: string | null }
  /** A palette search that found nothing: its length only (the words could be a customer's name). */
  | { kind: 'search_miss'; queryLength: number };

export type TelemetryKind = TelemetryEvent['kind'];

/** An event as queued: when, by which pseudonymous rep, under which pack. */
export interface QueuedEvent {
  seq?: number;
  at: string;
  repId: string;
  packId: string;
  packVersion: string;
  event: TelemetryEvent;
}

/**
 * Every attribute a log record can have, with what it holds. The encoder refuses any
 * other key (utils/telemetry/otlp.ts), so this list is what can be sent.
 */
export const SENT_ATTRIBUTES = {
  'frontline.event': 'the event kind: usage, feedback, outcome, selector_miss, search_miss',
  'frontline.rep_id': 'a random id made at install (rotatable on the options page), not tied to the rep’s name or account',
  'frontline.pack.id': 'the active pack’s meta.id',
  'frontline.pack.version': 'the active pack’s meta.version',
  'frontline.action': 'usage: card_view, section_view, copy, insert, tick, untick',
  'frontline.competitor_id': 'a competitor id from the pack',
  'frontline.section': 'a battlecard section name (whyWeWin, pricing…)',
  'frontline.objection_id': 'an objection id from the pack',
  'frontline.playbook_id': 'a playbook id from the pack',
  'frontline.stage_id': 'a stage id from the pack',
  'frontline.item_id': 'a checklist item id from the pack',
  'frontline.band_id': 'a health band id from the pack (a flagged play)',
  'frontline.target': 'what was flagged: section, objection, stage or play',
  'frontline.verdict': 'helpful, outdated, wrong or missing',
  'frontline.note': 'the rep’s note on a flag — only when “include notes” is on (off by default)',
  'frontline.outcome': 'the outcome id (won, lost…)',
  'frontline.reason_ids': 'outcome reason ids from the pack',
  'frontline.site': 'the CRM or mail site id (salesforce, gmail…)',
  'frontline.layer': 'how the page was read instead: semantic or page-text',
  'frontline.missing': 'the adapter’s own name for the landmark it did not find',
  'frontline.query_length': 'the length of a search that found nothing (not its words)',
} as const;

export type SentAttribute = keyof typeof SENT_ATTRIBUTES;

/** Resource attributes of every batch (who sends, not who uses). */
export const RESOURCE_ATTRIBUTES = {
  'service.name': 'always "frontline"',
  'service.version': 'the extension’s version',
} as const;
