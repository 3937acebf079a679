/**
 * Rep feedback: what can be flagged (a card section, an objection, a stage, a health
 * play), the four verdicts, and the one key a target is stored and shown under.
 * The valibot schema is the message's (utils/messages.ts imports it).
 */
import * as v from 'valibot';

export const VERDICTS = ['helpful', 'outdated', 'wrong', 'missing'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** The card sections a rep can flag (the sidebar's `data-part` ids, and the summary). */
export const CARD_SECTIONS = ['summary', 'whyWeWin', 'whyWeLose', 'objections', 'landmines', 'pricing', 'proofPoints'] as const;

/** Longest note a rep can add to a flag. */
export const MAX_NOTE = 500;

const Id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/));

export const FeedbackTargetSchema = v.variant('kind', [
  v.object({ kind: v.literal('section'), competitorId: Id, section: v.picklist(CARD_SECTIONS) }),
  v.object({ kind: v.literal('objection'), competitorId: Id, objectionId: Id }),
  v.object({ kind: v.literal('stage'), playbookId: Id, stageId: Id }),
  v.object({ kind: v.literal('play'), bandId: Id }),
]);
export type FeedbackTarget = v.InferOutput<typeof FeedbackTargetSchema>;

export const FlagSchema = v.object({
  target: FeedbackTargetSchema,
  verdict: v.picklist(VERDICTS),
  note: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(MAX_NOTE))),
});
export type FlagRequest = v.InferOutput<typeof FlagSchema>;

/** A stored flag: what the rep said, about which item, under which pack. */
export interface FeedbackRecord {
  id?: number;
  at: string;
  key: string;
  target: FeedbackTarget;
  verdict: Verdict;
  note: string | null;
  packId: string;
  packVersion: string;
}

/** What the sidebar shows on an item the rep flagged. */
export interface FlagMark {
  verdict: Verdict;
  note: string | null;
  at: string;
}

/** `section:globex:pricing`, `objection:globex:gx-ela`, `stage:new-business:discovery`, `play:red`. */
export function targetKey(t: FeedbackTarget): string {
  switch (t.kind) {
    case 'section':
      return `section:${t.competitorId}:${t.section}`;
    case 'objection':
      return `objection:${t.competitorId}:${t.objectionId}`;
    case 'stage':
      return `stage:${t.playbookId}:${t.stageId}`;
    case 'play':
      return `play:${t.bandId}`;
  }
}

/** The competitor a target belongs to (its card's owner owns the flag), if any. */
export function targetCompetitor(t: FeedbackTarget): string | null {
  return t.kind === 'section' || t.kind === 'objection' ? t.competitorId : null;
}
