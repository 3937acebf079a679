/**
 * An incremental CSV reader (RFC 4180 plus what CRM exports do: a UTF-8 BOM, CRLF or
 * LF, quoted fields with "" and line breaks, a chosen delimiter). Fed chunk by chunk,
 * it hands back whole records with the line each one starts on, so a 50k-row export
 * streams through in constant memory and every error can say `accounts.csv:1234`.
 *
 * Written here rather than taken from papaparse: papaparse's streaming mode reports
 * character offsets, not lines, and rows with quoted line breaks make the two differ.
 */
export interface CsvRecord {
  /** 1-based line on which the record starts. */
  line: number;
  fields: string[];
}

export interface CsvProblem {
  line: number;
  message: string;
}

export class CsvReader {
  private field = '';
  private fields: string[] = [];
  private inQuotes = false;
  /** Just closed a quoted field: the next char should be a delimiter or a line end. */
  private afterQuote = false;
  private skipLF = false;
  private line = 1;
  private recordLine = 1;
  private started = false;
  private fieldTouched = false;
  readonly problems: CsvProblem[] = [];

  constructor(private readonly delimiter = ',') {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') throw new Error(`bad CSV delimiter ${JSON.stringify(delimiter)}`);
  }

  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    let i = 0;
    if (!this.started) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) i = 1;
    }
    const d = this.delimiter;
    const n = chunk.length;
    for (; i < n; i++) {
      const c = chunk[i];
      if (this.skipLF) {
        this.skipLF = false;
        if (c === '\n') continue;
      }
      if (this.inQuotes) {
        if (c === '"') {
          if (i + 1 < n) {
            if (chunk[i + 1] === '"') {
              this.field += '"';
              i++;
            } else {
              this.inQuotes = false;
              this.afterQuote = true;
            }
          } else {
            // A quote at the end of the chunk: decide when the next chunk arrives.
            this.inQuotes = false;
            this.afterQuote = true;
            this.pendingQuote = true;
          }
        } else {
          // Lines are counted on LF, and on a lone CR (old Mac exports).
          if (c === '\n' || (c === '\r' && i + 1 < n && chunk[i + 1] !== '\n')) this.line++;
          // Keep the start of a run of plain characters in one slice.
          let j = i + 1;
          while (j < n && chunk[j] !== '"' && chunk[j] !== '\n' && chunk[j] !== '\r') j++;
          this.field += chunk.slice(i, j);
          i = j - 1;
        }
        continue;
      }
      if (this.pendingQuote) {
        this.pendingQuote = false;
        if (c === '"') {
          // It was an escaped quote split across chunks.
          this.field += '"';
          this.inQuotes = true;
          this.afterQuote = false;
          continue;
        }
      }
      if (c === d) {
        this.endField();
      } else if (c === '\n' || c === '\r') {
        this.endRecord(out);
        this.line++;
        this.recordLine = this.line;
        if (c === '\r') this.skipLF = true;
      } else if (c === '"' && !this.fieldTouched) {
        this.inQuotes = true;
        this.fieldTouched = true;
      } else {
        if (this.afterQuote) {
          this.problems.push({ line: this.line, message: 'text after a closing quote (a quote inside a field must be doubled: "")' });
          this.afterQuote = false;
        }
        let j = i + 1;
        while (j < n && chunk[j] !== d && chunk[j] !== '\n' && chunk[j] !== '\r') j++;
        this.field += chunk.slice(i, j);
        this.fieldTouched = true;
        i = j - 1;
      }
    }
    return out;
  }

  private pendingQuote = false;

  /** Flushes the last record; reports an unterminated quote. */
  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    this.pendingQuote = false;
    if (this.inQuotes) {
      this.problems.push({ line: this.recordLine, message: 'a quoted field is never closed (a missing " ?)' });
      this.inQuotes = false;
    }
    this.endRecord(out);
    return out;
  }

  private endField() {
    this.fields.push(this.field);
    this.field = '';
    this.afterQuote = false;
    this.fieldTouched = false;
  }

  private endRecord(out: CsvRecord[]) {
    const empty = this.fields.length === 0 && !this.fieldTouched && this.field === '';
    if (!empty) {
      this.endField();
      out.push({ line: this.recordLine, fields: this.fields });
    }
    this.fields = [];
    this.field = '';
    this.afterQuote = false;
    this.fieldTouched = false;
  }
}

/** Parses a whole CSV text (tests, small files). */
export function parseCsv(text: string, delimiter = ','): { records: CsvRecord[]; problems: CsvProblem[] } {
  const r = new CsvReader(delimiter);
  const records = [...r.push(text), ...r.end()];
  return { records, problems: r.problems };
}

/** Quotes a value for CSV output when it needs it. */
export function csvCell(value: string | number | null | undefined, delimiter = ','): string {
  const s = value === null || value === undefined ? '' : String(value);
  return s.includes('"') || s.includes(delimiter) || s.includes('\n') || s.includes('\r') || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
