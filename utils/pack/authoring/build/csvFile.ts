/** Streaming a CSV export mapped in pack.yaml, row by row, with progress and line numbers. */
import { streamOf } from '../files';
import type { Seg } from '../errors';
import { CsvReader, type CsvRecord } from '../csv';
import { FILES } from '../layout';
import type { BuildContext } from './context';

export interface CsvHandlers {
  /** Maps the header's columns; false: a mapped column is missing, so rows are skipped. */
  onHeader(header: string[], line: number): boolean;
  /** A row with as many fields as the header, not blank. */
  onRow(r: CsvRecord): void;
}

/** `cfgPath`: the mapping in pack.yaml (['accounts']), where a missing file is reported. */
export async function readCsv(ctx: BuildContext, file: string, delimiter: string | undefined, cfgPath: Seg[], h: CsvHandlers): Promise<void> {
  if (!ctx.present.has(file)) {
    ctx.fail({ path: '(file)', file: FILES.pack, line: ctx.configLine([...cfgPath, 'file']), message: `${file}: no such file in the pack folder` }, [cfgPath[0]]);
    return;
  }
  ctx.used.add(file);
  const reader = new CsvReader(delimiter ?? (/\.tsv$/i.test(file) ? '\t' : ','));
  const total = await ctx.files.size?.(file);
  const enc = new TextEncoder();
  let bytes = 0;
  let rows = 0;
  let header: string[] | null = null;
  let headerOk = true;
  const handle = (recs: CsvRecord[]) => {
    for (const r of recs) {
      if (!header) {
        header = r.fields.map((f) => f.trim());
        headerOk = h.onHeader(header, r.line);
      } else if (headerOk && !r.fields.every((f) => f.trim() === '')) {
        if (r.fields.length !== header.length) {
          ctx.fail({ path: '(file)', file, line: r.line, message: `${r.fields.length} fields, but the header has ${header.length} (a missing quote or an extra "${delimiter ?? ','}"?)` });
          continue;
        }
        rows++;
        h.onRow(r);
      }
    }
  };
  for await (const chunk of streamOf(ctx.files, file)) {
    bytes += enc.encode(chunk).length;
    handle(reader.push(chunk));
    ctx.opts.onProgress?.({ file, bytes, totalBytes: total, rows, done: false });
  }
  handle(reader.end());
  for (const p of reader.problems) ctx.fail({ path: '(file)', file, line: p.line, message: p.message });
  if (!header) ctx.fail({ path: '(file)', file, line: 1, message: 'empty file: expected a header row with column names' });
  ctx.stats.csvRows += rows;
  ctx.opts.onProgress?.({ file, bytes, totalBytes: total ?? bytes, rows, done: true });
}

/** The index of a mapped column (exact name first, then ignoring case); -1, reported at its pack.yaml line, when missing. */
export function columnIndex(ctx: BuildContext, header: string[], name: string, file: string, cfgPath: Seg[]): number {
  let i = header.indexOf(name);
  if (i < 0) i = header.findIndex((h) => h.toLowerCase() === name.toLowerCase());
  if (i < 0) {
    const shown = header.length > 12 ? `${header.slice(0, 12).join(', ')}, …` : header.join(', ');
    ctx.fail({ path: '(file)', file: FILES.pack, line: ctx.configLine(cfgPath), message: `column "${name}" is not in ${file} (its columns: ${shown})` });
  }
  return i;
}
