/**
 * The sidebar preview and what it shows: an account and a stage picked from the built
 * pack, or a saved page read by the extension's own adapters (as `npm run explain`
 * does) at the address the person gives.
 */
import { useComputed, useSignal } from '@preact/signals';
import type { Lang } from '@/utils/i18n';
import { localize } from '@/utils/pack/text';
import type { KnowledgePack } from '@/utils/pack/schema';
import { extractPage } from '@/utils/sites/registry';
import { blankRecord } from '@/utils/view/preview';
import { ot } from '../strings';
import type { WorkbenchModel } from './model';
import { SidebarPreview } from './SidebarPreview';

export function PreviewBox({ lang: l, m }: { lang: Lang; m: WorkbenchModel }) {
  const pack = m.pack.value;
  const source = useComputed(() => (m.pack.value ? { pack: m.pack.value, pick: m.pick.value } : null));
  const ctx = useComputed(() => m.page.value?.ctx ?? blankRecord(m.pick.value.accountId ?? ''));
  return (
    <div class="wb-preview">
      <h3>{ot(l, 'wbPreviewTitle')}</h3>
      <p class="muted">{ot(l, 'wbPreviewHelp')}</p>
      {pack ? (
        <>
          <PickControls lang={l} m={m} pack={pack} />
          <SavedPage lang={l} m={m} pack={pack} />
          {/* A saved page Frontline reads nothing on shows no sidebar, as on the CRM. */}
          {source.value && !(m.page.value && !m.page.value.ctx) && <SidebarPreview source={source.value} ctx={ctx.value} lang={l} label={ot(l, 'wbPreviewLabel')} />}
        </>
      ) : (
        <p>{ot(l, 'wbPreviewNeedsBuild')}</p>
      )}
    </div>
  );
}

function PickControls({ lang: l, m, pack }: { lang: Lang; m: WorkbenchModel; pack: KnowledgePack }) {
  const p = m.pick.value;
  const loc = pack.meta.defaultLocale;
  const stageValue = p.stage ? `${p.stage.playbookId}/${p.stage.stageId}` : '';
  const onStage = (v: string) => {
    const [playbookId, stageId] = v.split('/');
    m.pick.value = { ...p, stage: v ? { playbookId, stageId } : null };
  };
  return (
    <p class="actions">
      <label>
        {ot(l, 'wbAccount')}{' '}
        <select value={p.accountId ?? ''} onChange={(e) => (m.pick.value = { ...p, accountId: (e.currentTarget as HTMLSelectElement).value })} data-testid="wb-account" disabled={!!m.page.value}>
          {pack.accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {ot(l, 'wbStage')}{' '}
        <select value={stageValue} onChange={(e) => onStage((e.currentTarget as HTMLSelectElement).value)} data-testid="wb-stage">
          <option value="">{ot(l, 'wbStageAuto')}</option>
          {pack.playbooks.map((pb) => (
            <optgroup key={pb.id} label={localize(pb.name, l, loc)}>
              {pb.stages.map((s) => (
                <option key={s.id} value={`${pb.id}/${s.id}`}>
                  {localize(s.name, l, loc)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
    </p>
  );
}

function SavedPage({ lang: l, m, pack }: { lang: Lang; m: WorkbenchModel; pack: KnowledgePack }) {
  const url = useSignal('https://');
  const read = async (file: File) => {
    const doc = new DOMParser().parseFromString(await file.text(), 'text/html');
    let ctx = null;
    try {
      ctx = extractPage(doc, new URL(url.value), pack.sites ?? [], pack.sitePatches ?? []);
    } catch (e) {
      m.error.value = (e as Error).message;
      return;
    }
    m.page.value = { name: file.name, ctx };
  };
  const page = m.page.value;
  return (
    <div>
      <p class="actions">
        <label>
          {ot(l, 'wbSavedPageUrl')} <input type="url" size={40} value={url.value} onInput={(e) => (url.value = (e.currentTarget as HTMLInputElement).value)} data-testid="wb-page-url" />
        </label>
        <label>
          {ot(l, 'wbSavedPage')}{' '}
          <input
            type="file"
            accept=".html,.htm,text/html"
            data-testid="wb-page-file"
            onChange={(e) => {
              const input = e.currentTarget as HTMLInputElement;
              const f = input.files?.[0];
              input.value = '';
              if (f) void read(f);
            }}
          />
        </label>
      </p>
      {page && (
        <p role="status" data-testid="wb-page-note">
          {page.ctx ? ot(l, 'wbSavedPageRead', { name: page.name }) : ot(l, 'wbSavedPageNone', { name: page.name })}{' '}
          <button type="button" onClick={() => (m.page.value = null)}>
            {ot(l, 'wbSavedPageClear')}
          </button>
        </p>
      )}
    </div>
  );
}
