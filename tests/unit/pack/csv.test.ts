import { describe, expect, it } from 'vitest';
import { CsvReader, csvCell, parseCsv } from '../../../utils/pack/authoring/csv';

const fields = (text: string, d = ',') => parseCsv(text, d).records.map((r) => r.fields);

describe('CSV reader', () => {
  it('reads quoted fields, doubled quotes, delimiters and line breaks inside quotes', () => {
    expect(fields('a,b,c\n"x, y","say ""hi""","two\nlines"\n')).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
    ]);
  });

  it('knows the line each record starts on, across quoted line breaks and CRLF', () => {
    const { records } = parseCsv('\uFEFFh1,h2\r\n"multi\r\nline",1\r\n\r\nlast,2');
    expect(records.map((r) => [r.line, r.fields[0]])).toEqual([
      [1, 'h1'],
      [2, 'multi\r\nline'],
      [5, 'last'],
    ]);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    const text = 'id,name,note\n1,"Acme, Inc.","he said ""no""\nthen ""yes"""\r\n2,Globex,\n3,"",x\n';
    const whole = parseCsv(text).records;
    for (const size of [1, 2, 3, 5, 8]) {
      const r = new CsvReader();
      const out = [];
      for (let i = 0; i < text.length; i += size) out.push(...r.push(text.slice(i, i + size)));
      out.push(...r.end());
      expect(out, `chunks of ${size}`).toEqual(whole);
    }
  });

  it('supports other delimiters and reports an unclosed quote at its record', () => {
    expect(fields('a;b\n1,5;2\n', ';')).toEqual([
      ['a', 'b'],
      ['1,5', '2'],
    ]);
    const { problems } = parseCsv('a,b\n1,"open\n2,3\n');
    expect(problems).toEqual([{ line: 2, message: 'a quoted field is never closed (a missing " ?)' }]);
  });

  it('quotes cells that need it when writing', () => {
    expect(['plain', 'a,b', 'say "x"', 'two\nlines', ' pad'].map((s) => csvCell(s))).toEqual(['plain', '"a,b"', '"say ""x"""', '"two\nlines"', '" pad"']);
  });
});
