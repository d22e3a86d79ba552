import type { BulkProblems } from '../data/bulk.js';
import { isEnglish, type Locale } from '../core/locale.js';
import type { Sheet } from '../core/export/index.js';
import { t } from './text.js';

/** One line of the per-row results: a refused field, or a broken rule of a flagged row. */
export interface ResultLine {
  readonly row: number;
  readonly key: string;
  readonly outcome: 'refused' | 'flagged';
  readonly field: string;
  readonly code: string;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly source: string;
}

/** The refused and flagged rows, by row number, a line per field or rule. */
export function resultLines(r: BulkProblems, l: Locale): ResultLine[] {
  const en = isEnglish(l);
  const lines: ResultLine[] = [];
  for (const f of r.failed) {
    for (const [field, e] of Object.entries(f.errors)) {
      lines.push({ row: f.row, key: f.key, outcome: 'refused', field, code: e.code, messageZh: e.message_zh, messageEn: e.message_en, source: '' });
    }
  }
  for (const f of r.flagged) {
    for (const rule of f.rules) {
      const source = en && rule.source_en ? rule.source_en : rule.source;
      lines.push({ row: f.row, key: f.key, outcome: 'flagged', field: rule.path, code: rule.code, messageZh: rule.message_zh, messageEn: rule.message_en, source });
    }
  }
  return lines.sort((a, b) => a.row - b.row);
}

/** The lines as a worksheet, both languages side by side (the file goes to people of either). */
export function resultSheet(lines: readonly ResultLine[], l: Locale): Sheet {
  return {
    name: t(l, 'sheet'),
    headerRows: 1,
    formats: ['integer', 'text', 'text', 'text', 'text', 'text', 'text', 'text'],
    rows: [
      [t(l, 'row'), t(l, 'key'), t(l, 'outcome'), t(l, 'field'), t(l, 'code'), t(l, 'messageZh'), t(l, 'messageEn'), t(l, 'source')],
      ...lines.map((x) => [x.row, x.key, t(l, x.outcome), x.field, x.code, x.messageZh, x.messageEn, x.source]),
    ],
  };
}
