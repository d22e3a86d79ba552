/**
 * Any stored record as a printable document, from the schema it was validated against: its
 * fields by group (`x-groups`), labelled by their titles, with values as people read them
 * (choices by their titles, money to the fen, days as 2026年3月2日, regions by name through
 * `name`), nothing empty (no "暂无数据"), a list of objects as a table; then the issuing party's
 * signature, the issue date and room for the seal. Used by <azx-policy-entry>, and for any
 * element that prints one record (`printRecord`).
 */
import type { Locale } from '../locale.js';
import type { JsonSchema } from '../schema.js';
import type { CellValue, Table, TableColumn } from '../export/table.js';
import type { Block, Field, OfficialDocument } from './model.js';
import { cellText } from './cells.js';
import { chinaDay, documentDate } from './dates.js';
import { printDocument, type PrintOptions } from './print.js';
import { kit } from './kit.js';

type Data = Record<string, unknown>;

/** Names a code of a format (`cn-region` → 杭州市西湖区), or undefined to show the code. */
export type NameOf = (format: string, code: string) => string | undefined;

export interface RecordDocumentOptions {
  /** The schema the record was validated against (its definition version's). */
  readonly schema: JsonSchema;
  readonly value: Data;
  readonly locale: Locale;
  /** The document's title; default the schema's. */
  readonly title?: string;
  /** The record's number under the title (保单号：…). */
  readonly number?: string;
  /** Who issues it (the seal's owner) and on which day (YYYY-MM-DD or an instant). */
  readonly issuer?: string;
  readonly date?: string;
  readonly name?: NameOf;
  /** Top-level properties left out (shown elsewhere, e.g. the number). */
  readonly omit?: readonly string[];
  /** 附注 under the date. */
  readonly note?: string;
  /** On one page where it fits (OfficialDocument.compact). */
  readonly compact?: boolean;
}

const isObject = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);
const empty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

function itemsOf(schema: JsonSchema, root: JsonSchema): JsonSchema | undefined {
  const { deref } = kit();
  const items = schema.items as unknown;
  return isObject(items) ? deref(items as JsonSchema, root) : undefined;
}

function numberText(n: number, schema: JsonSchema, locale: Locale): string {
  if (schema['x-widget'] === 'money') return cellText(n, 'money', locale);
  if (schema.type === 'integer') return cellText(n, 'integer', locale);
  return String(n);
}

function timeOfDay(instant: string): string {
  const at = Date.parse(instant.replace(' ', 'T'));
  return Number.isNaN(at) ? '' : new Date(at + 8 * 3_600_000).toISOString().slice(11, 16);
}

/** One value as text, or undefined when there is nothing to show. */
export function fieldText(schema: JsonSchema, value: unknown, root: JsonSchema, locale: Locale, name?: NameOf): string | undefined {
  const { deref, isEnglish, enumOptions, uiText } = kit();
  const s = deref(schema, root);
  if (empty(value)) return undefined;
  const options = enumOptions(s, locale);
  if (options && !Array.isArray(value)) return options.find((o) => o.value === value)?.label ?? String(value);
  if (typeof value === 'boolean') return uiText(locale, value ? 'yes' : 'no');
  if (typeof value === 'number') return numberText(value, s, locale);
  if (Array.isArray(value)) {
    const item = itemsOf(s, root);
    const parts = value.map((v) => (item ? fieldText(item, v, root, locale, name) : String(v))).filter((x): x is string => Boolean(x));
    return parts.length ? parts.join(isEnglish(locale) ? '; ' : '、') : undefined;
  }
  if (typeof value === 'string') {
    if (s.format === 'date') return documentDate(value, locale);
    if (s.format === 'date-time') return `${documentDate(chinaDay(value) || value, locale)} ${timeOfDay(value)}`.trim();
    if (s.format && name) return name(s.format, value) ?? value;
    return value;
  }
  return undefined;
}

const title = (s: JsonSchema, key: string, locale: Locale) => kit().schemaText(s, 'title', locale) ?? key;

