/**
 * The filtered ledger as CSV (UTF-8 with a byte-order mark, so Excel reads Chinese) and as
 * XLSX (a minimal Office Open XML workbook: one sheet of inline strings and numbers).
 */
import { isEnglish, type Locale } from '../core/locale.js';
import type { ReferenceReader } from '../data/reference.js';
import type { StoredRecord } from '../data/store.js';
import { industryLabel, regionLabel, statusLabel, t } from './labels.js';
import { isOverdue } from './filters.js';
import { toCsv as csvText, toXlsx as xlsxBytes, CSV_TYPE, XLSX_TYPE, type Cell } from '../core/export/index.js';

interface Column {
  readonly zh: string;
  readonly en: string;
  value(row: StoredRecord, locale: Locale, now: number, names: ReferenceReader | undefined): Cell;
}

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const day = (v: unknown): string => str(v).slice(0, 10);
const data = (r: StoredRecord, k: string): unknown => (r.data as Record<string, unknown>)[k];

export const EXPORT_COLUMNS: readonly Column[] = [
  { zh: '隐患编号', en: 'Hazard no.', value: (r) => str(data(r, 'hazard_no')) },
  { zh: '企业', en: 'Enterprise', value: (r) => str(r.columns['enterprise_name']) },
  { zh: '行政区划', en: 'Region', value: (r, l, _, names) => regionLabel(l, str(r.columns['region_code']), names) },
  { zh: '区划代码', en: 'Region code', value: (r) => str(r.columns['region_code']) },
  { zh: '行业', en: 'Industry', value: (r, l, _, names) => industryLabel(l, str(r.columns['industry']), names) },
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

/** Header and rows as cells; `names` (loaded for the rows' regions) names regions and industries. */
export function table(rows: readonly StoredRecord[], locale: Locale, now = Date.now(), names?: ReferenceReader): Cell[][] {
  return [
    EXPORT_COLUMNS.map((c) => (isEnglish(locale) ? c.en : c.zh)),
    ...rows.map((r) => EXPORT_COLUMNS.map((c) => c.value(r, locale, now, names))),
  ];
}

export function toCsv(cells: readonly Cell[][]): Blob {
  return new Blob([csvText(cells)], { type: CSV_TYPE });
}

export function toXlsx(cells: readonly Cell[][], sheetName = '隐患台账'): Blob {
  return new Blob([xlsxBytes([{ name: sheetName, rows: cells }])], { type: XLSX_TYPE });
}
