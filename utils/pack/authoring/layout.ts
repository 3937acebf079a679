/**
 * The authoring folder's layout: which file holds what, how per-locale Markdown files
 * are named and which sections a battlecard file has. Build reads this layout and
 * unbuild writes it, so both take it from here.
 */
import { normKey } from './markdown';

export const FILES = {
  pack: 'pack.yaml',
  scenarios: 'scenarios.yaml',
  healthModel: 'health-model.yaml',
  sites: 'sites.yaml',
  sitePatches: 'site-patches.yaml',
  accounts: 'accounts.yaml',
  // Field ops (issue 19): one list each.
  experts: 'experts.yaml',
  rules: 'rules.yaml',
  products: 'products.yaml',
  qualification: 'qualification.yaml',
  winLoss: 'win-loss.yaml',
} as const;

/** The stem of the health model's Markdown companions (`health-model.<locale>.md`). */
export const HEALTH_MODEL_STEM = 'health-model';

/** `globex.zh-CN.md`, or `globex.md` for plain (default-locale) text. */
export const mdName = (stem: string, locale: string | null) => (locale ? `${stem}.${locale}.md` : `${stem}.md`);

/** Matches the Markdown companions of `stem`; group 1 is the locale, absent for the plain file. */
export const mdNamePattern = (stem: string) => new RegExp(`^${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:\\.([A-Za-z0-9-]+))?\\.md$`);

export type SectionKind = 'markdown' | 'list' | 'objections';

/** A battlecard's `## <title>` sections, in the order unbuild writes them. */
export const BATTLECARD_SECTIONS: readonly { field: string; title: string; kind: SectionKind }[] = [
  { field: 'summary', title: 'Summary', kind: 'markdown' },
  { field: 'whyWeWin', title: 'Why we win', kind: 'list' },
  { field: 'whyWeLose', title: 'Why we lose', kind: 'list' },
  { field: 'objections', title: 'Objections', kind: 'objections' },
  { field: 'landmines', title: 'Landmines', kind: 'list' },
  { field: 'pricing', title: 'Pricing', kind: 'markdown' },
  { field: 'proofPoints', title: 'Proof points', kind: 'list' },
];

/** The section a heading names, however it is spelt ("Why we win", "whyWeWin", "why-we-win"). */
export const battlecardSection = (heading: string) => BATTLECARD_SECTIONS.find((s) => normKey(s.title) === normKey(heading));

/** `**<label>:**` parts of an objection; authors may write the Chinese labels too. */
export const OBJECTION_PARTS: readonly { key: string; label: string; required: boolean; aliases: readonly string[] }[] = [
  { key: 'objection', label: 'Objection', required: true, aliases: ['异议'] },
  { key: 'response', label: 'Response', required: true, aliases: ['回应', '应对'] },
  { key: 'proof', label: 'Proof', required: false, aliases: ['证据', '佐证'] },
  // Not text but a word (customer or internal), the same in every locale's file (issue 16.2).
  { key: 'audience', label: 'Audience', required: false, aliases: ['受众'] },
];

/** Objection parts that are one value for every locale rather than localised text. */
export const PLAIN_OBJECTION_PARTS: ReadonlySet<string> = new Set(['audience']);

/** Battlecard fields that are not sections of its Markdown: they stay in the competitor's YAML. */
export const isBattlecardSection = (field: string) => BATTLECARD_SECTIONS.some((s) => s.field === field);

/** The objection part a label names, or null. */
export function objectionPart(label: string): string | null {
  const key = normKey(label);
  const trimmed = label.trim();
  return OBJECTION_PARTS.find((p) => p.key === key || p.aliases.includes(trimmed))?.key ?? null;
}
