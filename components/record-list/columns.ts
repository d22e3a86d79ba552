// The list's columns, read from the form definition: each `x-column` hint is a column the
// server keeps (so it can be sorted and filtered), named by the schema's title (or the
// glossary's term for it) and shown by its kind; `data.<path>` shows a value of the record
// itself; `region_code` and `industry`, which the server derives for every business row, are
// named from the reference data. Nothing here knows a particular collection.
import type { JsonSchema } from '../core/schema.js';
import { GLOSSARY, termLabel } from '../data/index.js';
import { isEnglish, type Locale } from '../core/locale.js';

export type ColumnKind = 'text' | 'money' | 'count' | 'date' | 'datetime' | 'enum' | 'list' | 'boolean' | 'region' | 'industry';

export interface Choice {
  readonly value: string;
  readonly zh: string;
  readonly en: string;
}

export interface ListColumn {
  /** A column of the row (sortable, filterable) or `data.<dotted path>` (shown only). */
  readonly key: string;
  /** Where the value is: the row's column, or the record's data. */
  readonly source: { readonly column: string } | { readonly path: readonly string[] };
  readonly zh: string;
  readonly en: string;
  readonly kind: ColumnKind;
  /** enum and list: the labelled values. */
  readonly choices: readonly Choice[];
}

/** The server derives these for every business row (README "Collections"). */
const DERIVED: Readonly<Record<string, { kind: ColumnKind; term: string }>> = {
  region_code: { kind: 'region', term: 'region' },
  industry: { kind: 'industry', term: 'industry' },
};

type Node = JsonSchema & Record<string, unknown>;

function resolve(root: Node, node: unknown): Node | undefined {
  let n = node as Node | undefined;
  for (let depth = 0; n && typeof n['$ref'] === 'string' && depth < 8; depth++) {
    const ref = n['$ref'] as string;
    if (!ref.startsWith('#/')) return n;
    let target: unknown = root;
    for (const key of ref.slice(2).split('/')) target = (target as Record<string, unknown> | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')];
    n = { ...(target as Node), ...Object.fromEntries(Object.entries(n).filter(([k]) => k !== '$ref')) };
  }
  return n;
}

/** Every x-column hint of a definition: column name → the property's path and schema. */
export function xColumns(schema: JsonSchema): Map<string, { path: string[]; node: Node }> {
  const root = schema as Node;
  const out = new Map<string, { path: string[]; node: Node }>();
  const walk = (raw: unknown, path: string[], depth: number) => {
    const node = resolve(root, raw);
    if (!node || depth > 16) return;
    const column = node['x-column'];
    if (typeof column === 'string' && column && path.length && !out.has(column)) out.set(column, { path, node });
    const props = node['properties'] as Record<string, unknown> | undefined;
    for (const [k, v] of Object.entries(props ?? {})) walk(v, [...path, k], depth + 1);
  };
  walk(root, [], 0);
  return out;
}

/** The schema node at a data path (through properties and local $refs). */
function nodeAt(schema: JsonSchema, path: readonly string[]): Node | undefined {
  const root = schema as Node;
  let node = resolve(root, root);
  for (const key of path) {
    node = resolve(root, (node?.['properties'] as Record<string, unknown> | undefined)?.[key]);
    if (!node) return undefined;
  }
  return node;
}

function choicesOf(root: Node, node: Node | undefined): Choice[] {
  const n = resolve(root, node);
  const list = (n?.['oneOf'] ?? n?.['anyOf']) as Node[] | undefined;
  if (Array.isArray(list)) {
    return list
      .filter((o) => o && 'const' in o)
      .map((o) => ({ value: String(o['const']), zh: String(o['title'] ?? o['const']), en: String(o['x-title-en'] ?? o['title'] ?? o['const']) }));
  }
  const values = n?.['enum'];
  if (Array.isArray(values)) {
    const zh = (n?.['x-enum-titles'] as string[] | undefined) ?? [];
    const en = (n?.['x-enum-titles-en'] as string[] | undefined) ?? [];
    return values.map((v, i) => ({ value: String(v), zh: zh[i] ?? String(v), en: en[i] ?? zh[i] ?? String(v) }));
  }
  return [];
}

function kindOf(root: Node, node: Node | undefined): { kind: ColumnKind; choices: Choice[] } {
  const n = resolve(root, node);
  if (!n) return { kind: 'text', choices: [] };
  if (n['x-widget'] === 'money') return { kind: 'money', choices: [] };
  if (n['format'] === 'cn-region' || n['x-widget'] === 'region') return { kind: 'region', choices: [] };
  const own = choicesOf(root, n);
  if (own.length) return { kind: 'enum', choices: own };
  if (n['type'] === 'array') {
    const items = choicesOf(root, resolve(root, n['items']));
    return items.length ? { kind: 'list', choices: items } : { kind: 'text', choices: [] };
  }
  if (n['type'] === 'boolean') return { kind: 'boolean', choices: [] };
  if (n['type'] === 'integer' || n['type'] === 'number') return { kind: 'count', choices: [] };
  if (n['format'] === 'date') return { kind: 'date', choices: [] };
  if (n['format'] === 'date-time') return { kind: 'datetime', choices: [] };
  return { kind: 'text', choices: [] };
}

/** The glossary's name of a term, when the column or property is one; else the schema's title. */
function names(term: string, node: Node | undefined): { zh: string; en: string } {
  const known = GLOSSARY.terms.some((t) => t.code === term);
  if (known) return { zh: termLabel(GLOSSARY, term, 'zh'), en: termLabel(GLOSSARY, term, 'en') };
  const zh = String(node?.['title'] ?? term);
  return { zh, en: String(node?.['x-title-en'] ?? zh) };
}

/**
 * The columns to show: `wanted` in its order (x-column names, `region_code`/`industry`,
 * `data.<path>`), or by default every x-column hint in the schema's order. A name the definition
 * does not know is left out.
 */
export function columnsOf(schema: JsonSchema, wanted?: readonly string[]): ListColumn[] {
  const root = schema as Node;
  const hints = xColumns(schema);
  const keys = wanted?.length ? wanted : [...hints.keys()];
  const out: ListColumn[] = [];
  for (const key of keys) {
    if (key.startsWith('data.')) {
      const path = key.slice(5).split('.');
      const node = nodeAt(schema, path);
      if (!node) continue;
      const { kind, choices } = kindOf(root, node);
      out.push({ key, source: { path }, ...names(path[path.length - 1]!, node), kind, choices });
      continue;
    }
    const hint = hints.get(key);
    if (hint) {
      const { kind, choices } = kindOf(root, hint.node);
      out.push({ key, source: { column: key }, ...names(key, hint.node), kind: key in DERIVED ? DERIVED[key]!.kind : kind, choices });
      continue;
    }
    const derived = DERIVED[key];
    if (derived) out.push({ key, source: { column: key }, ...names(derived.term, undefined), kind: derived.kind, choices: [] });
  }
  return out;
}

export const columnLabel = (c: ListColumn, locale: Locale): string => (isEnglish(locale) ? c.en : c.zh);

/** Sorting and filtering read the row's own columns; a value inside data is only shown. */
export const isColumn = (c: ListColumn): c is ListColumn & { source: { column: string } } => 'column' in c.source;
