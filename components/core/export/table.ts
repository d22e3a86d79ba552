/**
 * A table as data: columns that say how their values are read (a count, money, a share, a day),
 * rows of plain values, and a 合计 row kept apart so it is printed and exported once, after every
 * row. The printed document (`../document/`) and the XLSX export read the same table, so a
 * figure never differs between the paper and the spreadsheet.
 */
import type { Sheet } from './xlsx.js';

/**
 * How a column's values are typed and shown: `integer` a count (1,234), `decimal` a coefficient
 * (1.15), `money` yuan to the fen (2,772,794.98), `percent` a share (0.8413 → 84.1%), `date` a
 * day (YYYY-MM-DD, or an instant read in China time), `text` anything else (codes stay text).
 */
export type CellFormat = 'text' | 'integer' | 'decimal' | 'money' | 'percent' | 'date';

/** A value of a table: `null` where there is nothing to show (a share without a base). */
export type CellValue = string | number | null;

export interface TableColumn {
  readonly label: string;
  /** Default `text`. */
  readonly format?: CellFormat;
  /** Names the column's figures (`insured`): with a row's key, a cell's figure is `<row>.<column>`. */
  readonly key?: string;
}

export interface Table {
  /** The sheet's name and the attachment's title. */
  readonly title: string;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly CellValue[])[];
  /** Per row: what its figures are called (`330100`, `industry.construction`). */
  readonly rowKeys?: readonly (string | undefined)[];
  /** The 合计 row, after every row and only there; its first cell is the word. */
  readonly total?: readonly CellValue[];
  /** Figures named cell by cell (rows, then the 合计 row last), where row and column keys do not say it. */
  readonly figures?: readonly (readonly (string | undefined)[] | undefined)[];
  /** The 合计 row's key; default `total`. */
  readonly totalKey?: string;
  /** A line under the table (how many rows are shown of how many). */
  readonly note?: string;
}

/** The figure a cell shows (`total.insured`), when both its row and its column are named. */
export function figureKey(table: Table, row: number | 'total', column: number): string | undefined {
  const named = table.figures?.[row === 'total' ? table.rows.length : row]?.[column];
  if (named) return named;
  const col = table.columns[column]?.key;
  const rowKey = row === 'total' ? (table.totalKey ?? 'total') : table.rowKeys?.[row];
  return col && rowKey ? `${rowKey}.${col}` : undefined;
}

/** The value of one figure of the table (a row key and column key), or undefined. */
export function figureValue(table: Table, key: string): CellValue | undefined {
  const dot = key.lastIndexOf('.');
  const [rowKey, colKey] = [key.slice(0, dot), key.slice(dot + 1)];
  const column = table.columns.findIndex((c) => c.key === colKey);
  if (column < 0) return undefined;
  if (rowKey === (table.totalKey ?? 'total')) return table.total?.[column];
  const row = table.rowKeys?.indexOf(rowKey) ?? -1;
  return row < 0 ? undefined : table.rows[row]?.[column];
}

/** The table as one worksheet: the header row, every row, the 合计 row, then the note. */
export function tableSheet(table: Table, name = table.title): Sheet {
  return {
    name,
    headerRows: 1,
    formats: table.columns.map((c) => c.format ?? 'text'),
    rows: [
      table.columns.map((c) => c.label),
      ...table.rows,
      ...(table.total ? [table.total] : []),
      ...(table.note ? [[], [table.note]] : []),
    ],
  };
}
