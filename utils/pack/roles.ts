/**
 * The pack's role layouts, text audiences and play cadence (issue 16): sub-schemas of
 * the format, imported by schema.ts (the format is still defined there and only there).
 */
import * as v from 'valibot';
import { ROLES, SECTION_IDS } from '../view/sections';

export const AUDIENCES = ['customer', 'internal'] as const;
export type AudienceValue = (typeof AUDIENCES)[number];

/** Who a copyable text is for: `customer` text may be inserted into a reply, `internal` never. */
export const Audience = v.picklist(AUDIENCES, 'expected an audience: customer or internal');
export const Role = v.picklist(ROLES, `expected a role: ${ROLES.join(' or ')}`);

const SectionId = v.picklist(SECTION_IDS, `expected a section id: ${SECTION_IDS.join(', ')}`);

export const Layout = v.strictObject({
  /** The sections shown for the role, in order. */
  order: v.pipe(v.array(SectionId, 'expected a list of section ids'), v.minLength(1, 'expected at least one section')),
  /** Sections that start collapsed (each must be in `order`). */
  collapsed: v.optional(v.array(SectionId, 'expected a list of section ids')),
});

export const Layouts = v.strictObject(
  Object.fromEntries(ROLES.map((r) => [r, v.optional(Layout)])) as Record<(typeof ROLES)[number], v.OptionalSchema<typeof Layout, undefined>>,
  `expected an object keyed by role (${ROLES.join(', ')})`,
);

/** How many days a red band's play waits, per account, before it opens expanded again. */
export const PlayOpenEvery = v.pipe(v.number('expected a number of days'), v.integer('expected whole days'), v.minValue(1, 'expected 1 to 365 days'), v.maxValue(365, 'expected 1 to 365 days'));
