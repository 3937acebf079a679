/**
 * The common edits as a form: a battlecard section, an objection and its response, a
 * checklist item, an account's competitors. Fields start from what the built pack says;
 * Save writes into the folder's own file (model.edit → utils/pack/authoring/edit) and the
 * folder is checked again.
 */
import { useSignal, type Signal } from '@preact/signals';
import type { Lang } from '@/utils/i18n';
import { BATTLECARD_SECTIONS } from '@/utils/pack/authoring/layout';
import type { Edit } from '@/utils/pack/authoring/edit/edits';
import type { KnowledgePack, Text } from '@/utils/pack/schema';
import { localize } from '@/utils/pack/text';
import { ot } from '../strings';
import type { WorkbenchModel } from './model';

type Kind = Edit['kind'];
const KINDS: [Kind, 'wbEditSection' | 'wbEditObjection' | 'wbEditChecklist' | 'wbEditCompetitors'][] = [
  ['section', 'wbEditSection'],
  ['objection', 'wbEditObjection'],
  ['checklist', 'wbEditChecklist'],
  ['competitors', 'wbEditCompetitors'],
];
const TEXT_SECTIONS = BATTLECARD_SECTIONS.filter((s) => s.kind !== 'objections');
const NEW = '+new';

/** The text as the file for `locale` holds it (a plain string is the default locale's). */
const inLocale = (t: Text | undefined, locale: string, def: string) => (t === undefined ? '' : typeof t === 'string' ? (locale === def ? t : '') : (t[locale] ?? ''));

const val = (e: Event) => (e.currentTarget as HTMLInputElement).value;

function Field({ label, value, rows, testid }: { label: string; value: Signal<string>; rows?: number; testid: string }) {
  return (
    <label class="wb-field">
      <span>{label}</span>
      {rows ? (
        <textarea rows={rows} value={value.value} onInput={(e) => (value.value = val(e))} data-testid={testid} />
      ) : (
        <input type="text" value={value.value} onInput={(e) => (value.value = val(e))} data-testid={testid} />
      )}
    </label>
  );
}

