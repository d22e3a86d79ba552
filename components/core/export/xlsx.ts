/**
 * A small XLSX writer: one worksheet per table, numbers as numbers with their format (counts
 * 1,234, money 1,234.56, shares 84.1%), days as real dates (Excel's serial day with yyyy-mm-dd),
 * codes kept as text, a bold header row that stays in view, and columns as wide as their text.
 * Packed in a ZIP of stored entries; enough for Excel, WPS and LibreOffice, with no dependency.
 */
import type { Cell } from './csv.js';
import type { CellFormat } from './table.js';
import { zip } from './zip.js';

export type { Cell };
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export interface Sheet {
  /** At most 31 characters, none of []:*?/\ (cleaned here). */
  readonly name: string;
  readonly rows: readonly (readonly Cell[])[];
  /**
   * How each column's cells are typed and shown. Without one, a number is a number and anything
   * else text. A `date` column turns YYYY-MM-DD (or an instant, read in China time) into a date.
   */
  readonly formats?: readonly (CellFormat | undefined)[];
  /** Rows at the top that are headings: bold, wrapped, and kept in view when scrolling. */
  readonly headerRows?: number;
}

// Cell styles (cellXfs in styles.xml), by position.
const STYLE = { general: 0, header: 1, integer: 2, decimal: 3, money: 4, percent: 5, date: 6, text: 7 } as const;

const STYLES_XML =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
  `<numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd"/></numFmts>` +
  `<fonts count="2"><font><sz val="11"/><name val="等线"/><family val="2"/></font><font><b/><sz val="11"/><name val="等线"/><family val="2"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="8">` +
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
  `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>` +
  `<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
  `<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
  `<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
  `<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
  `<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
  `<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
  `</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

function xml(s: string): string {
  // characters XML 1.0 cannot hold are dropped, the rest escaped
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function column(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const DAY_MS = 86_400_000;
/** Excel's serial number of 1970-01-01 (it counts from the last of December 1899). */
const EPOCH_SERIAL = 25_569;

/** A day (YYYY-MM-DD) or an instant (read in China time) as Excel's serial day; else undefined. */
export function excelDay(value: string): number | undefined {
  const text = value.trim();
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (day) {
    const t = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
    const back = new Date(t);
    // a date that does not exist (the thirtieth of February) rolls over: refused
    if (back.getUTCMonth() !== Number(day[2]) - 1 || back.getUTCDate() !== Number(day[3])) return undefined;
    return t / DAY_MS + EPOCH_SERIAL;
  }
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text)) return undefined;
  const at = Date.parse(text.replace(' ', 'T'));
  if (Number.isNaN(at)) return undefined;
  return Math.floor((at + 8 * 3_600_000) / DAY_MS) + EPOCH_SERIAL;
}

interface Written {
  readonly xml: string;
  /** How wide the cell's text reads, in character widths (a CJK character is two). */
  readonly width: number;
}

const textWidth = (s: string): number => [...s].reduce((n, ch) => n + (/[\u2E80-\uFFEF]/.test(ch) ? 2 : 1), 0);

function numberCell(ref: string, v: number, style: number, shown: string): Written {
  return { xml: `<c r="${ref}" s="${style}"><v>${v}</v></c>`, width: textWidth(shown) };
}

function textCell(ref: string, s: string, style: number): Written {
  const lines = s.split('\n');
  return {
    xml: `<c r="${ref}"${style ? ` s="${style}"` : ''} t="inlineStr"><is><t xml:space="preserve">${xml(s)}</t></is></c>`,
    width: Math.max(...lines.map(textWidth)),
  };
}

function cellXml(ref: string, v: Cell, format: CellFormat | undefined, header: boolean): Written | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  if (header) return textCell(ref, String(v), STYLE.header);
  switch (format) {
    case 'date': {
      const serial = typeof v === 'string' ? excelDay(v) : undefined;
      return serial === undefined ? textCell(ref, String(v), STYLE.general) : numberCell(ref, serial, STYLE.date, '2026-12-31');
    }
    case 'text':
      return textCell(ref, String(v), STYLE.text);
    case 'integer':
    case 'decimal':
    case 'money':
    case 'percent': {
      if (typeof v !== 'number' || !Number.isFinite(v)) return textCell(ref, String(v), STYLE.general);
      const digits = format === 'integer' ? 0 : format === 'percent' ? 1 : 2;
      // money is kept to the fen, as printed (a sum's 2772794.979999999 is 2772794.98)
      const n = format === 'money' ? Math.round(v * 100) / 100 : v;
      const shown = format === 'percent' ? `${(n * 100).toFixed(1)}%` : n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
      return numberCell(ref, n, STYLE[format], shown);
    }
    default:
      return typeof v === 'number' && Number.isFinite(v) ? numberCell(ref, v, STYLE.general, String(v)) : textCell(ref, String(v), STYLE.general);
  }
}

function sheetXml(sheet: Sheet): string {
  const headerRows = sheet.headerRows ?? 0;
  const columns = Math.max(0, ...sheet.rows.map((r) => r.length));
  const widths: number[] = [];
  const body = sheet.rows
    .map((row, r) => {
      const cells = row
        .map((v, c) => {
          const written = cellXml(`${column(c)}${r + 1}`, v, sheet.formats?.[c], r < headerRows);
          // a heading wraps onto two lines; a note alone on its row under the table may run on
          const wide = !written ? 0 : r < headerRows ? Math.ceil(written.width / 2) : row.length === 1 && columns > 1 ? 0 : written.width;
          widths[c] = Math.max(widths[c] ?? 0, wide);
          return written?.xml ?? '';
        })
        .join('');
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join('');
  const views = headerRows
    ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRows}" topLeftCell="A${headerRows + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`
    : '';
  const cols = widths.length ? `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.min(60, Math.max(8, w + 2))}" customWidth="1"/>`).join('')}</cols>` : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${views}${cols}<sheetData>${body}</sheetData></worksheet>`;
}

function sheetName(name: string, used: Set<string>): string {
  let base = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28).trim() || 'Sheet';
  let n = base;
  for (let i = 2; used.has(n); i++) n = `${base}${i}`;
  used.add(n);
  return n;
}

/** The workbook's bytes. */
export function toXlsx(sheets: readonly Sheet[]): Uint8Array<ArrayBuffer> {
  const enc = new TextEncoder();
  const used = new Set<string>();
  const names = sheets.map((s) => sheetName(s.name, used));
  const stylesRel = names.length + 1;
  const files: { name: string; data: Uint8Array }[] = [
    {
      name: '[Content_Types].xml',
      data: enc.encode(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
          `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
          `<Default Extension="xml" ContentType="application/xml"/>` +
          `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
          `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
          names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
          `</Types>`,
      ),
    },
    {
      name: '_rels/.rels',
      data: enc.encode(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
          `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: enc.encode(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>` +
          names.map((n, i) => `<sheet name="${xml(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
          `</sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: enc.encode(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
          names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
          `<Relationship Id="rId${stylesRel}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
          `</Relationships>`,
      ),
    },
    { name: 'xl/styles.xml', data: enc.encode(STYLES_XML) },
    ...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: enc.encode(sheetXml(s)) })),
  ];
  return zip(files);
}