/** The rows of an object: its scalars and lists of scalars, a date range as one row; nested objects flattened. */
function rowsOf(schema: JsonSchema, value: Data, root: JsonSchema, locale: Locale, name?: NameOf): Field[] {
  const { deref, isEnglish, orderedProperties } = kit();
  const rows: Field[] = [];
  for (const [key, raw] of orderedProperties(deref(schema, root))) {
    const s = deref(raw, root);
    const v = value[key];
    if (isObject(v)) {
      if (s['x-widget'] === 'date-range') {
        const [from, to] = orderedProperties(s).map(([k, p]) => fieldText(p, v[k], root, locale, name));
        if (from || to) rows.push({ label: title(s, key, locale), value: `${from ?? ''}${isEnglish(locale) ? ' to ' : '至'}${to ?? ''}` });
      } else rows.push(...rowsOf(s, v, root, locale, name));
      continue;
    }
    if (Array.isArray(v) && itemsOf(s, root)?.properties) continue; // a table of its own
    const text = fieldText(s, v, root, locale, name);
    if (text !== undefined) rows.push({ label: title(s, key, locale), value: text });
  }
  return rows;
}

/** A list of objects as a table: one column per property of its items. */
function listTable(caption: string, schema: JsonSchema, rows: readonly Data[], root: JsonSchema, locale: Locale, name?: NameOf): Table {
  const { deref, orderedProperties } = kit();
  const item = itemsOf(schema, root)!;
  const props = orderedProperties(item);
  const columns: TableColumn[] = props.map(([k, p]) => ({ label: title(deref(p, root), k, locale), format: 'text' }));
  const cells: CellValue[][] = rows.map((r) => props.map(([k, p]) => fieldText(p, r[k], root, locale, name) ?? ''));
  return { title: caption, columns, rows: cells };
}

/** The blocks of a record: one form per group (or per nested object), lists of objects as tables. */
export function recordBlocks(o: RecordDocumentOptions): Block[] {
  const { deref, isEnglish, orderedProperties } = kit();
  const root = o.schema;
  const groups = (root['x-groups'] as { key: string; title?: string; 'x-title-en'?: string }[] | undefined) ?? [];
  const omit = new Set(o.omit ?? []);
  const props = orderedProperties(root).filter(([k]) => !omit.has(k));
  const groupOf = (s: JsonSchema) => (typeof s['x-group'] === 'string' ? s['x-group'] : '');
  const keys = [...groups.map((g) => g.key), ...new Set(props.map(([, s]) => groupOf(s)).filter((g) => !groups.some((x) => x.key === g)))];
  const blocks: Block[] = [];
  for (const key of keys) {
    const g = groups.find((x) => x.key === key);
    const caption = g ? ((isEnglish(o.locale) ? g['x-title-en'] : undefined) ?? g.title ?? key) : undefined;
    const mine = props.filter(([, s]) => groupOf(s) === key);
    const scalars: JsonSchema = { properties: Object.fromEntries(mine.filter(([, s]) => !(deref(s, root).type === 'object' && deref(s, root)['x-widget'] !== 'date-range'))) };
    const rows = rowsOf(scalars, o.value, root, o.locale, o.name);
    if (rows.length) blocks.push({ kind: 'fields', ...(caption ? { caption } : {}), rows });
    for (const [k, raw] of mine) {
      const s = deref(raw, root);
      const v = o.value[k];
      if (isObject(v) && s.type === 'object' && s['x-widget'] !== 'date-range') {
        const nested = rowsOf(s, v, root, o.locale, o.name);
        if (nested.length) blocks.push({ kind: 'fields', caption: title(s, k, o.locale), rows: nested });
      }
      if (Array.isArray(v) && v.length && itemsOf(s, root)?.properties) {
        blocks.push({ kind: 'table', table: listTable(title(s, k, o.locale), s, v.filter(isObject), root, o.locale, o.name) });
      }
    }
  }
  return blocks;
}

/** The record as a document: title, number, its fields, the issuer's signature with the seal's room. */
export function recordDocument(o: RecordDocumentOptions): OfficialDocument {
  const { schemaText } = kit();
  return {
    lang: o.locale,
    title: o.title ?? schemaText(o.schema, 'title', o.locale) ?? '',
    ...(o.compact ? { compact: true } : {}),
    ...(o.number ? { number: o.number } : {}),
    body: recordBlocks(o),
    ...(o.issuer ? { signature: { issuer: o.issuer, date: chinaDay(o.date ?? '') || chinaDay(new Date().toISOString()) } } : {}),
    ...(o.note ? { note: o.note } : {}),
  };
}

/** Prints one record alone, as recordDocument lays it out (what a list's 打印 calls). */
export function printRecord(o: RecordDocumentOptions, options: PrintOptions = {}): Promise<boolean> {
  return printDocument(recordDocument(o), options);
}
