import { describe, expect, it } from 'vitest';
import { ownAddress, parsePeople } from '../../../utils/sites/outlook/extract';
import { isOutlookHost, matchesOutlook, parseItemId } from '../../../utils/sites/outlook/urls';
import { parse } from './helpers';

const ID = 'AAQkADAwATM0MDAAMS1hYjY3LTk3ZTQtMDACLTAwCgAQAGzKf3xqfEl+mRvL3Qt9mE=';
const ENC = encodeURIComponent(ID);

describe('Outlook hosts', () => {
  it.each([
    ['outlook.office.com', true], ['outlook.office365.com', true], ['outlook.live.com', true],
    ['outlook.com', false], ['login.microsoftonline.com', false], ['outlook.office.com.evil.example', false],
  ])('%s → %s', (host, ok) => expect(isOutlookHost(host)).toBe(ok));
  it('only the mail app', () => {
    expect(matchesOutlook(new URL('https://outlook.office.com/mail/'))).toBe(true);
    expect(matchesOutlook(new URL('https://outlook.office.com/calendar/view/week'))).toBe(false);
  });
});

describe('Outlook item URLs', () => {
  it.each([
    `https://outlook.office.com/mail/inbox/id/${ENC}`,
    `https://outlook.office.com/mail/id/${ENC}`,
    `https://outlook.office.com/mail/sentitems/id/${ENC}`,
    `https://outlook.office365.com/mail/archive/id/${ENC}/`,
    `https://outlook.office.com/mail/AAMkADk1ZTU2OGFiLTk4/id/${ENC}`,
    `https://outlook.live.com/mail/0/inbox/id/${ENC}`,
    `https://outlook.office.com/mail/deeplink/read/${ENC}?ItemID=${ENC}&exvsurl=1`,
  ])('%s → the item', (url) => expect(parseItemId(new URL(url))).toBe(ID));

  it.each([
    'https://outlook.office.com/mail/',
    'https://outlook.office.com/mail/inbox',
    'https://outlook.live.com/mail/0/',
    'https://outlook.office.com/mail/deeplink/compose',
    'https://outlook.office.com/mail/options/general',
    'https://outlook.office.com/mail/inbox/id/short',
  ])('%s → no item', (url) => expect(parseItemId(new URL(url))).toBeNull());
});

describe('Outlook header parsing', () => {
  it('reads names and addresses from a header label', () => {
    expect(parsePeople('Alex Morgan <alex.morgan@lumora.io>; "Smith, John" <J.Smith@Acme.com>, bare@x.io', 'to')).toEqual([
      { name: 'Alex Morgan', email: 'alex.morgan@lumora.io', role: 'to' },
      { name: 'Smith, John', email: 'j.smith@acme.com', role: 'to' },
      { name: null, email: 'bare@x.io', role: 'to' },
    ]);
  });
  it('reads the signed-in address from the account manager, else the title', () => {
    expect(ownAddress(parse('<html><body><div id="mectrl_currentAccount_secondary">Alex.Morgan@lumora.io</div></body></html>'))).toBe('alex.morgan@lumora.io');
    expect(ownAddress(parse('<html><head><title>Mail - alex.morgan@lumora.io - Outlook</title></head><body></body></html>'))).toBe('alex.morgan@lumora.io');
    expect(ownAddress(parse('<html><head><title>Mail - Alex Morgan - Outlook</title></head><body></body></html>'))).toBeNull();
  });
});
