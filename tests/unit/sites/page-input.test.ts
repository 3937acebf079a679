/**
 * Long or odd page text degrades, never hangs the tab: every pattern that runs on page
 * text is linear. The pathological inputs below are sized so that the backtracking
 * patterns these replaced needed 5–20 s each (100 KB of base64 in emailsIn ~20 s, a
 * 60,000-character Outlook name ~5 s on a loaded dev machine) where the linear scans
 * need milliseconds: a regression overruns the 2-second budget by far (vitest reports
 * it once the synchronous work ends), not by a tight timing.
 */
import { describe, expect, it } from 'vitest';
import type { SiteRule } from '../../../utils/pack/schema';
import { domainFrom, emailFrom, emailsIn } from '../../../utils/sites/dom';
import { extractGeneric } from '../../../utils/sites/generic/extract';
import { ownAddress as gmailOwnAddress } from '../../../utils/sites/gmail/extract';
import { ownAddress as outlookOwnAddress, parsePeople } from '../../../utils/sites/outlook/extract';
import { hostOf } from '../../../utils/match/domains';
import { parse } from './helpers';

const BUDGET = { timeout: 2_000 };
const base64 = (bytes: number) => 'QUJDRGVmZ2hpams0NTY3Ky8='.repeat(Math.ceil(bytes / 24)).slice(0, bytes);

describe('e-mail addresses in page text', () => {
  it('reads 100 KB of base64 in a field in one pass, and finds the address beside it', BUDGET, () => {
    const text = `${base64(100_000)} write to jane@acme.com today ${base64(100_000)}`;
    expect(emailsIn(text)).toEqual(['jane@acme.com']);
  });

  it('a run of address characters longer than any local part is not an address', () => {
    expect(emailsIn(`${base64(5_000)}@acme.com`)).toEqual([]);
    expect(emailsIn(`${'a'.repeat(64)}@acme.com`)).toEqual([`${'a'.repeat(64)}@acme.com`]);
    expect(emailsIn(`${'a'.repeat(65)}@acme.com`)).toEqual([]);
  });

  it('keeps what the regex found: several addresses, trailing dots, doubled dots, case', () => {
    expect(emailsIn('Write to a@x.com or B@X.COM; a@x.com again. End.')).toEqual(['a@x.com', 'b@x.com']);
    expect(emailsIn('(p.ng@acme.co.uk), q@globex.io..next')).toEqual(['p.ng@acme.co.uk', 'q@globex.io']);
    expect(emailsIn('@@@@ a@ @b x@@y.com')).toEqual([]);
  });

  it('does not glue the text of the next element onto an address', () => {
    const rule: SiteRule = { id: 'r', host: 'crm.acme.example', selectors: { accountName: 'h1', emails: '.mail' } };
    const doc = parse('<h1>Acme</h1><div class="mail"><a>jane@acme.com</a><span>note</span></div>');
    expect(extractGeneric(doc, new URL('https://crm.acme.example/a/1'), [rule])?.emails).toEqual(['jane@acme.com']);
  });

  it('an address, host or title as long as a page can make it costs one pass', BUDGET, () => {
    expect(emailFrom(`${'a'.repeat(500_000)}@acme.com`)).toBeNull();
    expect(domainFrom(`${'a'.repeat(300)}.com`)).toBeNull();
    expect(hostOf(`acme.com${'>'.repeat(60_000)}x`)).toBe(null);
    expect(hostOf(`acme.com${'>'.repeat(60_000)}`)).toBe('acme.com');
    const gmail = parse(`<html><head><title>${'Re: '.repeat(50_000)}x - jane@acme.com - Gmail</title></head><body><a aria-label="Google Account: Jane (${base64(200_000)})"></a></body></html>`);
    expect(gmailOwnAddress(gmail)).toBe('jane@acme.com');
    const outlook = parse(`<html><head><title>${base64(60_000)} jane@acme.com</title></head><body></body></html>`);
    expect(outlookOwnAddress(outlook)).toBe('jane@acme.com');
  });
});

describe('Outlook address lines', () => {
  it('parses a 60,000-character name with ";" in one pass and keeps the people after it', BUDGET, () => {
    const name = `${'a'.repeat(30_000)};${'b'.repeat(30_000)}`;
    const people = parsePeople(`${name} <a@acme.com>; Priya <p@globex.io>`, 'to');
    expect(people.map((p) => p.email)).toEqual(['a@acme.com', 'p@globex.io']);
    expect(people[0].name).toBe('b'.repeat(30_000));
    expect(people[1].name).toBe('Priya');
  });

  it('survives long runs of brackets, quotes and names with no address', BUDGET, () => {
    expect(parsePeople('<'.repeat(60_000), 'to')).toEqual([]);
    expect(parsePeople(`"${'x'.repeat(60_000)}`, 'cc')).toEqual([]);
    expect(parsePeople('a'.repeat(60_000), 'to')).toEqual([]);
    expect(parsePeople(`${'Name '.repeat(15_000)}<n@acme.com>`, 'to')).toHaveLength(1);
  });

  it('keeps the shapes Outlook writes', () => {
    expect(parsePeople('Alex Morgan <alex.morgan@lumora.io>; "Smith, John" <J.Smith@Acme.com>, bare@x.io', 'to')).toEqual([
      { name: 'Alex Morgan', email: 'alex.morgan@lumora.io', role: 'to' },
      { name: 'Smith, John', email: 'j.smith@acme.com', role: 'to' },
      { name: null, email: 'bare@x.io', role: 'to' },
    ]);
    expect(parsePeople('p@x.io <p@x.io>', 'from')).toEqual([{ name: null, email: 'p@x.io', role: 'from' }]);
    expect(parsePeople('A <a@x.io> B <b@x.io>', 'to').map((p) => [p.name, p.email])).toEqual([['A', 'a@x.io'], ['B', 'b@x.io']]);
  });
});
