/** The sidebar's state in one tab: signals the components read. */
import { signal } from '@preact/signals';
import type { SidebarView } from '../view/types';
import type { Lang } from '../i18n';

export type Status = 'idle' | 'loading' | 'ready' | 'error';

/** What the rep opened from the palette: shown without being remembered for the record. */
export interface Focus {
  accountId?: string;
  competitorId?: string;
  scenarioId?: string;
  objectionId?: string;
}

export function createSidebarState(lang: Lang, open: boolean, width: number) {
  return {
    lang: signal<Lang>(lang),
    open: signal(open),
    width: signal(width),
    status: signal<Status>('idle'),
    error: signal<string | null>(null),
    view: signal<SidebarView | null>(null),
    focus: signal<Focus | null>(null),
    /** The battlecard tab in view (competitor id); null = the strongest. */
    selectedCard: signal<string | null>(null),
    paletteOpen: signal(false),
    /** Whether the page has a reply box to insert into (webmail). */
    canInsert: signal(false),
    /** A short-lived note: a click refused because the page covers the sidebar, an insert with no reply box. */
    notice: signal<'clickRefused' | 'insertNoBox' | null>(null),
  };
}

export type SidebarState = ReturnType<typeof createSidebarState>;
