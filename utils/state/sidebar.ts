/** The sidebar's state in one tab: signals the components read. */
import { signal } from '@preact/signals';
import type { SidebarView } from '../view/types';
import type { Lang } from '../i18n';

export type Status = 'idle' | 'loading' | 'ready' | 'error';

export function createSidebarState(lang: Lang, open: boolean) {
  return {
    lang: signal<Lang>(lang),
    open: signal(open),
    status: signal<Status>('idle'),
    error: signal<string | null>(null),
    view: signal<SidebarView | null>(null),
    /** Whether the page has a reply box we can insert into (webmail). */
    canInsert: signal(false),
  };
}

export type SidebarState = ReturnType<typeof createSidebarState>;
