// The part of JSON Schema (2020-12) the renderers read, and small helpers over it.
import { deref, propertySchema } from './conditional.js';
import { isEnglish, type Locale } from './locale.js';
import { childPointer, getAt, setAt } from './pointer.js';
import { translate } from './translations.js';
import { uiText } from './ui-text.js';

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
  items?: JsonSchema | JsonSchema[];
  minItems?: number;
  maxItems?: number;
  'x-widget'?: string;
  'x-order'?: number;
  'x-placeholder'?: string;
  'x-help'?: string;
  [keyword: string]: unknown;
}

/** Keywords that tell a node's type when it declares none (an allOf of $refs, a bare `{ minLength }`). */
const IMPLIED: [string, string[]][] = [
  ['object', ['properties', 'additionalProperties', 'patternProperties', 'propertyNames', 'minProperties', 'maxProperties']],
  ['array', ['items', 'prefixItems', 'contains', 'minItems', 'maxItems', 'uniqueItems']],
  ['string', ['pattern', 'minLength', 'maxLength']],
  ['number', ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf']],
];

/** The one type a renderer should treat the node as ("null" in a union is ignored). */
export function primaryType(schema: JsonSchema): string | undefined {
  const t = schema.type;
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return t.find((x) => x !== 'null');
  return IMPLIED.find(([, kws]) => kws.some((k) => schema[k] !== undefined))?.[0];
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

/**
 * Labelled choices of an enum node: `oneOf`/`anyOf` of `const` + title, or plain `enum` labelled
 * by `x-enum-titles` (`-en`), else by the value itself (an object as its members).
 */
export function enumOptions(schema: JsonSchema, locale: Locale): { value: unknown; label: string }[] | undefined {
  const branches = schema.oneOf ?? schema.anyOf;
  // each branch one value: a `const`, or an `enum` of one (RJSF's "alternatives")
  const one = (b: JsonSchema) => ('const' in b ? { value: b.const } : Array.isArray(b.enum) && b.enum.length === 1 ? { value: b.enum[0] } : undefined);
  if (branches && branches.length > 0 && branches.every((b) => b && one(b))) {
    return branches.map((b) => {
      const { value } = one(b)!;
      return { value, label: schemaText(b, 'title', locale) ?? valueText(value, locale) };
    });
  }
  if (!Array.isArray(schema.enum)) return undefined;
  const titles = (isEnglish(locale) && schema['x-enum-titles-en']) || schema['x-enum-titles'];
  return schema.enum.map((v, i) => ({ value: v, label: (Array.isArray(titles) && typeof titles[i] === 'string' && titles[i]) || valueText(v, locale) }));
}

/** A JSON value as short text: strings as they are, objects as "key: value, …", null as a word. */
export function valueText(v: unknown, locale: Locale): string {
  if (v === null) return uiText(locale, 'typeNull');
  if (Array.isArray(v)) return `[${v.map((x) => valueText(x, locale)).join(', ')}]`;
  if (typeof v === 'object' && v) return Object.entries(v).map(([k, x]) => `${k}: ${valueText(x, locale)}`).join(', ');
  return String(v);
}

/**
 * Value with each absent member that has a `default` filled in, recursively; the same value
 * (not a copy) where nothing was filled.
 */
export function applyDefaults(schema: JsonSchema, value: unknown): unknown {
  if (typeof schema !== 'object' || !schema) return value; // a boolean subschema has no default
  if (value === undefined && schema.default !== undefined) return structuredClone(schema.default);
  const type = primaryType(schema);
  if (type === 'object' && schema.properties) {
    if (value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) return value;
    const base = (value ?? {}) as Record<string, unknown>;
    let obj: Record<string, unknown> | undefined;
    for (const [key, sub] of Object.entries(schema.properties)) {
      const next = applyDefaults(sub, base[key]);
      if (next !== undefined && next !== base[key]) (obj ??= { ...base })[key] = next;
    }
    // An absent nested object stays absent unless something inside has a default.
    // An unticked box means no: a yes/no property of a present object is false until ticked, so a
    // required one is never "missing" (and the value says what the box shows).
    if (value !== undefined || obj) {
      for (const [key, sub] of Object.entries(schema.properties)) {
        if ((obj ?? base)[key] === undefined && isPlainBoolean(sub)) (obj ??= { ...base })[key] = false;
      }
    }
    return obj ?? value;
  }
  const items = schema.items;
  if (type === 'array' && items && typeof items === 'object' && !Array.isArray(items) && Array.isArray(value)) {
    let out: unknown[] | undefined;
    value.forEach((v, i) => {
      const next = applyDefaults(items, v);
      if (next !== v) (out ??= value.slice())[i] = next;
    });
    return out ?? value;
  }
  return value;
}

/** A yes/no property shown as a checkbox (not a constant, a choice of values or a computed one). */
function isPlainBoolean(schema: JsonSchema): boolean {
  if (typeof schema !== 'object' || !schema) return false; // a boolean subschema
  return primaryType(schema) === 'boolean' && schema.const === undefined && schema.enum === undefined && schema['x-compute'] === undefined;
}

/**
 * `defaults="fill"`: the value with its defaults filled in where that adds no problem. All at
 * once when that makes nothing worse, else each filled place alone, kept only if `problems`
 * (the form's validation, as "pointer keyword" keys) finds nothing new: a 3-item default under
 * `minItems: 5` stays out, so filling never turns a valid record invalid.
 */
export function fillDefaults(schema: JsonSchema, value: unknown, problems: (v: unknown) => string[]): unknown {
  const filled = applyDefaults(schema, value);
  if (filled === value) return value;
  let keys = new Set(problems(value));
  const noWorse = (v: unknown) => {
    const next = problems(v);
    return next.some((k) => !keys.has(k)) ? undefined : new Set(next);
  };
  if (noWorse(filled)) return filled;
  let current = value;
  for (const p of added(value, filled, '')) {
    const candidate = setAt(current, p, getAt(filled, p));
    const ok = noWorse(candidate);
    if (ok) [current, keys] = [candidate, ok];
  }
  return current;
}

/** Pointers of the outermost places where `to` has a member `from` lacks. */
function added(from: unknown, to: unknown, at: string): string[] {
  if (from === to || typeof to !== 'object' || to === null) return [];
  if (typeof from !== 'object' || from === null) return [at];
  return Object.keys(to).flatMap((k) => {
    const p = childPointer(at, k);
    const f = (from as Record<string, unknown>)[k];
    return f === undefined ? [p] : added(f, (to as Record<string, unknown>)[k], p);
  });
}

/** The schema node describing the value at pointer, following properties and items. */
export function schemaAt(root: JsonSchema, pointer: string): JsonSchema | undefined {
  let node: JsonSchema | undefined = root;
  for (const key of pointer === '' ? [] : pointer.slice(1).split('/')) {
    if (!node) return undefined;
    const k = key.replace(/~1/g, '/').replace(/~0/g, '~');
    const here = deref(node, root);
    const tuple = Array.isArray(here.prefixItems) ? here.prefixItems : Array.isArray(here.items) ? here.items : undefined;
    const items = tuple?.[Number(k)] ?? (tuple ? (Array.isArray(here.items) ? here.additionalItems : here.items) : here.items);
    if (items && typeof items === 'object' && /^\d+$/.test(k)) node = deref(items as JsonSchema, root);
    // also through $ref and conditional branches (then/else, dependentSchemas, oneOf)
    else node = propertySchema(node, k, root);
  }
  return node;
}
