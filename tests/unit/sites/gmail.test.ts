import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract, ownAddress } from '../../../utils/sites/gmail/extract';
import { matchesGmail, parseThreadId } from '../../../utils/sites/gmail/urls';
import { FIXTURES, SHARED, load, parse, sharedAvailable } from './helpers';

const u = (s: string) => new URL(s);
const M = 'https://mail.google.com/mail/u/0/';

describe('Gmail URLs', () => {
  it.each([
    ['https://mail.google.com/mail/u/0/#inbox', true],
    ['https://mail.google.com/mail/u/3/#inbox', true],
    ['https://mail.google.com/mail/#inbox', true],
    ['https://mail.google.com/mail/u/0/', true],
    ['https://mail.google.com/chat/u/0/', false],
    ['https://mail.google.com/mail/u/0/?ui=2&view=pt&th=18f0a1b2c3d4e5f6', true],
    ['http://mail.google.com/mail/u/0/#inbox', false],
    ['https://gmail.com/', false],
    ['https://mail.google.com.evil.example/mail/u/0/', false],
  ])('%s → %s', (url, ok) => expect(matchesGmail(u(url))).toBe(ok));

  it.each([
    ['#inbox/FMfcgzQbdXyzThreadAcme01', 'FMfcgzQbdXyzThreadAcme01'],
    ['#inbox/FMfcgzGxSRwNMpKjbvGZkgJWNJtlNzMc', 'FMfcgzGxSRwNMpKjbvGZkgJWNJtlNzMc'],
    ['#inbox/18f0a1b2c3d4e5f6', '18f0a1b2c3d4e5f6'],
    ['#sent/18f0a1b2c3d4e5f6', '18f0a1b2c3d4e5f6'],
    ['#all/18f0a1b2c3d4e5f6', '18f0a1b2c3d4e5f6'],
    ['#starred/18f0a1b2c3d4e5f6', '18f0a1b2c3d4e5f6'],
    ['#imp/18f0a1b2c3d4e5f6', '18f0a1b2c3d4e5f6'],
    ['#snoozed/18f0a1b2c3d4e5f6', '18f0a1b2c3d4e5f6'],
    ['#label/Customers/18f0a1b2c3d4e5f6', '18f0a1b2c3d4e5f6'],
    ['#label/Customers%2FEMEA/18f0a1b2c3d4e5f6', '18f0a1b2c3d4e5f6'],
    ['#category/updates/18f0a1b2c3d4e5f6', '18f0a1b2c3d4e5f6'],
    ['#search/globex/FMfcgzQbdXyzThreadAcme01', 'FMfcgzQbdXyzThreadAcme01'],
    ['#search/%E6%95%B0%E7%AD%96/FMfcgzQbdXyzThreadZh0001', 'FMfcgzQbdXyzThreadZh0001'],
    ['#advanced-search/from%3Dacme.com/18f0a1b2c3d4e5f6', '18f0a1b2c3d4e5f6'],
    ['#inbox/FMfcgzQbdXyzThreadAcme01?compose=new', 'FMfcgzQbdXyzThreadAcme01'],
    ['#inbox/FMfcgzQbdXyzThreadAcme01?projector=1&messagePartId=0.1', 'FMfcgzQbdXyzThreadAcme01'],
  ])('%s → %s', (hash, id) => expect(parseThreadId(u(M + hash))).toBe(id));

  it.each([
    '', '#inbox', '#inbox/p2', '#inbox?compose=new', '#sent', '#search/globex', '#search/acmecorporationquarterly',
    '#label/Customers', '#label/Customers/p3', '#settings/general', '#settings/accounts', '#contacts', '#drafts',
    '#inbox/not-an-id!', '#unknownview/18f0a1b2c3d4e5f6', '#inbox/18f0a1b2c3d4e5f6/extra',
  ])('%s → no thread', (hash) => expect(parseThreadId(u(M + hash))).toBeNull());
});

describe('Gmail: the signed-in address', () => {
  it.each([
    ['<a class="gb_A" role="button" aria-label="Google Account: Alex Morgan  &#10;(alex.morgan@lumora.io)">A</a>', 'alex.morgan@lumora.io'],
    ['<a class="gb_A" role="button" aria-label="Google Account: Alex Morgan (Alex.Morgan@Lumora.io)">A</a>', 'alex.morgan@lumora.io'],
    ['<a class="gb_A" title="Google Account: Alex Morgan&#10;(alex.morgan@lumora.io)" href="https://accounts.google.com/SignOutOptions">A</a>', 'alex.morgan@lumora.io'],
    ['<header id="gb" role="banner"><a aria-label="Google 帐号： 李娜  &#10;(li.na@lumora.io)">李</a></header>', 'li.na@lumora.io'],
  ])('%s', (markup, email) => expect(ownAddress(parse(`<html><head><title>Inbox</title></head><body>${markup}</body></html>`))).toBe(email));

  it('falls back to the window title', () => {
    expect(ownAddress(parse('<html><head><title>Re: pricing - alex.morgan@lumora.io - Lumora Mail</title></head><body></body></html>'))).toBe('alex.morgan@lumora.io');
    expect(ownAddress(parse('<html><head><title>Inbox (3) - alex.morgan@lumora.io - Gmail</title></head><body></body></html>'))).toBe('alex.morgan@lumora.io');
    expect(ownAddress(parse('<html><head><title>Gmail</title></head><body></body></html>'))).toBeNull();
  });
});

