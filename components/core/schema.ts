// The part of JSON Schema (2020-12) the renderers read, and small helpers over it.
import { deref, propertySchema } from './conditional.js';
import { isEnglish, type Locale } from './locale.js';
import { translate } from './translations.js';

export interface JsonSchema {
  $schema?: string;
  $id?: string;
  type?: string | string[];
  title?: string;
  description?: string;
  default?: unknown;
  readOnly?: boolean;
  const?: unknown;
  enum?: unknown[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  'x-widget'?: string;
  'x-order'?: number;
  'x-placeholder'?: string;
  'x-help'?: string;
  [keyword: string]: unknown;
}

/** The one type a renderer should treat the node as ("null" in a union is ignored). */
export function primaryType(schema: JsonSchema): string | undefined {
  const t = schema.type;
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return t.find((x) => x !== 'null');
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  return undefined;
}

type TextKey = 'title' | 'description' | 'help' | 'placeholder';

/**
 * Display text in the locale: `x-<key>-en` in English, else the default (Chinese) text; then the
 * portal's or shipped word for that text (`term.<text>`), so a portal can rename a field of any
 * definition and zh-TW reads in traditional characters.
 */
export function schemaText(schema: JsonSchema, key: TextKey, locale: Locale): string | undefined {
  const base = key === 'title' || key === 'description' ? key : `x-${key}`;
  let text: unknown;
  if (isEnglish(locale)) text = schema[`x-${key}-en`];
  if (typeof text !== 'string') text = schema[base];
  if (typeof text !== 'string') return undefined;
  return translate(locale, `term.${text}`) ?? text;
}

/** Properties in display order: by `x-order` (a number on each property), then as declared. */
/** Sorted once per properties object (schemas are not mutated); every render asks again. */
const ordered = new WeakMap<object, [string, JsonSchema][]>();

export function orderedProperties(schema: JsonSchema): [string, JsonSchema][] {
  const properties = schema.properties;
  if (!properties) return [];
  let result = ordered.get(properties);
  if (!result) ordered.set(properties, (result = sortProperties(properties)));
  return result.slice();
}

function sortProperties(properties: NonNullable<JsonSchema['properties']>): [string, JsonSchema][] {
  const entries = Object.entries(properties);
  return entries
    .map((entry, i) => ({ entry, i, order: entry[1]['x-order'] }))
    .sort((a, b) => {
      const ao = typeof a.order === 'number' ? a.order : Infinity;
      const bo = typeof b.order === 'number' ? b.order : Infinity;
      return ao === bo ? a.i - b.i : ao - bo;
    })
    .map((x) => x.entry);
}

/** Labelled choices of an enum node: `oneOf`/`anyOf` of `const` + title, or plain `enum`. */
export function enumOptions(schema: JsonSchema, locale: Locale): { value: unknown; label: string }[] | undefined {
  const branches = schema.oneOf ?? schema.anyOf;
  if (branches && branches.length > 0 && branches.every((b) => b && 'const' in b)) {
    return branches.map((b) => ({ value: b.const, label: schemaText(b, 'title', locale) ?? String(b.const) }));
  }
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => ({ value: v, label: String(v) }));
  return undefined;
}

/** A copy of value with each absent member that has a `default` filled in, recursively. */
export function applyDefaults(schema: JsonSchema, value: unknown): unknown {
  if (value === undefined && schema.default !== undefined) return structuredClone(schema.default);
  const type = primaryType(schema);
  if (type === 'object' && schema.properties) {
    if (value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) return value;
    const obj: Record<string, unknown> = { ...((value as Record<string, unknown> | undefined) ?? {}) };
    let filled = false;
    for (const [key, sub] of Object.entries(schema.properties)) {
      const next = applyDefaults(sub, obj[key]);
      if (next !== undefined && next !== obj[key]) {
        obj[key] = next;
        filled = true;
      }
    }
    // An absent nested object stays absent unless something inside has a default.
    if (value === undefined && !filled) return undefined;
    // An unticked box means no: a yes/no property of a present object is false until ticked, so a
    // required one is never "missing" (and the value says what the box shows).
    for (const [key, sub] of Object.entries(schema.properties)) {
      if (obj[key] === undefined && isPlainBoolean(sub)) obj[key] = false;
    }
    return obj;
  }
  if (type === 'array' && schema.items && Array.isArray(value)) {
    const items = schema.items;
    return value.map((v) => applyDefaults(items, v));
  }
  return value;
}

/** A yes/no property shown as a checkbox (not a constant, a choice of values or a computed one). */
function isPlainBoolean(schema: JsonSchema): boolean {
  return primaryType(schema) === 'boolean' && schema.const === undefined && schema.enum === undefined && schema['x-compute'] === undefined;
}

/** The schema node describing the value at pointer, following properties and items. */
export function schemaAt(root: JsonSchema, pointer: string): JsonSchema | undefined {
  let node: JsonSchema | undefined = root;
  for (const key of pointer === '' ? [] : pointer.slice(1).split('/')) {
    if (!node) return undefined;
    const k = key.replace(/~1/g, '/').replace(/~0/g, '~');
    const items: JsonSchema | undefined = deref(node, root).items;
    if (items && /^\d+$/.test(k)) node = deref(items, root);
    // also through $ref and conditional branches (then/else, dependentSchemas, oneOf)
    else node = propertySchema(node, k, root);
  }
  return node;
}
