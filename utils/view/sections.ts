/**
 * The sidebar's sections and how a role lays them out. The id list is the one place a
 * section is named: the pack's `meta.layouts` may name only these (schema.ts takes its
 * picklist from here), and the sidebar renders a section only when the view provides it.
 * Pure.
 */
export const SECTION_IDS = ['battlecard', 'stage', 'next-steps', 'health', 'scorecard', 'outcome', 'experts', 'rules', 'products'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export const ROLES = ['sales', 'cs'] as const;
export type Role = (typeof ROLES)[number];

export interface LayoutSpec {
  /** The sections shown, in order; a section left out is not shown for the role. */
  order: readonly SectionId[];
  /** Sections shown with their heading only until the rep opens them. */
  collapsed?: readonly SectionId[];
}

export interface SectionLayout {
  role: Role;
  sections: { id: SectionId; collapsed: boolean }[];
}

/** Where the role in force came from: the rep's own choice, the IT policy, the pack, or neither. */
export type RoleSource = 'rep' | 'policy' | 'pack' | 'default';

/** Without a pack layout every section shows, in the id list's order, none collapsed (the layout before roles existed). */
const BUILT_IN: LayoutSpec = { order: SECTION_IDS };

/** The layout for `role`: the pack's for that role when it has one, else the built-in one. */
export function layoutFor(role: Role, pack: { meta: { layouts?: Partial<Record<Role, LayoutSpec>> } }): SectionLayout {
  const spec = pack.meta.layouts?.[role] ?? BUILT_IN;
  const collapsed = new Set(spec.collapsed ?? []);
  const seen = new Set<SectionId>();
  const sections = spec.order.flatMap((id) => {
    if (seen.has(id)) return [];
    seen.add(id);
    return [{ id, collapsed: collapsed.has(id) }];
  });
  return { role, sections };
}

/** The rep's choice first, then the policy's default, then the pack's, then sales. */
export function resolveRole(rep: Role | null, policy: Role | null, pack: Role | null | undefined): { role: Role; source: RoleSource } {
  if (rep) return { role: rep, source: 'rep' };
  if (policy) return { role: policy, source: 'policy' };
  if (pack) return { role: pack, source: 'pack' };
  return { role: 'sales', source: 'default' };
}

export const isRole = (x: unknown): x is Role => x === 'sales' || x === 'cs';
