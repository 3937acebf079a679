/** CSV export of what the analytics tables show, generated and downloaded locally. */
import { csvCell } from '@/utils/pack/authoring/csv';

export function toCsv(header: string[], rows: (string | number)[][]): string {
  // A BOM so spreadsheet apps read UTF-8 (Chinese names) correctly.
  return `\uFEFF${[header, ...rows].map((r) => r.map((c) => csvCell(c)).join(',')).join('\r\n')}\r\n`;
}

export function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
