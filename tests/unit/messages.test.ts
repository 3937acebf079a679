import { describe, expect, it } from 'vitest';
import { admit, classifySender } from '../../utils/messages';
import { envelope } from '../../utils/envelope';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const ctx = { site: 'gmail', recordType: 'thread', recordId: 't1', accountName: null, domains: [], emails: ['a@acme.com'], stage: null, competitorsField: [], text: 'hi' };

describe('message admission', () => {
  it('tells extension pages from content scripts and refuses strangers', () => {
    expect(classifySender({ id: ID, url: `${ORIGIN}options.html`, tab: {} }, ID, ORIGIN)).toBe('extension-page');
    expect(classifySender({ id: ID, url: 'https://mail.google.com/mail/u/0/', tab: {} }, ID, ORIGIN)).toBe('content-script');
    expect(classifySender({ id: 'other-extension', url: `${ORIGIN}x`, tab: {} }, ID, ORIGIN)).toBeNull();
    expect(classifySender({ id: ID }, ID, ORIGIN)).toBeNull();
  });

  it('gives the sidebar frame (our page inside a CRM tab) no more than a content script gets', () => {
    const frame = classifySender({ id: ID, url: `${ORIGIN}sidebar.html?site=salesforce`, tab: {} }, ID, ORIGIN);
    expect(frame).toBe('content-script');
    expect(admit(envelope('pack:import', { text: '{}', source: 'x' }), frame).ok).toBe(false);
  });

  it('lets a content script ask for a view but not import or roll back a pack', () => {
    expect(admit(envelope('view:get', { ctx: ctx as any, lang: 'en' }), 'content-script').ok).toBe(true);
    expect(admit(envelope('pack:import', { text: '{}', source: 'x' }), 'content-script')).toEqual({ ok: false, error: 'refused: "pack:import" is only for extension pages' });
    expect(admit(envelope('pack:rollback', {}), 'content-script').ok).toBe(false);
    expect(admit(envelope('pack:rollback', {}), 'extension-page').ok).toBe(true);
    expect(admit(envelope('pack:info', {}), null).ok).toBe(false);
  });

  it('refuses unknown types, prototype keys and malformed payloads', () => {
    expect(admit({ frontline: 1, type: '__proto__', payload: {} }, 'extension-page').ok).toBe(false);
    expect(admit({ frontline: 1, type: 'toString', payload: {} }, 'extension-page').ok).toBe(false);
    expect(admit({ type: 'pack:info', payload: {} }, 'extension-page').ok).toBe(false);
    const bad = admit(envelope('checklist:set', { accountId: 'a', playbookId: 'p', stageId: 's', itemId: 'i', done: 'yes' as any }), 'content-script');
    expect(bad).toEqual({ ok: false, error: 'refused: bad payload for "checklist:set" at done' });
  });
});

describe('page input is cut to size, never refused', () => {
  const view = (over: Record<string, unknown>) => admit(envelope('view:get', { ctx: { ...ctx, ...over } as any, lang: 'en' }), 'content-script');
  const out = (over: Record<string, unknown>) => {
    const r = view(over);
    if (!r.ok) throw new Error(r.error);
    return (r.payload as { ctx: Record<string, any> }).ctx;
  };

  it('truncates a long sender name, subject, account name and stage', () => {
    const name = 'N'.repeat(537);
    const got = out({ subject: 's'.repeat(2_500), accountName: 'a'.repeat(900), stage: 'x'.repeat(300), participants: [{ name, email: 'a@acme.com', role: 'from' }] });
    expect(got.subject).toHaveLength(2_000);
    expect(got.accountName).toHaveLength(500);
    expect(got.stage).toHaveLength(200);
    expect(got.participants).toEqual([{ name: name.slice(0, 500), email: 'a@acme.com', role: 'from' }]);
  });

  it('keeps the first 500 of 900 recipients and the first 500 addresses', () => {
    const people = Array.from({ length: 900 }, (_, i) => ({ name: null, email: `p${i}@acme.com`, role: 'to' }));
    const got = out({ participants: people, emails: people.map((p) => p.email), domains: Array.from({ length: 300 }, (_, i) => `d${i}.com`), competitorsField: Array.from({ length: 80 }, (_, i) => `c${i}`) });
    expect(got.participants).toHaveLength(500);
    expect(got.participants[499].email).toBe('p499@acme.com');
    expect(got.emails).toHaveLength(500);
    expect(got.domains).toHaveLength(200);
    expect(got.competitorsField).toHaveLength(50);
  });

  it('drops an address or id too long to be real instead of cutting it into another one', () => {
    const long = `${'x'.repeat(400)}@acme.com`;
    const got = out({ emails: [long, 'b@acme.com'], participants: [{ name: 'X', email: long, role: 'to' }], ownEmail: long, recordId: 'r'.repeat(300), domains: [`${'d'.repeat(300)}.com`, 'acme.com'] });
    expect(got.emails).toEqual(['b@acme.com']);
    expect(got.participants).toEqual([]);
    expect(got.ownEmail).toBeNull();
    expect(got.recordId).toBeNull();
    expect(got.domains).toEqual(['acme.com']);
  });

  it('still refuses what is not page input at all', () => {
    expect(view({ site: 'evil' }).ok).toBe(false);
    expect(view({ emails: 'a@acme.com' }).ok).toBe(false);
    expect(view({ participants: [{ name: null, email: 'a@acme.com', role: 'owner' }] }).ok).toBe(false);
  });
});
