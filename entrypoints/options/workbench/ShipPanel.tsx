/**
 * What the workbench's build is for: pack.json to download, the same signed with the
 * key file the pack tool's keygen wrote (WebCrypto, utils/pack/sign.ts), and — to try it
 * in this browser — the import path itself: the background checks it (pack:preview), the
 * diff against the active pack is shown, and Activate goes through pack:activate, so
 * the intake's checks apply exactly as for an imported file.
 */
import type { Lang } from '@/utils/i18n';
import type { PackInfo } from '@/utils/view/types';
import { ErrorList } from '../ErrorList';
import { PreviewPanel, useImportModel } from '../ImportSection';
import { ot } from '../strings';
import { download } from './download';
import type { WorkbenchModel } from './model';

export function ShipPanel({ lang: l, m, onActivated }: { lang: Lang; m: WorkbenchModel; onActivated: (info: PackInfo) => void }) {
  const im = useImportModel(l, onActivated);
  const text = m.packText.value;
  const signed = m.signed.value;
  const name = m.folder.value?.name ?? 'pack';
  const onKey = async (input: HTMLInputElement) => {
    const f = input.files?.[0];
    input.value = '';
    if (f) await m.sign(await f.text());
  };
  const notice = im.notice.value;
  const pending = im.pending.value;
  return (
    <div class="wb-ship">
      <h3>{ot(l, 'wbShipTitle')}</h3>
      {!text ? (
        <p>{ot(l, 'wbNeedsOk')}</p>
      ) : (
        <>
          <p class="actions">
            <button type="button" onClick={() => download('pack.json', text, 'application/json')} data-testid="wb-download-pack">
              {ot(l, 'wbDownloadPack')}
            </button>
            <label>
              {ot(l, 'wbKeyFile')} <input type="file" accept=".key,.pem,text/plain" onChange={(e) => void onKey(e.currentTarget as HTMLInputElement)} data-testid="wb-key-file" />
            </label>
          </p>
          {signed && (
            <p class="actions">
              <span role="status" class="notice notice-ok" data-testid="wb-signed">
                {ot(l, 'wbSigned', { key: signed.keyId })}
              </span>
              <button type="button" onClick={() => download('pack.json', signed.text, 'application/json')} data-testid="wb-download-signed">
                {ot(l, 'wbDownloadSigned')}
              </button>
            </p>
          )}
          <p>
            <button type="button" onClick={() => void im.checkText(signed?.text ?? text, `file:${name} (workbench)`)} disabled={im.busy.value} data-testid="wb-try">
              {ot(l, 'wbTryHere')}
            </button>{' '}
            <small class="muted">{ot(l, 'wbTryHelp')}</small>
          </p>
          {notice && (
            <p class={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="wb-try-notice">
              {notice.text}
            </p>
          )}
          <ErrorList errors={im.errors.value} />
          {pending && <PreviewPanel lang={l} m={im} pending={pending} />}
        </>
      )}
    </div>
  );
}
