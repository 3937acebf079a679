/**
 * The pack workbench (options page): open the authoring folder, see every problem as
 * `file:line` with a link to the field's docs, preview the real sidebar, edit in place,
 * build, sign, download or try the pack here. The build is utils/pack/authoring's,
 * the one the CLI runs; this module only wires the parts (docs/ops-guide.md, "Workbench").
 */
import { useEffect, useMemo } from 'preact/hooks';
import type { Lang } from '@/utils/i18n';
import type { PackInfo } from '@/utils/view/types';
import { localize } from '@/utils/pack/text';
import { ot } from '../strings';
import { createWorkbenchModel, type WorkbenchModel } from './model';
import { CopyActions, OpenControls } from './OpenControls';
import { SourcedErrors } from './SourcedErrors';
import { PreviewBox } from './PreviewBox';
import { EditForm } from './EditForm';
import { ShipPanel } from './ShipPanel';

export function Workbench({ lang: l, onActivated }: { lang: Lang; onActivated: (info: PackInfo) => void }) {
  const m = useMemo(
    () =>
      createWorkbenchModel({
        now: () => new Date(),
        every(ms, fn) {
          const id = setInterval(() => void fn(), ms);
          return () => clearInterval(id);
        },
      }),
    [],
  );
  useEffect(() => () => m.close(), []);
  const f = m.folder.value;
  const pack = m.pack.value;
  return (
    <section aria-labelledby="workbench-h" id="workbench" data-testid="workbench">
      <h2 id="workbench-h">{ot(l, 'wbTitle')}</h2>
      <p>{ot(l, 'wbHelp')}</p>
      <OpenControls lang={l} m={m} />
      {m.error.value && (
        <p class="notice notice-error" role="alert" data-testid="wb-error">
          {m.error.value}
        </p>
      )}
      {f && (
        <>
          <Status lang={l} m={m} />
          <CopyActions lang={l} m={m} />
          <PreviewBox lang={l} m={m} />
          {pack && <EditForm key={f.name} lang={l} m={m} pack={pack} />}
          <ShipPanel lang={l} m={m} onActivated={onActivated} />
        </>
      )}
    </section>
  );
}

function Status({ lang: l, m }: { lang: Lang; m: WorkbenchModel }) {
  const f = m.folder.value!;
  const r = m.result.value;
  const at = m.checkedAt.value;
  const p = r?.ok ? r.validated : null;
  return (
    <div class="wb-status">
      <p>
        {ot(l, 'wbFolder')}: <strong data-testid="wb-folder">{ot(l, f.kind === 'disk' ? 'wbKindDisk' : 'wbKindCopy', { name: f.name })}</strong>
      </p>
      <p class="actions" aria-live="polite">
        <span data-testid="wb-checked-at">{m.checking.value ? ot(l, 'wbChecking') : at ? ot(l, 'wbCheckedAt', { time: at.toLocaleTimeString(l) }) : ''}</span>
        <button type="button" onClick={() => void m.check()} disabled={m.checking.value} data-testid="wb-recheck">
          {ot(l, 'wbRecheck')}
        </button>
      </p>
      {r && (
        <p class={`notice ${r.ok ? 'notice-ok' : 'notice-error'}`} data-testid="wb-result">
          {p
            ? ot(l, 'wbOk', { name: localize(p.meta.name, l, p.meta.defaultLocale), version: p.meta.version, competitors: p.competitors.length, playbooks: p.playbooks.length, accounts: p.accounts.length })
            : ot(l, 'wbErrors', { count: r.ok ? 0 : r.errors.length })}
        </p>
      )}
      {r && !r.ok && <SourcedErrors errors={r.errors} lang={l} testid="wb-errors" />}
      {r && r.warnings.length > 0 && (
        <details>
          <summary>{ot(l, 'warnings')}</summary>
          <SourcedErrors errors={r.warnings} lang={l} testid="wb-warnings" />
        </details>
      )}
    </div>
  );
}