/** Longer than most: the form's fields, the refill from the pack and the edit they make read best side by side; the pickers and fields render in TargetPickers / EditFields. */
export function EditForm({ lang: l, m, pack }: { lang: Lang; m: WorkbenchModel; pack: KnowledgePack }) {
  const def = pack.meta.defaultLocale;
  const kind = useSignal<Kind>('section');
  const competitor = useSignal(pack.competitors[0]?.id ?? '');
  const locale = useSignal(l === 'zh-CN' && pack.meta.locales.includes('zh-CN') ? 'zh-CN' : def);
  const field = useSignal('summary');
  const objection = useSignal(pack.competitors[0]?.battlecard.objections[0]?.id ?? NEW);
  const item = useSignal('');
  const account = useSignal(pack.accounts[0]?.id ?? '');
  const [text, a, b, c, newId] = [useSignal(''), useSignal(''), useSignal(''), useSignal(''), useSignal('')];
  const picked = useSignal<string[]>([]);

  const card = () => pack.competitors.find((x) => x.id === competitor.value)?.battlecard;
  /** Refills the fields from the pack for what is selected now. */
  const refill = () => {
    const bc = card();
    const loc = locale.value;
    if (kind.value === 'section' && bc) {
      const v = bc[field.value as keyof typeof bc] as Text | Text[] | undefined;
      text.value = Array.isArray(v) ? v.map((t) => inLocale(t as Text, loc, def)).join('\n') : inLocale(v as Text | undefined, loc, def);
    } else if (kind.value === 'objection') {
      const o = bc?.objections.find((x) => x.id === objection.value);
      [a.value, b.value, c.value] = [inLocale(o?.objection, loc, def), inLocale(o?.response, loc, def), inLocale(o?.proof, loc, def)];
    } else if (kind.value === 'checklist') {
      const [pb, st, id] = item.value.split('/');
      text.value = inLocale(pack.playbooks.find((p) => p.id === pb)?.stages.find((s) => s.id === st)?.checklist.find((i) => i.id === id)?.text, loc, def);
    } else if (kind.value === 'competitors') picked.value = pack.accounts.find((x) => x.id === account.value)?.competitors ?? [];
  };
  const set = (s: Signal<string>) => (e: Event) => {
    s.value = val(e);
    refill();
  };
  if (!item.value) {
    const pb = pack.playbooks[0];
    item.value = pb ? `${pb.id}/${pb.stages[0].id}/${pb.stages[0].checklist[0]?.id ?? NEW}` : '';
  }
  if (text.peek() === '' && a.peek() === '' && picked.peek().length === 0) refill();

  const toEdit = (): Edit | null => {
    const isNew = (v: string) => v === NEW || v.endsWith(`/${NEW}`);
    switch (kind.value) {
      case 'section':
        return { kind: 'section', competitorId: competitor.value, locale: locale.value, field: field.value, value: TEXT_SECTIONS.find((s) => s.field === field.value)?.kind === 'list' ? text.value.split('\n') : text.value };
      case 'objection':
        return { kind: 'objection', competitorId: competitor.value, locale: locale.value, objectionId: isNew(objection.value) ? newId.value.trim() : objection.value, parts: { objection: a.value, response: b.value, proof: c.value } };
      case 'checklist': {
        const [playbookId, stageId, id] = item.value.split('/');
        return { kind: 'checklist', playbookId, stageId, itemId: isNew(id) ? newId.value.trim() : id, locale: locale.value, text: text.value };
      }
      case 'competitors':
        return { kind: 'competitors', accountId: account.value, competitors: picked.value };
    }
  };
  const onSubmit = (e: Event) => {
    e.preventDefault();
    const edit = toEdit();
    if (edit) void m.edit(edit);
  };

  return (
    <form class="wb-edit" onSubmit={onSubmit} data-testid="wb-edit">
      <h3>{ot(l, 'wbEditTitle')}</h3>
      <p class="muted">{ot(l, 'wbEditHelp')}</p>
      <p class="actions">
        <label>
          {ot(l, 'wbEditWhat')}{' '}
          <select value={kind.value} onChange={(e) => ((kind.value = val(e) as Kind), refill())} data-testid="wb-edit-kind">
            {KINDS.map(([k, key]) => (
              <option key={k} value={k}>
                {ot(l, key)}
              </option>
            ))}
          </select>
        </label>
        {kind.value !== 'competitors' && (
          <label>
            {ot(l, 'wbLocale')}{' '}
            <select value={locale.value} onChange={set(locale)} data-testid="wb-edit-locale">
              {pack.meta.locales.map((x) => (
                <option key={x} value={x}>
                  {x}
                </option>
              ))}
            </select>
          </label>
        )}
      </p>
      <TargetPickers lang={l} kind={kind.value} pack={pack} sig={{ competitor, field, objection, item }} objections={card()?.objections.map((o) => o.id) ?? []} set={set} />
      <EditFields lang={l} kind={kind.value} pack={pack} sig={{ text, a, b, c, newId, account, picked, objection, item }} isList={TEXT_SECTIONS.find((s) => s.field === field.value)?.kind === 'list'} onAccount={set(account)} />
      <p class="actions">
        <button type="submit" class="primary" data-testid="wb-save">
          {ot(l, 'wbSave')}
        </button>
        {m.lastEdit.value && (
          <span role="status" class="notice notice-ok" data-testid="wb-saved">
            {ot(l, 'wbSaved', { file: m.lastEdit.value })}
          </span>
        )}
      </p>
    </form>
  );
}

