/**
 * The parts of a view that depend on the rep's role and history rather than the record
 * (issue 16): the section layout, what changed since the rep last looked, whether a
 * play opens expanded. Pure: the records come in, a new view goes out.
 */
import type { KnowledgePack, Text } from '../pack/schema';
import { localize } from '../pack/text';
import type { PlayRecord, SeenRecord } from '../store/db';
import { cardItems, compareSeen, stageItems } from './lastSeen';
import { layoutFor, type Role, type RoleSource } from './sections';
import type { SidebarView } from './types';

const DAY = 86_400_000;

export interface Decorations {
  role: { role: Role; source: RoleSource };
  /** Seen records by key (`card:<id>`, `stage:<playbook>/<stage>`). */
  seen: Map<string, SeenRecord>;
  play: PlayRecord | null;
  /** Stale-card snoozes by competitor id (absent: none). */
  staleSnoozes?: Map<string, PlayRecord>;
  lang: string;
  now: Date;
}

/** Until when a stale card's warning is quiet: the rep snoozed it for this very review, and the snooze runs. */
export function staleSnoozedUntil(card: { stale: boolean; reviewedAt: string }, snooze: PlayRecord | undefined, now: Date): string | null {
  if (!card.stale || !snooze?.snoozedUntil || snooze.reviewedAt !== card.reviewedAt) return null;
  return Date.parse(snooze.snoozedUntil) > now.getTime() ? snooze.snoozedUntil : null;
}

export const cardSeenKey = (competitorId: string) => `card:${competitorId}`;
export const stageSeenKey = (playbookId: string, stageId: string) => `stage:${playbookId}/${stageId}`;

/** The seen keys a view needs, to read them before decorating. */
export function seenKeysOf(view: SidebarView): string[] {
  return [...view.cards.map((c) => cardSeenKey(c.id)), ...(view.stage ? [stageSeenKey(view.stage.playbookId, view.stage.current.stageId)] : [])];
}

/** Expanded unless snoozed, or opened expanded for this account within the band's `playOpenEvery` days. */
export function playExpanded(rec: PlayRecord | null, openEvery: number | undefined, now: Date): { expanded: boolean; snoozedUntil: string | null } {
  const snoozed = rec?.snoozedUntil && Date.parse(rec.snoozedUntil) > now.getTime() ? rec.snoozedUntil : null;
  const recent = openEvery !== undefined && rec?.expandedAt !== undefined && now.getTime() - Date.parse(rec.expandedAt) < openEvery * DAY;
  return { expanded: !snoozed && !recent, snoozedUntil: snoozed };
}

export function decorateView(view: SidebarView, pack: KnowledgePack, d: Decorations): SidebarView {
  const t = (x: Text) => localize(x, d.lang, pack.meta.defaultLocale);
  const cards = view.cards.map((c) => {
    const comp = pack.competitors.find((x) => x.id === c.id);
    const quiet = staleSnoozedUntil(c, d.staleSnoozes?.get(c.id), d.now);
    return comp ? { ...c, seen: compareSeen(d.seen.get(cardSeenKey(c.id))?.items ?? null, cardItems(comp), t), staleSnoozedUntil: quiet } : c;
  });
  let stage = view.stage;
  if (stage) {
    const s = pack.playbooks.find((p) => p.id === stage!.playbookId)?.stages.find((x) => x.id === stage!.current.stageId);
    if (s) stage = { ...stage, seen: compareSeen(d.seen.get(stageSeenKey(stage.playbookId, s.id))?.items ?? null, stageItems(s), t) };
  }
  let health = view.health;
  if (health?.play) {
    const band = pack.healthModel.bands.find((b) => b.id === health!.bandId);
    health = { ...health, playState: { ...playExpanded(d.play, band?.playOpenEvery, d.now), openEvery: band?.playOpenEvery ?? null } };
  }
  return { ...view, cards, stage, health, layout: { ...layoutFor(d.role.role, pack), source: d.role.source } };
}
