import { useSignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import { newestOnly, superseded } from '@/utils/ui/newestOnly';
import { reasonTexts, tr, type Lang } from '@/utils/i18n';
import type { SidebarView, AccountHit } from '@/utils/view/types';

export interface AccountActions {
  pick(accountId: string | null): void;
  search(query: string): Promise<AccountHit[]>;
}

function AccountSearch({ lang, actions, onDone }: { lang: Lang; actions: AccountActions; onDone(): void }) {
  const query = useSignal('');
  const hits = useSignal<AccountHit[] | null>(null);
  // Only the newest query's hits are shown (answers can come back out of order).
  const newest = useMemo(() => newestOnly((q: string) => (q.trim() ? actions.search(q) : Promise.resolve(null))), [actions]);
  const run = async (q: string) => {
    query.value = q;
    const found = await newest(q);
    if (found !== superseded) hits.value = found;
  };
  return (
    <div class="fl-search" role="search">
      <label class="fl-visually-hidden" for="fl-account-search">
        {tr(lang, 'searchAccounts')}
      </label>
      <input
        id="fl-account-search"
        type="search"
        placeholder={tr(lang, 'searchPlaceholder')}
        value={query.value}
        onInput={(e) => run((e.target as HTMLInputElement).value)}
        onKeyDown={(e) => e.key === 'Escape' && onDone()}
        autoFocus
      />
      {hits.value && (
        <ul class="fl-hits" aria-label={tr(lang, 'searchAccounts')}>
          {hits.value.length === 0 && <li class="fl-muted">{tr(lang, 'noHits')}</li>}
          {hits.value.map((h) => (
            <li key={h.id}>
              <button
                type="button"
                class="fl-link"
                onClick={() => {
                  actions.pick(h.id);
                  onDone();
                }}
              >
                {h.name}
                <span class="fl-muted"> {[h.segment, h.region, h.domains[0]].filter(Boolean).join(' · ')}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function AccountHeader({ view, lang, actions }: { view: SidebarView; lang: Lang; actions: AccountActions }) {
  const searching = useSignal(false);
  const { account, candidates, lookedFor } = view;
  const manual = view.accountReasons.some((r) => r.code === 'manual');

  return (
    <header class="fl-account" aria-label={tr(lang, 'whyMatched')}>
      {account ? (
        <>
          <h2 class="fl-account-name">{account.name}</h2>
          <p class="fl-account-meta">
            {[account.segment, account.region, account.owner && tr(lang, 'cardOwner', { owner: account.owner })].filter(Boolean).join(' · ')}
          </p>
          <ul class="fl-chips" aria-label={tr(lang, 'whyMatched')}>
            {reasonTexts(view.accountReasons, lang).map((text) => (
              <li key={text} class="fl-chip">
                {text}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <div class="fl-empty" role="status">
          <h2 class="fl-account-name">{candidates.length ? tr(lang, 'candidatesTitle') : tr(lang, 'noAccountTitle')}</h2>
          {!candidates.length && <LookedFor lang={lang} lookedFor={lookedFor} />}
          {!candidates.length && (
            <ul class="fl-chips" aria-label={tr(lang, 'whyMatched')}>
              {reasonTexts(
                view.accountReasons.filter((r) => r.code === 'own_domain_skipped' || r.code === 'free_mail_skipped'),
                lang,
              ).map((text) => (
                <li key={text} class="fl-chip">
                  {text}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      {candidates.length > 0 && (
        <div class="fl-candidates">
          <p class="fl-label">{account ? tr(lang, 'didYouMean') : ''}</p>
          <ul>
            {candidates.map((c) => (
              <li key={c.accountId} class="fl-candidate">
                <button type="button" class="fl-btn" onClick={() => actions.pick(c.accountId)}>
                  {c.name}
                </button>
                <span class="fl-muted"> {reasonTexts(c.reasons, lang).join('; ')}</span>
              </li>
            ))}
          </ul>
        </div>
      )}

      {view.reading && (
        <p class="fl-muted fl-reading" data-testid="reading-note">
          {tr(lang, view.reading.layer === 'page-text' ? 'readPageText' : 'readSemantic')}
          {view.reading.missing ? ` ${tr(lang, 'readMissing', { what: view.reading.missing })}` : ''}
        </p>
      )}

      <div class="fl-account-actions">
        <button type="button" class="fl-link" aria-expanded={searching.value} onClick={() => (searching.value = !searching.value)}>
          {tr(lang, account ? 'notThisAccount' : 'searchAccounts')}
        </button>
        {manual && (
          <button type="button" class="fl-link" onClick={() => actions.pick(null)}>
            {tr(lang, 'clearPick')}
          </button>
        )}
      </div>
      {searching.value && <AccountSearch lang={lang} actions={actions} onDone={() => (searching.value = false)} />}
    </header>
  );
}

function LookedFor({ lang, lookedFor }: { lang: Lang; lookedFor: SidebarView['lookedFor'] }) {
  const rows: [string, string[]][] = [
    [tr(lang, 'lookedIds'), lookedFor.ids],
    [tr(lang, 'lookedDomains'), lookedFor.domains],
    [tr(lang, 'lookedNames'), lookedFor.names],
    [tr(lang, 'lookedEmails'), lookedFor.emails],
  ];
  const present = rows.filter(([, v]) => v.length);
  if (!present.length) return <p class="fl-muted">{tr(lang, 'lookedNothing')}</p>;
  return (
    <>
      <p class="fl-muted">{tr(lang, 'noAccountBody')}</p>
      <dl class="fl-looked">
        {present.map(([label, values]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{values.join(', ')}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
