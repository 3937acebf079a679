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
  products: 'secProducts',
  experts: 'secExperts',
  rules: 'secRules',
};

type OkPreview = Extract<Preview, { ok: true }>;
type PackDiff = OkPreview['diff'];

const DIRECTION: Record<OkPreview['comparison'], OptionsKey> = {
  upgrade: 'dirUpgrade',
  downgrade: 'dirDowngrade',
  'same-version': 'dirSameVersion',
  identical: 'dirIdentical',
  'other-pack': 'dirOtherPack',
  'pack-switch': 'dirPackSwitch',
};

function signatureLine(preview: OkPreview, l: Lang): string {
  if (preview.signature === 'verified') return ot(l, 'sigVerified', { key: preview.keyId ?? '' });
  if (preview.signature === 'not-checked') return ot(l, 'sigNotChecked', { key: preview.keyId ?? '' });
  return ot(l, 'sigUnsigned');
}

export function DiffView({ preview, lang: l }: { preview: OkPreview; lang: Lang }) {
  const d = preview.diff;
  return (
    <div class="diff" data-testid="diff">
      <h3>
        {ot(l, 'diffTitle', { from: `${d.from.name} ${d.from.version}`, to: `${d.to.name} ${d.to.version}` })}{' '}
        <span class={`badge badge-${preview.comparison}`} data-testid="diff-direction">
          {ot(l, DIRECTION[preview.comparison])}
        </span>
      </h3>
      <p class="muted" data-testid="diff-signature">
        {signatureLine(preview, l)}
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
          {SECTIONS.map((key) => (
            <SectionDiff key={key} id={key} section={d.sections[key]} lang={l} />
          ))}
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

/** One entity's added, changed and removed entries; open when the list is short. */
function SectionDiff({ id, section: s, lang: l }: { id: SectionKey; section: PackDiff['sections'][SectionKey]; lang: Lang }) {
  const { added, removed, changed, unchanged } = s.counts;
  if (!added && !removed && !changed) return null;
  const more = added + removed + changed - (s.added.length + s.removed.length + s.changed.length);
  return (
    <details data-testid={`diff-${id}`} open={added + removed + changed <= 10}>
      <summary>
        <strong>{ot(l, SECTION_KEYS[id])}</strong>: {ot(l, 'diffCounts', { added, changed, removed, unchanged })}
      </summary>
      <ul class="changes">
        {s.added.map((e) => (
          <li key={`+${e.id}`} class="added">
            + <code>{e.id}</code> {e.name}
          </li>
        ))}
        {s.changed.map((e) => (
          <ChangedEntry key={`~${e.id}`} entry={e} lang={l} />
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
}

function ChangedEntry({ entry: e, lang: l }: { entry: PackDiff['sections'][SectionKey]['changed'][number]; lang: Lang }) {
  return (
    <li class="changed">
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
  );
}
