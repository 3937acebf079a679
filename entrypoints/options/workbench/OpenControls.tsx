/**
 * Where the workbench's folder comes from: a folder picked with the File System Access
 * API (Chromium: read and written in place), a folder read through `<input
 * webkitdirectory>` (Firefox), a zip, or the sample folder the extension ships.
 */
import { browser } from 'wxt/browser';
import type { Lang } from '@/utils/i18n';
import { writeZip } from '@/utils/pack/zip';
import { ot } from '../strings';
import { diskFolder, pickedFilesFolder, saveInto, zipFolder } from './folder';
import { download } from './download';
import type { WorkbenchModel } from './model';

import { SAMPLE_ZIP } from './sample';

const canPickFolder = () => typeof window.showDirectoryPicker === 'function';

/** The picker's own "Cancel" is not an error. */
const picked = <T,>(p: Promise<T>) => p.catch((e: Error) => (e.name === 'AbortError' ? null : Promise.reject(e)));

export function OpenControls({ lang: l, m }: { lang: Lang; m: WorkbenchModel }) {
  const run = (fn: () => Promise<void>) => () => void fn().catch((e: Error) => (m.error.value = e.message));
  const openDisk = run(async () => {
    const h = await picked(window.showDirectoryPicker!({ id: 'frontline-pack', mode: 'readwrite' }));
    if (h) await m.open(diskFolder(h));
  });
  const onFolder = (input: HTMLInputElement) => {
    const files = input.files;
    if (files?.length) void run(async () => m.open(await pickedFilesFolder([...files])))();
  };
  const onZip = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (file) void run(async () => m.open(await zipFolder(file.name, new Uint8Array(await file.arrayBuffer()))))();
  };
  const openSample = run(async () => {
    const res = await fetch(browser.runtime.getURL(SAMPLE_ZIP as '/options.html'));
    await m.open(await zipFolder('frontline-sample-pack', new Uint8Array(await res.arrayBuffer())));
  });
  const dirProps = { webkitdirectory: true } as Record<string, unknown>;
  return (
    <div class="import-sources">
      {canPickFolder() ? (
        <p>
          <button type="button" class="primary" onClick={openDisk} data-testid="wb-open-folder">
            {ot(l, 'wbOpenFolder')}
          </button>{' '}
          <small class="muted">{ot(l, 'wbOpenFolderHelp')}</small>
        </p>
      ) : (
        <label>
          {ot(l, 'wbPickFolder')} <input type="file" multiple {...dirProps} data-testid="wb-folder-input" onChange={(e) => onFolder(e.currentTarget as HTMLInputElement)} />{' '}
          <small class="muted">{ot(l, 'wbPickFolderHelp')}</small>
        </label>
      )}
      <label>
        {ot(l, 'wbOpenZip')} <input type="file" accept=".zip,application/zip" data-testid="wb-zip-input" onChange={(e) => onZip(e.currentTarget as HTMLInputElement)} />
      </label>
      <p>
        <button type="button" onClick={openSample} data-testid="wb-open-sample">
          {ot(l, 'wbOpenSample')}
        </button>
      </p>
    </div>
  );
}

/** For a copy held in the page: unzip it into a real folder (Chromium), or download it as a zip. */
export function CopyActions({ lang: l, m }: { lang: Lang; m: WorkbenchModel }) {
  const f = m.folder.value;
  if (!f || f.kind !== 'copy') return null;
  const saveToDisk = () =>
    void picked(window.showDirectoryPicker!({ id: 'frontline-pack', mode: 'readwrite' }))
      .then(async (h) => h && m.open(await saveInto(h, f)))
      .catch((e: Error) => (m.error.value = e.message));
  const zip = async () => {
    const files = Object.fromEntries(Object.entries(await f.snapshot()).map(([p, t]) => [`${f.name}/${p}`, t]));
    download(`${f.name}.zip`, writeZip(files), 'application/zip');
  };
  return (
    <p class="actions">
      {canPickFolder() && (
        <>
          <button type="button" onClick={saveToDisk} data-testid="wb-save-into">
            {ot(l, 'wbSaveInto')}
          </button>
          <small class="muted">{ot(l, 'wbSaveIntoHelp')}</small>
        </>
      )}
      <button type="button" onClick={() => void zip()} data-testid="wb-download-folder">
        {ot(l, 'wbDownloadFolder')}
      </button>
    </p>
  );
}