/** Which card, section, objection or checklist item the edit is about. */
function TargetPickers({ lang: l, kind, pack, sig, objections, set }: { lang: Lang; kind: Kind; pack: KnowledgePack; sig: Record<'competitor' | 'field' | 'objection' | 'item', Signal<string>>; objections: string[]; set: (s: Signal<string>) => (e: Event) => void }) {
  const def = pack.meta.defaultLocale;
  return (
    <>
      {(kind === 'section' || kind === 'objection') && (
        <p class="actions">
          <label>
            {ot(l, 'wbCompetitor')}{' '}
            <select value={sig.competitor.value} onChange={set(sig.competitor)} data-testid="wb-edit-competitor">
              {pack.competitors.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          </label>
          {kind === 'section' ? (
            <label>
              {ot(l, 'wbSection')}{' '}
              <select value={sig.field.value} onChange={set(sig.field)} data-testid="wb-edit-section">
                {TEXT_SECTIONS.map((s) => (
                  <option key={s.field} value={s.field}>
                    {s.title}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <label>
              {ot(l, 'wbObjectionId')}{' '}
              <select value={sig.objection.value} onChange={set(sig.objection)} data-testid="wb-edit-objection">
                {objections.map((id) => (
                  <option key={id} value={id}>
                    {id}
                  </option>
                ))}
                <option value={NEW}>{ot(l, 'wbObjectionNew')}</option>
              </select>
            </label>
          )}
        </p>
      )}
      {kind === 'checklist' && (
        <p class="actions">
          <label>
            {ot(l, 'wbItem')}{' '}
            <select value={sig.item.value} onChange={set(sig.item)} data-testid="wb-edit-item">
              {pack.playbooks.map((pb) =>
                pb.stages.map((s) => (
                  <optgroup key={`${pb.id}/${s.id}`} label={`${localize(pb.name, l, def)} · ${localize(s.name, l, def)}`}>
                    {s.checklist.map((i) => (
                      <option key={i.id} value={`${pb.id}/${s.id}/${i.id}`}>
                        {localize(i.text, l, def)}
                      </option>
                    ))}
                    <option value={`${pb.id}/${s.id}/${NEW}`}>{ot(l, 'wbItemNew')}</option>
                  </optgroup>
                )),
              )}
            </select>
          </label>
        </p>
      )}
    </>
  );
}

type Sigs = Record<'text' | 'a' | 'b' | 'c' | 'newId' | 'account' | 'objection' | 'item', Signal<string>> & { picked: Signal<string[]> };

function EditFields({ lang: l, kind, pack, sig, isList, onAccount }: { lang: Lang; kind: Kind; pack: KnowledgePack; sig: Sigs; isList: boolean; onAccount: (e: Event) => void }) {
  const isNew = kind === 'objection' ? sig.objection.value === NEW : kind === 'checklist' && sig.item.value.endsWith(`/${NEW}`);
  if (kind === 'competitors') {
    const toggle = (id: string, on: boolean) => (sig.picked.value = on ? [...sig.picked.value, id] : sig.picked.value.filter((x) => x !== id));
    return (
      <>
        <p>
          <label>
            {ot(l, 'wbAccount')}{' '}
            <select value={sig.account.value} onChange={onAccount} data-testid="wb-edit-account">
              {pack.accounts.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
        </p>
        <fieldset>
          <legend>{ot(l, 'wbCompetitorsList')}</legend>
          {pack.competitors.map((c) => (
            <label key={c.id} class="wb-check">
              <input type="checkbox" checked={sig.picked.value.includes(c.id)} onChange={(e) => toggle(c.id, (e.currentTarget as HTMLInputElement).checked)} data-testid={`wb-edit-competitor-${c.id}`} /> {c.name}
            </label>
          ))}
        </fieldset>
      </>
    );
  }
  return (
    <>
      {isNew && <Field label={ot(l, kind === 'objection' ? 'wbObjectionNewId' : 'wbItemNewId')} value={sig.newId} testid="wb-edit-new-id" />}
      {kind === 'objection' ? (
        <>
          <Field label={ot(l, 'wbObjectionText')} value={sig.a} rows={2} testid="wb-edit-objection-text" />
          <Field label={ot(l, 'wbResponse')} value={sig.b} rows={4} testid="wb-edit-response" />
          <Field label={ot(l, 'wbProof')} value={sig.c} rows={2} testid="wb-edit-proof" />
        </>
      ) : (
        <Field label={`${ot(l, 'wbText')}${isList ? ` — ${ot(l, 'wbListHelp')}` : ''}`} value={sig.text} rows={kind === 'section' ? 8 : 2} testid="wb-edit-text" />
      )}
    </>
  );
}
