import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { ask } from '@/utils/ask';
import { pickLang, type Lang } from '@/utils/i18n';
import { browser } from 'wxt/browser';
import { langSetting, type LangSetting } from '@/utils/settings';
import type { PackInfo } from '@/utils/view/types';
import type { PackError } from '@/utils/pack/validate';
import { ot } from './strings';

type Notice = { kind: 'ok' | 'error' | 'busy'; text: string } | null;

export function App({ initialLang, initialPref }: { initialLang: Lang; initialPref: LangSetting }) {
  const lang = useSignal<Lang>(initialLang);
  const pref = useSignal<LangSetting>(initialPref);
  const info = useSignal<PackInfo | null>(null);
  const notice = useSignal<Notice>(null);
  const errors = useSignal<PackError[]>([]);
  const warnings = useSignal<PackError[]>([]);
  const l = lang.value;

  const refresh = async () => {
    info.value = await ask('pack:info', {});
  };
  useEffect(() => {
    void refresh();
  }, []);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    notice.value = { kind: 'busy', text: ot(l, 'importing') };
    errors.value = [];
    warnings.value = [];
    const result = await ask('pack:import', { text: await file.text(), source: `file:${file.name}` });
    if (result.ok) {
      info.value = result.info;
      warnings.value = result.warnings;
      notice.value = { kind: 'ok', text: ot(l, 'imported_ok', { name: result.info.name, version: result.info.version }) };
    } else {
      errors.value = result.errors;
      notice.value = { kind: 'error', text: ot(l, 'rejected', { count: result.errors.length }) };
      await refresh();
    }
  };

  const onRollback = async () => {
    const result = await ask('pack:rollback', {});
    if (result.ok) {
      info.value = result.info;
      errors.value = [];
      notice.value = { kind: 'ok', text: ot(l, 'rolledBack', { name: result.info.name, version: result.info.version }) };
    } else notice.value = { kind: 'error', text: result.error };
  };

  const onLang = async (value: LangSetting) => {
    pref.value = value;
    await langSetting.setValue(value);
    lang.value = pickLang(browser.i18n.getUILanguage?.() ?? navigator.language, value === 'auto' ? null : value);
    document.documentElement.lang = lang.value;
  };

  const i = info.value;
  return (
    <main>
      <h1>{ot(l, 'title')}</h1>

      <section aria-labelledby="active-h">
        <h2 id="active-h">{ot(l, 'active')}</h2>
        {i && (
          <dl class="facts" data-testid="pack-info">
            <dt>{ot(l, 'name')}</dt>
            <dd data-testid="pack-name">{i.name}</dd>
            <dt>{ot(l, 'version')}</dt>
            <dd data-testid="pack-version">{i.version}</dd>
            <dt>{ot(l, 'published')}</dt>
            <dd>{i.publishedAt}</dd>
            <dt>{ot(l, 'imported')}</dt>
            <dd>{i.source === 'embedded' ? '—' : new Date(i.importedAt).toLocaleString(l)}</dd>
            <dt>{ot(l, 'source')}</dt>
            <dd>{i.source === 'embedded' ? ot(l, 'embedded') : i.source}</dd>
            <dt>{ot(l, 'counts')}</dt>
            <dd>{ot(l, 'countsValue', i.counts)}</dd>
          </dl>
        )}
      </section>

      <section aria-labelledby="import-h">
        <h2 id="import-h">{ot(l, 'importTitle')}</h2>
        <p>{ot(l, 'importHelp')}</p>
        <label>
          {ot(l, 'chooseFile')}{' '}
          <input type="file" accept=".json,application/json" data-testid="pack-file" onChange={(e) => onFile((e.target as HTMLInputElement).files?.[0])} />
        </label>
        {notice.value && (
          <p class={`notice notice-${notice.value.kind}`} role={notice.value.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
            {notice.value.text}
          </p>
        )}
        {errors.value.length > 0 && (
          <ol class="errors" data-testid="pack-errors">
            {errors.value.map((e, k) => (
              <li key={k}>
                <code>{e.path}</code>: {e.message}
              </li>
            ))}
          </ol>
        )}
        {warnings.value.length > 0 && (
          <details>
            <summary>{ot(l, 'warnings')}</summary>
            <ul>
              {warnings.value.map((e, k) => (
                <li key={k}>
                  <code>{e.path}</code>: {e.message}
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>

      <section aria-labelledby="rollback-h">
        <h2 id="rollback-h">{ot(l, 'rollbackTitle')}</h2>
        {i?.previous ? (
          <>
            <p>{ot(l, 'rollbackHelp', { name: i.previous.name, version: i.previous.version })}</p>
            <button type="button" onClick={onRollback} data-testid="rollback">
              {ot(l, 'rollback')}
            </button>
          </>
        ) : (
          <p>{ot(l, 'rollbackNone')}</p>
        )}
      </section>

      <section aria-labelledby="settings-h">
        <h2 id="settings-h">{ot(l, 'settings')}</h2>
        <label>
          {ot(l, 'language')}{' '}
          <select value={pref.value} onChange={(e) => onLang((e.target as HTMLSelectElement).value as LangSetting)} data-testid="lang">
            <option value="auto">{ot(l, 'langAuto')}</option>
            <option value="en">English</option>
            <option value="zh-CN">简体中文</option>
          </select>
        </label>
      </section>
    </main>
  );
}
