/**
 * The ops console: the active pack, where it came from and the last sync; import
 * (file or URL) with a preview before activation; roll back; sync settings (locked
 * when set by policy); stale cards; site rules and their permissions; local analytics.
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { ask } from '@/utils/ask';
import { pickLang, type Lang } from '@/utils/i18n';
import { browser } from 'wxt/browser';
import { langSetting, type LangSetting } from '@/utils/settings';
import type { PackInfo } from '@/utils/view/types';
import type { OpsReport, SyncStatus } from '@/utils/sync/handlers';
import { syncStateItem } from '@/utils/sync/browser';
import { ImportSection } from './ImportSection';
import { SyncSection } from './SyncSection';
import { SyncResultText } from './SyncResultText';
import { SitesSection, StaleSection } from './ReportSections';
import { AnalyticsSection } from './AnalyticsSection';
import { FeedbackSection } from './FeedbackSection';
import { TeamAnalyticsSection } from './TeamAnalyticsSection';
import { lo } from './loopStrings';
import { OutcomesSection } from './OutcomesSection';
import { ot } from './strings';
import { RoleSetting } from './RoleSetting';
import { LazyWorkbench as Workbench } from './workbench/LazyWorkbench';
import { Guide } from './workbench/Guide';

type Notice = { kind: 'ok' | 'error'; text: string } | null;

export function App({ initialLang, initialPref }: { initialLang: Lang; initialPref: LangSetting }) {
  const lang = useSignal<Lang>(initialLang);
  const pref = useSignal<LangSetting>(initialPref);
  const info = useSignal<PackInfo | null>(null);
  const sync = useSignal<SyncStatus | null>(null);
  const report = useSignal<OpsReport | null>(null);
  const rollbackNotice = useSignal<Notice>(null);
  /** Bumped whenever the active pack may have changed: reports reload. */
  const epoch = useSignal(0);
  const l = lang.value;

  const refresh = async () => {
    const [i, s, r] = await Promise.all([ask('pack:info', {}), ask('sync:status', {}), ask('ops:report', {})]);
    info.value = i;
    sync.value = s;
    report.value = r;
    epoch.value++;
  };
  useEffect(() => {
    void refresh();
    // A scheduled sync (or one started by a policy change) may finish while the page is open.
    return syncStateItem.watch(() => void refresh());
  }, []);

  const onRollback = async () => {
    const result = await ask('pack:rollback', {});
    if (result.ok) {
      rollbackNotice.value = { kind: 'ok', text: ot(l, 'rolledBack', { name: result.info.name, version: result.info.version }) };
      await refresh();
    } else rollbackNotice.value = { kind: 'error', text: result.error };
  };

  const onLang = async (value: LangSetting) => {
    pref.value = value;
    await langSetting.setValue(value);
    lang.value = pickLang(browser.i18n.getUILanguage?.() ?? navigator.language, value === 'auto' ? null : value);
    document.documentElement.lang = lang.value;
  };

  return (
    <main>
      <h1>{ot(l, 'title')}</h1>
      <Toc lang={l} />
      <ActiveSection lang={l} info={info.value} sync={sync.value} notice={rollbackNotice.value} onRollback={onRollback} />
      {info.value?.source === 'embedded' && <Guide lang={l} />}

      <ImportSection
        lang={l}
        onActivated={(next) => {
          info.value = next;
          rollbackNotice.value = null;
          void refresh();
        }}
      />

      <Workbench
        lang={l}
        onActivated={(next) => {
          info.value = next;
          void refresh();
        }}
      />

      <SyncSection
        lang={l}
        status={sync.value}
        onSynced={(next) => {
          sync.value = next;
          void refresh();
        }}
      />

      <StaleSection lang={l} report={report.value} />
      <SitesSection lang={l} report={report.value} />
      <AnalyticsSection lang={l} epoch={epoch.value} />
      <FeedbackSection lang={l} epoch={epoch.value} />
      <TeamAnalyticsSection lang={l} />
      <OutcomesSection lang={l} epoch={epoch.value} />
      <LanguageSection lang={l} pref={pref.value} onLang={onLang} />
    </main>
  );
}

const TOC = [
  ['active', 'active'],
  ['import', 'importTitle'],
  ['workbench', 'wbTitle'],
  ['sync', 'syncTitle'],
  ['stale', 'staleTitle'],
  ['sites', 'sitesTitle'],
  ['usage', 'usageTitle'],
] as const;

function Toc({ lang: l }: { lang: Lang }) {
  return (
    <nav aria-label={ot(l, 'sections')} class="toc">
      {TOC.map(([id, key]) => (
        <a key={id} href={`#${id}`}>
          {ot(l, key)}
        </a>
      ))}
      <a href="#feedback">{lo(l, 'feedbackTitle')}</a>
      <a href="#team">{lo(l, 'teamTitle')}</a>
    </nav>
  );
}

/** The active pack, where it came from and its last sync, and the rollback to the one before. */
function ActiveSection({ lang: l, info: i, sync: s, notice, onRollback }: { lang: Lang; info: PackInfo | null; sync: SyncStatus | null; notice: Notice; onRollback: () => void }) {
  return (
    <section aria-labelledby="active-h" id="active">
      <h2 id="active-h">{ot(l, 'active')}</h2>
      {i && <PackFacts lang={l} info={i} sync={s} />}
      <h3>{ot(l, 'rollbackTitle')}</h3>
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
      {notice && (
        <p class={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="rollback-notice">
          {notice.text}
        </p>
      )}
    </section>
  );
}

function PackFacts({ lang: l, info: i, sync: s }: { lang: Lang; info: PackInfo; sync: SyncStatus | null }) {
  const fromSync = s?.settings.packUrl && i.source === s.settings.packUrl;
  return (
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
      <dd data-testid="pack-source">
        {i.source === 'embedded' ? ot(l, 'embedded') : i.source.startsWith('file:') ? ot(l, 'sourceFile', { name: i.source.slice(5) }) : i.source}
        {fromSync ? ` (${ot(l, 'sourceSync')})` : ''}
      </dd>
      <dt>{ot(l, 'counts')}</dt>
      <dd>{ot(l, 'countsValue', i.counts)}</dd>
      {s?.settings.packUrl && (
        <>
          <dt>{ot(l, 'lastSync')}</dt>
          <dd data-testid="pack-last-sync">{s.lastResult ? <SyncResultText result={s.lastResult} lang={l} /> : ot(l, 'neverSynced')}</dd>
        </>
      )}
    </dl>
  );
}

function LanguageSection({ lang: l, pref, onLang }: { lang: Lang; pref: LangSetting; onLang: (value: LangSetting) => void }) {
  return (
    <section aria-labelledby="settings-h">
      <h2 id="settings-h">{ot(l, 'settings')}</h2>
      <label>
        {ot(l, 'language')}{' '}
        <select value={pref} onChange={(e) => onLang((e.target as HTMLSelectElement).value as LangSetting)} data-testid="lang">
          <option value="auto">{ot(l, 'langAuto')}</option>
          <option value="en">English</option>
          <option value="zh-CN">简体中文</option>
        </select>
      </label>{' '}
      <RoleSetting lang={l} />
    </section>
  );
}
