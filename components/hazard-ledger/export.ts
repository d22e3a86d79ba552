/**
 * The filtered ledger as a table (../core/export/table.ts): one fact per column (the enterprise's
 * name apart from its credit code, the region's name apart from its code), days as days and codes
 * as words. The XLSX keeps the days as dates; the CSV (UTF-8 with a BOM, so Excel reads Chinese)
 * writes them as YYYY-MM-DD; the printed ledger shows some of the columns.
 */
import { isEnglish, type Locale } from '../core/locale.js';
import type { ReferenceReader } from '../data/reference.js';
import type { StoredRecord } from '../data/store.js';
import { industryLabel, regionLabel, statusLabel, t } from './labels.js';
import { isOverdue } from './filters.js';
import { toCsv as csvText, toXlsx as xlsxBytes, tableSheet, CSV_TYPE, XLSX_TYPE, type Cell, type CellFormat, type CellValue, type Table } from '../core/export/index.js';
import { chinaDay, chinaToday, documentDate, type OfficialDocument } from '../core/document/index.js';
import { noticeText } from './notice-text.js';

interface Column {
  readonly key: string;
  readonly zh: string;
  readonly en: string;
  readonly format?: CellFormat;
  value(row: StoredRecord, locale: Locale, now: number, names: ReferenceReader | undefined): CellValue;
}

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const data = (r: StoredRecord, k: string): unknown => (r.data as Record<string, unknown>)[k];
const USCC_AT_END = /\s+([0-9A-HJ-NPQRTUWXY]{18})$/;
/** The server's `enterprise_name` is "name USCC" (both searchable): split it. */
const enterpriseOf = (r: StoredRecord) => {
  const text = str(r.columns['enterprise_name']);
  const m = USCC_AT_END.exec(text);
  return { name: m ? text.slice(0, m.index) : text, uscc: m?.[1] ?? '' };
};

export const EXPORT_COLUMNS: readonly Column[] = [
  { key: 'no', zh: '隐患编号', en: 'Hazard no.', value: (r) => str(data(r, 'hazard_no')) },
  { key: 'enterprise', zh: '企业名称', en: 'Enterprise', value: (r) => enterpriseOf(r).name },
  { key: 'uscc', zh: '统一社会信用代码', en: 'USCC', value: (r) => enterpriseOf(r).uscc },
  { key: 'region', zh: '行政区划', en: 'Region', value: (r, l, _, names) => regionLabel(l, str(r.columns['region_code']), names) },
  { key: 'regionCode', zh: '区划代码', en: 'Region code', value: (r) => str(r.columns['region_code']) },
  { key: 'industry', zh: '行业', en: 'Industry', value: (r, l, _, names) => industryLabel(l, str(r.columns['industry']), names) },
  { key: 'major', zh: '重大事故隐患', en: 'Major', value: (r, l) => t(l, r.columns['is_major'] ? 'yes' : 'no') },
  { key: 'status', zh: '状态', en: 'Status', value: (r, l) => statusLabel(l, str(r.columns['status'])) },
  { key: 'overdue', zh: '逾期', en: 'Overdue', value: (r, l, now) => t(l, isOverdue(r.columns['status'], r.columns['deadline'], now) ? 'yes' : 'no') },
  { key: 'found', zh: '发现日期', en: 'Found on', format: 'date', value: (r) => str(r.columns['found_at'] || data(r, 'found_at')) || null },
  { key: 'deadline', zh: '整改期限', en: 'Deadline', format: 'date', value: (r) => str(r.columns['deadline'] || data(r, 'deadline')) || null },
  { key: 'location', zh: '部位/场所', en: 'Location', value: (r) => str(data(r, 'location')) },
  { key: 'description', zh: '隐患描述', en: 'Description', value: (r) => str(data(r, 'description')) },
  { key: 'recommendation', zh: '整改建议', en: 'Recommendation', value: (r) => str(data(r, 'recommendation')) },
  { key: 'rectifier', zh: '整改责任人', en: 'Person responsible', value: (r) => str((data(r, 'rectifier') as { name?: string } | undefined)?.name) },
];

/** The rows as a table; `names` (loaded for the rows' regions) names regions and industries. */
export function ledgerTable(rows: readonly StoredRecord[], locale: Locale, now = Date.now(), names?: ReferenceReader): Table {
  return {
    title: noticeText(locale, 'ledgerTitle'),
    columns: EXPORT_COLUMNS.map((c) => ({ label: isEnglish(locale) ? c.en : c.zh, format: c.format ?? 'text', key: c.key })),
    rows: rows.map((r) => EXPORT_COLUMNS.map((c) => c.value(r, locale, now, names))),
  };
}

/** Header and rows as CSV cells, days as YYYY-MM-DD (China's days). */
export function table(ledger: Table): Cell[][] {
  return [ledger.columns.map((c) => c.label), ...ledger.rows.map((r) => r.map((v, i) => (ledger.columns[i]!.format === 'date' && typeof v === 'string' ? chinaDay(v) : v)))];
}

export function toCsv(cells: readonly Cell[][]): Blob {
  return new Blob([csvText(cells)], { type: CSV_TYPE });
}

export function toXlsx(ledger: Table): Blob {
  return new Blob([xlsxBytes([tableSheet(ledger)])], { type: XLSX_TYPE });
}

/** The columns the printed ledger shows (the workbook has every one). */
const PRINTED = ['no', 'enterprise', 'region', 'major', 'status', 'overdue', 'found', 'deadline', 'location', 'rectifier'];

/** The printed ledger: its title, how many rows, the first of them on landscape pages. */
export function ledgerDocument(ledger: Table, total: number, locale: Locale): OfficialDocument {
  const at = PRINTED.map((k) => ledger.columns.findIndex((c) => c.key === k));
  const printed: Table = {
    ...ledger,
    columns: at.map((i) => ledger.columns[i]!),
    rows: ledger.rows.map((r) => at.map((i) => r[i] ?? null)),
    ...(ledger.rows.length < total ? { note: noticeText(locale, 'ledgerShown', { shown: ledger.rows.length }) } : {}),
  };
  return {
    lang: locale,
    title: ledger.title,
    landscape: true,
    body: [
      { kind: 'paragraph', content: [noticeText(locale, 'ledgerCount', { n: total, date: documentDate(chinaToday(), locale) })], indent: false },
      { kind: 'table', table: printed },
    ],
  };
}
