/**
 * The filtered ledger as CSV (UTF-8 with a byte-order mark, so Excel reads Chinese) and as
 * XLSX (a minimal Office Open XML workbook: one sheet of inline strings and numbers).
 */
import type { Locale } from '../core/locale.js';
import type { StoredRecord } from '../data/store.js';
import { industryLabel, statusLabel, t } from './labels.js';
import { isOverdue } from './filters.js';
import { zip } from './zip.js';

type Cell = string | number;

interface Column {
  readonly zh: string;
  readonly en: string;
  value(row: StoredRecord, locale: Locale, now: number): Cell;
}

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const day = (v: unknown): string => str(v).slice(0, 10);
const data = (r: StoredRecord, k: string): unknown => (r.data as Record<string, unknown>)[k];

export const EXPORT_COLUMNS: readonly Column[] = [
  { zh: '隐患编号', en: 'Hazard no.', value: (r) => str(data(r, 'hazard_no')) },
  { zh: '企业', en: 'Enterprise', value: (r) => str(r.columns['enterprise_name']) },
  { zh: '行政区划', en: 'Region', value: (r) => str(r.columns['region_code']) },
  { zh: '行业', en: 'Industry', value: (r, l) => industryLabel(l, str(r.columns['industry'])) },
  { zh: '重大事故隐患', en: 'Major', value: (r, l) => t(l, r.columns['is_major'] ? 'yes' : 'no') },
  { zh: '状态', en: 'Status', value: (r, l) => statusLabel(l, str(r.columns['status'])) },
  { zh: '逾期', en: 'Overdue', value: (r, l, now) => t(l, isOverdue(r.columns['status'], r.columns['deadline'], now) ? 'yes' : 'no') },
  { zh: '发现时间', en: 'Found at', value: (r) => day(r.columns['found_at'] || data(r, 'found_at')) },
  { zh: '整改期限', en: 'Deadline', value: (r) => day(r.columns['deadline'] || data(r, 'deadline')) },
  { zh: '部位/场所', en: 'Location', value: (r) => str(data(r, 'location')) },
  { zh: '隐患描述', en: 'Description', value: (r) => str(data(r, 'description')) },
  { zh: '整改建议', en: 'Recommendation', value: (r) => str(data(r, 'recommendation')) },
  { zh: '整改责任人', en: 'Person responsible', value: (r) => str((data(r, 'rectifier') as { name?: string } | undefined)?.name) },
];

/** Header and rows as cells. */
export function table(rows: readonly StoredRecord[], locale: Locale, now = Date.now()): Cell[][] {
  return [
    EXPORT_COLUMNS.map((c) => (locale === 'en' ? c.en : c.zh)),
    ...rows.map((r) => EXPORT_COLUMNS.map((c) => c.value(r, locale, now))),
  ];
}

function csvCell(v: Cell): string {
  let s = String(v);
  // a leading = + - @ would make Excel evaluate the cell as a formula (CSV injection)
  if (/^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(cells: readonly Cell[][]): Blob {
  const text = cells.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
  return new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' });
}

function xml(s: string): string {
  // characters XML 1.0 cannot carry are dropped
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function columnName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function sheetXml(cells: readonly Cell[][]): string {
  const rows = cells.map((row, r) => {
    const cs = row.map((v, c) => {
      const ref = `${columnName(c)}${r + 1}`;
      return typeof v === 'number'
        ? `<c r="${ref}"><v>${v}</v></c>`
        : `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xml(v)}</t></is></c>`;
    });
    return `<row r="${r + 1}">${cs.join('')}</row>`;
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
}

export function toXlsx(cells: readonly Cell[][], sheetName = '隐患台账'): Blob {
  const enc = new TextEncoder();
  const part = (name: string, text: string) => ({ name, data: enc.encode(text) });
  const bytes = zip([
    part('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`),
    part('_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    part('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${xml(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    part('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    part('xl/worksheets/sheet1.xml', sheetXml(cells)),
  ]);
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
