// A table value as the printed document shows it; the XLSX export keeps the value and gives the
// same form as a number format (../export/xlsx.ts), so paper and spreadsheet read alike.
import type { Locale } from '../locale.js';
import { kit } from './kit.js';
import type { CellFormat, CellValue } from '../export/table.js';
import { chinaDay } from './dates.js';

const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, digits: number): Intl.NumberFormat {
  const tag = kit().isEnglish(locale) ? 'en-US' : 'zh-CN';
  const key = `${tag}:${digits}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(tag, { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return f;
}

/** 1234 → 1,234; money → 1,234.50; a share 0.8413 → 84.1%; a day → 2026-03-02; null → —. */
export function cellText(value: CellValue | undefined, format: CellFormat = 'text', locale: Locale = 'zh-CN'): string {
  if (value === null || value === undefined || value === '') return format === 'text' || format === 'date' ? '' : '—';
  if (typeof value === 'string') return format === 'date' ? chinaDay(value) || value : value;
  if (!Number.isFinite(value)) return '—';
  switch (format) {
    case 'integer':
      return numberFormat(locale, 0).format(value);
    case 'decimal':
    case 'money':
      return numberFormat(locale, 2).format(value);
    case 'percent':
      return `${numberFormat(locale, 1).format(value * 100)}%`;
    default:
      return String(value);
  }
}
