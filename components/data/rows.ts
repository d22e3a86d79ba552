/**
 * Flat rows (as PocketBase returns them) to StoredRecord, and the query semantics the
 * MemoryStore evaluates itself. No SDK here.
 */
import type { BusinessCollection, Condition, EventCollection, FilterScalar, ListQuery, RecordData, StoredEvent, StoredRecord } from './store.js';

/** Keys of a flat row that are not columns. */
const NOT_COLUMNS = new Set([
  'id', 'collectionId', 'collectionName', 'expand', 'created', 'updated',
  'definition', 'version', 'revision', 'data',
]);

export type Row = Record<string, unknown>;

export function toStoredRecord<TData = RecordData>(collection: BusinessCollection, row: Row): StoredRecord<TData> {
  const columns: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (!NOT_COLUMNS.has(k)) columns[k] = v;
  return {
    id: String(row['id'] ?? ''),
    collection,
    definition: String(row['definition'] ?? ''),
    version: Number(row['version'] ?? 0),
    revision: Number(row['revision'] ?? 0),
    data: (row['data'] ?? {}) as TData,
    columns,
    created: String(row['created'] ?? ''),
    updated: String(row['updated'] ?? ''),
  };
}

const NOT_EVENT_FIELDS = new Set(['id', 'collectionId', 'collectionName', 'expand', 'created', 'updated']);

export function toStoredEvent(collection: EventCollection, row: Row): StoredEvent {
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (!NOT_EVENT_FIELDS.has(k)) fields[k] = v;
  return { id: String(row['id'] ?? ''), collection, fields, created: String(row['created'] ?? '') };
}

export const DEFAULT_PER_PAGE = 30;
export const MAX_PER_PAGE = 500;

/** Page and page size within bounds, so both stores page alike. */
export function paging(query: ListQuery | undefined): { page: number; perPage: number } {
  const page = Math.max(1, Math.floor(query?.page ?? 1));
  const perPage = Math.min(MAX_PER_PAGE, Math.max(1, Math.floor(query?.perPage ?? DEFAULT_PER_PAGE)));
  return { page, perPage };
}

/** The value of a column or a `data.<path>` on a flat row; undefined when absent. */
export function valueAt(row: Row, field: string): unknown {
  let current: unknown = row;
  for (const part of field.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function compareScalars(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return -1;
  if (b === undefined || b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/** PocketBase treats a missing value as its zero value (""), so an absent field equals "" and null. */
function same(actual: unknown, expected: FilterScalar): boolean {
  const blank = (v: unknown) => v === undefined || v === null || v === '';
  if (blank(actual) || expected === null || expected === '') return blank(actual) && (expected === null || expected === '');
  return actual === expected;
}

export function matches(row: Row, condition: Condition): boolean {
  const actual = valueAt(row, condition.field);
  const { op, value } = condition;
  if (op === 'in') {
    const options = Array.isArray(value) ? (value as readonly FilterScalar[]) : [value as FilterScalar];
    return options.some((v) => same(actual, v));
  }
  const expected = value as FilterScalar;
  switch (op) {
    case '=': return same(actual, expected);
    case '!=': return !same(actual, expected);
    case '>': return compareScalars(actual, expected) > 0;
    case '>=': return compareScalars(actual, expected) >= 0;
    case '<': return compareScalars(actual, expected) < 0;
    case '<=': return compareScalars(actual, expected) <= 0;
    case '~': return String(actual ?? '').toLowerCase().includes(String(expected ?? '').toLowerCase());
  }
}

/** A comparator for `sort` entries like "-period_start"; ties keep insertion order. */
export function comparator(sort: readonly string[] | undefined): (a: Row, b: Row) => number {
  const keys = (sort ?? []).filter(Boolean).map((s) =>
    s.startsWith('-') ? { field: s.slice(1), dir: -1 } : { field: s.replace(/^\+/, ''), dir: 1 },
  );
  return (a, b) => {
    for (const { field, dir } of keys) {
      const c = compareScalars(valueAt(a, field), valueAt(b, field));
      if (c !== 0) return c * dir;
    }
    return 0;
  };
}
