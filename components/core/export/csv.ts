/** A table cell of an export: text, a number, or nothing (`null`: an empty cell). */
export type Cell = string | number | null;

export const CSV_TYPE = 'text/csv;charset=utf-8';

function csvCell(v: Cell): string {
  const s = v === null ? '' : String(v);
  // A leading = + - @ would run as a formula in a spreadsheet (CSV injection): keep it text.
  // Numbers, negative ones included, stay numbers.
  const safe = typeof v !== 'number' && /^[=+\-@]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV for spreadsheets: RFC 4180 quoting, CRLF, UTF-8 with a BOM so Excel reads the Chinese. */
export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return '\ufeff' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Offers data as a file download (an object URL, freed a little later). */
export function download(name: string, type: string, data: BlobPart): void {
  const url = URL.createObjectURL(data instanceof Blob ? data : new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
