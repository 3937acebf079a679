/** Issue 19: which contact links a pack may give, the prefilled message in them, and the record link that goes into it. */
import { describe, expect, it } from 'vitest';
import { contactKind, withMessage } from '../../../utils/pack/contactHref';
import { recordLink } from '../../../utils/sites/recordLink';
import { checkedRecordUrl, hostMatches } from '../../../utils/view/recordUrl';
import { salesforce } from '../../../utils/sites/salesforce/site';
import { gmail } from '../../../utils/sites/gmail/site';
import type { PageContext } from '../../../utils/sites/types';

describe('contact links', () => {
  it.each([
    ['mailto:priya.raman@lumora.io', 'email'],
    ['https://teams.microsoft.com/l/chat/0/0?users=a@lumora.io', 'teams'],
    ['slack://user?team=T0&id=U1', 'slack'],
    ['https://lumora.slack.com/team/U0APAC001', 'slack'],
    ['dingtalk://dingtalkclient/action/sendmsg?dingtalk_id=x', 'dingtalk'],
    ['wxwork://message?username=wanglei', 'wecom'],
  ])('%s is a %s link', (href, kind) => expect(contactKind(href)).toBe(kind));

  it.each([
    'javascript:alert(1)',
    'https://evil.example.com/l/chat/0/0',
    'https://teams.microsoft.com.evil.io/l/chat/0/0',
    'https://teams.microsoft.com/l/meetup-join/x',
    'http://lumora.slack.com/team/U1',
    'https://user:pw@lumora.slack.com/x',
    'mailto:a@lumora.io?body=preset',
    'mailto:not-an-address',
    'data:text/html,hi',
    ' mailto:a@lumora.io',
  ])('%s is refused', (href) => expect(contactKind(href)).toBeNull());

  it('puts the message in mailto and Teams links, encoded, and leaves the others as they are', () => {
    const msg = 'Hi & hello? #1 / 100% — 你好';
    const mail = withMessage('mailto:a@lumora.io', 'email', 'Help on Acme', msg);
    const u = new URL(mail);
    expect(u.searchParams.get('body')).toBe(msg);
    expect(u.searchParams.get('subject')).toBe('Help on Acme');
    const teams = new URL(withMessage('https://teams.microsoft.com/l/chat/0/0?users=a@lumora.io&message=old', 'teams', 's', msg));
    expect(teams.searchParams.get('message')).toBe(msg);
    expect(teams.searchParams.get('users')).toBe('a@lumora.io');
    expect(withMessage('wxwork://message?username=x', 'wecom', 's', msg)).toBe('wxwork://message?username=x');
  });
});

describe('the record link in the message', () => {
  const sf = 'https://lumora-demo.lightning.force.com/lightning/r/Opportunity/0065g00000NwOpp1AAB/view';

  it('drops the query and fragment when the record id is in the path', () => {
    expect(recordLink(salesforce, new URL(`${sf}?c__email=john@acme.com&q=pricing#top`), '0065g00000NwOpp1AAB')).toBe(sf);
  });

  it('refuses a link to another record than the one read', () => {
    expect(recordLink(salesforce, new URL(sf), '0065g00000AcmOpAAB')).toBeNull();
  });

  it('keeps a mail thread fragment only as #<label>/<id>, never a search', () => {
    const base = 'https://mail.google.com/mail/u/0/';
    expect(recordLink(gmail, new URL(`${base}?ui=2#inbox/FMfcgzQbdXyzThreadAcme01`), 'FMfcgzQbdXyzThreadAcme01')).toBe(`${base}#inbox/FMfcgzQbdXyzThreadAcme01`);
    expect(recordLink(gmail, new URL(`${base}#search/acme+pricing/FMfcgzQbdXyzThreadAcme01`), 'FMfcgzQbdXyzThreadAcme01')).toBeNull();
  });

  const ctx = (recordUrl: string, site: PageContext['site'] = 'salesforce', recordId = '0065g00000NwOpp1AAB') =>
    ({ site, recordType: 'opportunity', recordId, recordUrl, accountName: null, domains: [], emails: [], stage: null, competitorsField: [], text: '' }) as PageContext;

  it('the background takes only a link on the site’s own hosts naming the record', () => {
    expect(checkedRecordUrl(ctx(sf), [])).toBe(sf);
    expect(checkedRecordUrl(ctx(`${sf}?q=x`), [])).toBeNull();
    expect(checkedRecordUrl(ctx('https://evil.example.com/lightning/r/Opportunity/0065g00000NwOpp1AAB/view'), [])).toBeNull();
    expect(checkedRecordUrl(ctx('https://lumora-demo.lightning.force.com/lightning/r/Opportunity/OTHER/view'), [])).toBeNull();
    expect(checkedRecordUrl(ctx('http://lumora-demo.lightning.force.com/lightning/r/Opportunity/0065g00000NwOpp1AAB/view'), [])).toBeNull();
    expect(checkedRecordUrl(ctx('https://crm.example.com/deals/42', 'generic', '42'), ['*.example.com'])).toBe('https://crm.example.com/deals/42');
    expect(checkedRecordUrl(ctx('https://crm.other.com/deals/42', 'generic', '42'), ['*.example.com'])).toBeNull();
    expect(hostMatches('https://*.lightning.force.com/*', 'lightning.force.com')).toBe(true);
    expect(hostMatches('https://*.lightning.force.com/*', 'evil-lightning.force.com')).toBe(false);
  });
});
