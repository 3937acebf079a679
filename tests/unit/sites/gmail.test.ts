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

  it('a thread URL with the list still on screen (loading) gives null', () => {
    expect(extract(load(join(FIXTURES, 'gmail/inbox.html')), url)).toBeNull();
  });

  it('a thread URL with no main region gives null', () => {
    expect(extract(parse(html().replace('role="main"', 'role="region"')), url)).toBeNull();
  });
});

// Captured real Gmail pages kept in ../shared (not in this repository): they must yield no context.
const gmailShared = sharedAvailable('gmail');
describe.skipIf(!gmailShared)('captured real Gmail pages (../shared/fixtures/pages/gmail)', () => {
  const real = (f: string) => load(join(SHARED, 'gmail', f));

  it('the 2014 inbox list yields null, on the list URL and even on a thread URL', () => {
    const doc = real('inbox-list-2014-streak-test-account.html');
    expect(extract(doc, u(`${M}#inbox`))).toBeNull();
    expect(extract(doc, u(`${M}#inbox/14a5f1c6f7aeeebc`))).toBeNull();
  });

  it('the 2017 add-on side panel yields null: no competitor taken from add-on chrome', () => {
    const doc = real('addon-sidebar-2017-09-08-streak-tab.html');
    expect(extract(doc, u(`${M}#inbox`))).toBeNull();
    expect(extract(doc, u(`${M}#inbox/15e5f1c6f7aeeebc`))).toBeNull();
  });
});
