import { describe, expect, it } from 'vitest';
import { admit, classifySender, envelope } from '../../utils/messages';

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
