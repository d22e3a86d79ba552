// A record's value in a column, for people (labels, names, 12,345.60 元, dates in China time)
// and for spreadsheets (numbers stay numbers, codes become labels).
import type { Cell } from '../core/export/index.js';
import { formatCount, formatDate, formatDateTime, formatMoney } from '../core/format.js';
import { isEnglish, type Locale } from '../core/locale.js';
import type { ReferenceReader } from '../data/reference.js';
import type { StoredRecord } from '../data/store.js';
import { isColumn, type Choice, type ListColumn } from './columns.js';


export function rawValue(c: ListColumn, record: StoredRecord): unknown {
  if (isColumn(c)) {
    const v = record.columns[c.source.column];
    // a column the row does not carry (an older definition) falls back to the data
    if (v !== undefined && v !== null && v !== '') return v;
  }
  if ('path' in c.source) {
    let v: unknown = record.data;
    for (const k of c.source.path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
    return v;
  }
  return undefined;
}

const label = (choices: readonly Choice[], value: unknown, locale: Locale): string => {
  const c = choices.find((x) => x.value === String(value));
  return c ? (isEnglish(locale) ? c.en : c.zh) : String(value ?? '');
};

/** The text a person reads in the cell. */
export function cellText(c: ListColumn, record: StoredRecord, locale: Locale, names: ReferenceReader | undefined, yesNo: readonly [string, string]): string {
  const v = rawValue(c, record);
  if (v === undefined || v === null || v === '') return '';
  switch (c.kind) {
    case 'money':
      return formatMoney(v, locale);
    case 'count':
      return formatCount(v, locale);
    case 'date':
      return formatDate(String(v).slice(0, 10), locale);
    case 'datetime':
      return formatDateTime(String(v), locale);
    case 'enum':
      return label(c.choices, v, locale);
    case 'list':
      return (Array.isArray(v) ? v : []).map((x) => label(c.choices, x, locale)).join(isEnglish(locale) ? ', ' : '、');
    case 'boolean':
      return v === true ? yesNo[0] : yesNo[1];
    case 'region':
      return names ? names.regionName(String(v), locale) : String(v);
    case 'industry':
      return names ? names.industryName(String(v), locale) : String(v);
    default:
      return String(v);
  }
}

/** The cell of an export: money and counts as numbers, everything else as its text. */
export function exportCell(c: ListColumn, record: StoredRecord, locale: Locale, names: ReferenceReader | undefined, yesNo: readonly [string, string]): Cell {
  const v = rawValue(c, record);
  if ((c.kind === 'money' || c.kind === 'count') && typeof v === 'number' && Number.isFinite(v)) return v;
  return cellText(c, record, locale, names, yesNo);
}