describe('Gmail: what is and is not the thread', () => {
  const url = u(`${M}#label/Customers/18f0a1b2c3d4e5f6`);
  const html = () => readFileSync(join(FIXTURES, 'gmail/thread.html'), 'utf8');

  it('a draft in the reply box adds neither text nor participants', () => {
    const ctx = extract(load(join(FIXTURES, 'gmail/thread.html')), url)!;
    expect(ctx.text).not.toContain('Draft');
    expect(ctx.participants!.filter((p) => p.email === 'j.smith@acme.com')).toEqual([]);
  });

  it('collapsed messages give their sender but no body; hidden ones give nothing', () => {
    const ctx = extract(load(join(FIXTURES, 'gmail/thread.html')), url)!;
    expect(ctx.participants![0]).toEqual({ name: 'Jordan Smith', email: 'jordan.smith@lumora.io', role: 'from' });
    expect(ctx.text).not.toContain('following up on the renewal quote');
  });

  it('the own address stays a participant but leaves the e-mails', () => {
    const ctx = extract(load(join(FIXTURES, 'gmail/thread.html')), url)!;
    expect(ctx.ownEmail).toBe('jordan.smith@lumora.io');
    expect(ctx.emails).not.toContain('jordan.smith@lumora.io');
    expect(ctx.participants!.some((p) => p.email === 'jordan.smith@lumora.io')).toBe(true);
  });

  it('the thread page reads on its URL, the inbox list on the same URL (still loading) gives null', () => {
    expect(extract(load(join(FIXTURES, 'gmail/thread.html')), url)).toMatchObject({ recordId: '18f0a1b2c3d4e5f6', subject: 'Renewal benchmark' });
    expect(extract(load(join(FIXTURES, 'gmail/inbox.html')), url)).toBeNull();
  });

  it('the thread page outside a main region gives null (nothing outside it is the thread)', () => {
    expect(extract(parse(html()), url)).not.toBeNull();
    expect(extract(parse(html().replace('role="main"', 'role="region"')), url)).toBeNull();
  });
});

// Captured real Gmail pages kept in ../shared (not in this repository; the block skips without it).
const gmailShared = sharedAvailable('gmail');
describe.skipIf(!gmailShared)('captured real Gmail pages (../shared/fixtures/pages/gmail)', () => {
  const real = (f: string) => load(join(SHARED, 'gmail', f));
  const threadUrl = u(`${M}#inbox/18f0a1b2c3d4e5f6`);
  const thread = () => load(join(FIXTURES, 'gmail/thread.html'));
  /** The committed thread's conversation, put into a real page's main region as Gmail renders it. */
  const withThread = (doc: Document) => {
    doc.querySelector('[role="main"]')!.insertAdjacentHTML('beforeend', thread().querySelector('[role="main"]')!.innerHTML);
    return doc;
  };
  const LIST_SENDERS = ['news@twilio.com', 'help@twilio.com', 'cowan@streak.com', 'no-reply@accounts.google.com'];

  it('the 2014 inbox list carries real senders yet yields null, on the list URL and on a thread URL', () => {
    const doc = real('inbox-list-2014-streak-test-account.html');
    const onPage = [...doc.querySelectorAll('[role="main"] [email]')].map((e) => e.getAttribute('email'));
    expect(onPage).toEqual(expect.arrayContaining(LIST_SENDERS));
    expect(extract(doc, u(`${M}#inbox`))).toBeNull();
    expect(extract(doc, u(`${M}#inbox/14a5f1c6f7aeeebc`))).toBeNull();
  });

  it('a thread open over the real inbox markup is read, and none of the list rows leak into it', () => {
    const alone = extract(thread(), threadUrl)!;
    const ctx = extract(withThread(real('inbox-list-2014-streak-test-account.html')), threadUrl)!;
    expect(ctx).toMatchObject({ recordType: 'thread', recordId: '18f0a1b2c3d4e5f6', subject: 'Renewal benchmark' });
    expect(ctx.participants).toEqual(alone.participants);
    expect(ctx.text).toBe(alone.text);
    for (const e of LIST_SENDERS) {
      expect(ctx.emails).not.toContain(e);
      expect(ctx.text).not.toContain(e);
    }
  });

  it('the 2017 add-on side panel yields null alone, and beside a thread adds nothing to it', () => {
    const panel = readFileSync(join(SHARED, 'gmail/addon-sidebar-2017-09-08-streak-tab.html'), 'utf8');
    expect(extract(parse(panel), u(`${M}#inbox`))).toBeNull();
    expect(extract(parse(panel), u(`${M}#inbox/15e5f1c6f7aeeebc`))).toBeNull();
    const doc = thread();
    doc.body.insertAdjacentHTML('beforeend', panel);
    const ctx = extract(doc, threadUrl)!;
    expect(ctx).toEqual(extract(thread(), threadUrl));
    for (const chrome of ['Streak', 'Error with the add-on', 'Run time error']) expect(ctx.text).not.toContain(chrome);
  });
});
