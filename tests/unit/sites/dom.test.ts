import { domainToASCII } from 'node:url';
import { describe, expect, it } from 'vitest';
import { domainFrom, emailFrom, emailsIn, firstText, splitList, valueOf, visibleText } from '../../../utils/sites/dom';
import { parse } from './helpers';

describe('domainFrom', () => {
  it.each([
    ['https://www.Acme.com/about?x=1', 'acme.com'],
    ['http://northwindtraders.com', 'northwindtraders.com'],
    ['www.northwindtraders.com', 'northwindtraders.com'],
    ['www2.acme.co.uk', 'acme.co.uk'],
    ['acme.com.', 'acme.com'],
    ['  yunshan-tech.cn  ', 'yunshan-tech.cn'],
    ['https://shop.acme.com:8443/', 'shop.acme.com'],
    ['//cdn.acme.com/x', 'cdn.acme.com'],
    ['https://云杉科技.cn', domainToASCII('云杉科技.cn')],
    ['', null],
    ['n/a', null],
    ['localhost', null],
    ['mailto:a@b.com', null],
    ['http://10.0.0.1/', null],
    ['not a url', null],
  ])('%s → %s', (v, d) => expect(domainFrom(v)).toBe(d));
});

describe('e-mail helpers', () => {
  it('normalises one address', () => {
    expect(emailFrom('mailto:J.Smith@Acme.com?subject=Hi')).toBe('j.smith@acme.com');
    expect(emailFrom('<j.smith@acme.com>')).toBe('j.smith@acme.com');
    expect(emailFrom('j.smith@')).toBeNull();
    expect(emailFrom(null)).toBeNull();
  });
  it('finds every address in text once', () => {
    expect(emailsIn('Write to a@x.com or B@X.COM; a@x.com again. End.')).toEqual(['a@x.com', 'b@x.com']);
  });
});

describe('splitList', () => {
  it.each([
    ['Globex Analytics; Beacon CDP', ['Globex Analytics', 'Beacon CDP']],
    ['Initech, Globex', ['Initech', 'Globex']],
    ['数策、Hooli；Globex', ['数策', 'Hooli', 'Globex']],
    ['Globex Analytics, Inc.; Initech', ['Globex Analytics, Inc.', 'Initech']],
    ['', []],
  ])('%s', (v, out) => expect(splitList(v)).toEqual(out));
});

describe('visibleText', () => {
  it('separates blocks and cells, drops hidden, scripts and excluded parts', () => {
    const doc = parse(`<div id="r"><p>Globex</p><p>Beacon</p><table><tr><td>a</td><td>b</td></tr></table>
      <span hidden>secret</span><div style="display:none">gone</div><div style="color:red; display : none !important">gone2</div>
      <script>var x = "Globex";</script><button>Edit</button><span class="x">chrome</span><br>tail<input value="typed"><textarea>kept</textarea></div>`);
    const t = visibleText(doc.getElementById('r'), { exclude: 'button, .x' });
    expect(t).toBe('Globex\nBeacon\na b\ntail\nkept');
  });
  it('a skip predicate drops a subtree', () => {
    const doc = parse('<div id="r"><p id="a">keep</p><p id="b">drop</p></div>');
    expect(visibleText(doc.getElementById('r'), { skip: (el) => el.id === 'b' })).toBe('keep');
  });
});

describe('small readers', () => {
  it('firstText tries selectors in order and skips empty matches', () => {
    const doc = parse('<div><h1 class="a"> </h1><h2 class="b"> Name  here </h2></div>');
    expect(firstText(doc, ['.a', '.b'])).toBe('Name here');
    expect(firstText(doc, ['.none', 'h3'])).toBeNull();
    expect(firstText(doc, '[[bad')).toBeNull();
  });
  it('valueOf reads inputs, textareas and plain elements', () => {
    const doc = parse('<input id="i" value=" acme.com "><textarea id="t">multi\nline</textarea><span id="s"> x </span>');
    expect(valueOf(doc.getElementById('i'))).toBe('acme.com');
    expect(valueOf(doc.getElementById('t'))).toBe('multi line');
    expect(valueOf(doc.getElementById('s'))).toBe('x');
  });
});
