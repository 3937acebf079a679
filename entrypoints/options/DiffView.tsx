/** What activating the checked pack would change, per entity, before anything changes. */
import type { Lang } from '@/utils/i18n';
import { SECTIONS, type SectionKey } from '@/utils/pack/diff';
import type { Preview } from '@/utils/sync/handlers';
import { ot, type OptionsKey } from './strings';

const SECTION_KEYS: Record<SectionKey, OptionsKey> = {
  scenarios: 'secScenarios',
  competitors: 'secCompetitors',
  playbooks: 'secPlaybooks',
  accounts: 'secAccounts',
  measures: 'secMeasures',
  bands: 'secBands',
  sites: 'secSites',
};

export function DiffView({ preview, lang: l }: { preview: Extract<Preview, { ok: true }>; lang: Lang }) {
  const d = preview.diff;
  const sig =
    preview.signature === 'verified'
      ? ot(l, 'sigVerified', { key: preview.keyId ?? '' })
      : preview.signature === 'not-checked'
        ? ot(l, 'sigNotChecked', { key: preview.keyId ?? '' })
        : ot(l, 'sigUnsigned');
  const direction: Record<typeof preview.comparison, OptionsKey> = {
    upgrade: 'dirUpgrade',
    downgrade: 'dirDowngrade',
    'same-version': 'dirSameVersion',
    identical: 'dirIdentical',
    'other-pack': 'dirOtherPack',
    'pack-switch': 'dirPackSwitch',
  };
  return (
    <div class="diff" data-testid="diff">
      <h3>
        {ot(l, 'diffTitle', { from: `${d.from.name} ${d.from.version}`, to: `${d.to.name} ${d.to.version}` })}{' '}
        <span class={`badge badge-${preview.comparison}`} data-testid="diff-direction">
          {ot(l, direction[preview.comparison])}
        </span>
      </h3>
      <p class="muted" data-testid="diff-signature">
        {sig}
      </p>
      {d.identical ? (
        <p>{ot(l, 'diffNone')}</p>
      ) : (
        <>
          {d.meta.length > 0 && (
            <ul class="fields">
              {d.meta.map((f) => (
                <li key={f.path}>
                  <code>meta.{f.path}</code>: {f.before ?? '—'} → {f.after ?? '—'}
                </li>
              ))}
            </ul>
          )}
          {SECTIONS.map((key) => {
            const s = d.sections[key];
            const { added, removed, changed, unchanged } = s.counts;
            if (!added && !removed && !changed) return null;
            const more = added + removed + changed - (s.added.length + s.removed.length + s.changed.length);
            return (
              <details key={key} data-testid={`diff-${key}`} open={added + removed + changed <= 10}>
                <summary>
                  <strong>{ot(l, SECTION_KEYS[key])}</strong>: {ot(l, 'diffCounts', { added, changed, removed, unchanged })}
                </summary>
                <ul class="changes">
                  {s.added.map((e) => (
                    <li key={`+${e.id}`} class="added">
                      + <code>{e.id}</code> {e.name}
                    </li>
                  ))}
                  {s.changed.map((e) => (
                    <li key={`~${e.id}`} class="changed">
                      ~ <code>{e.id}</code> {e.name}
                      <ul class="fields">
                        {e.fields.map((f) => (
                          <li key={f.path} class={f.before === undefined ? 'added' : f.after === undefined ? 'removed' : undefined}>
                            {f.before === undefined ? '+ ' : f.after === undefined ? '− ' : ''}
                            <code>{f.path}</code>: {f.before === undefined ? f.after : f.after === undefined ? f.before : `${f.before} → ${f.after}`}
                          </li>
                        ))}
                        {e.moreFields > 0 && <li>{ot(l, 'diffMoreFields', { count: e.moreFields })}</li>}
                      </ul>
                    </li>
                  ))}
                  {s.removed.map((e) => (
                    <li key={`-${e.id}`} class="removed">
                      − <code>{e.id}</code> {e.name}
                    </li>
                  ))}
                  {more > 0 && <li>{ot(l, 'diffMore', { count: more })}</li>}
                </ul>
              </details>
            );
          })}
          {d.checklistItemsRemoved.length > 0 && (
            <p class="warn" data-testid="diff-checklist">
              {ot(l, 'diffChecklistRemoved', { count: d.checklistItemsRemoved.length, ids: d.checklistItemsRemoved.slice(0, 10).join(', ') })}
            </p>
          )}
        </>
      )}
    </div>
  );
}
