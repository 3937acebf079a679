/** One sync result in the reader's language, with the background's detail beneath. */
import type { Lang } from '@/utils/i18n';
import type { SyncResult } from '@/utils/sync/sync';
import { ot } from './strings';

export function syncResultLine(r: SyncResult, l: Lang): string {
  switch (r.outcome) {
    case 'updated':
      return ot(l, 'resUpdated', { version: r.version ?? '' });
    case 'not-modified':
      return ot(l, 'resNotModified');
    case 'unchanged':
      return ot(l, 'resUnchanged');
    case 'error':
      return ot(l, 'resError');
    case 'refused':
      return r.reason === 'signature'
        ? ot(l, 'resRefusedSignature')
        : r.reason === 'downgrade'
          ? ot(l, 'resRefusedDowngrade', { version: r.version ?? '' })
          : r.reason === 'same-version'
            ? ot(l, 'resRefusedSameVersion', { version: r.version ?? '' })
            : r.reason === 'pack-switch'
              ? ot(l, 'resRefusedPackSwitch', { version: r.version ?? '' })
              : ot(l, 'resRefusedInvalid', { count: r.errors?.length ?? 0 });
  }
}

export function SyncResultText({ result: r, lang: l }: { result: SyncResult; lang: Lang }) {
  const bad = r.outcome === 'error' || r.outcome === 'refused';
  return (
    <span class={bad ? 'notice-error' : 'notice-ok'} data-outcome={r.outcome}>
      {syncResultLine(r, l)} <span class="muted">({new Date(r.at).toLocaleString(l)})</span>
      {bad && (
        <>
          <br />
          <small class="detail">{r.message}</small>
        </>
      )}
    </span>
  );
}
