// How a node is drawn when it is more than one plain type: a union of branches (anyOf/oneOf of
// anything but constants or objects, a type array, no type at all), a map of free keys, a tuple;
// and the first value of a node the user adds (a map entry, a tuple position, a branch).
import { deref, objectBranches } from './conditional.js';
import { equal } from './interpreter/equal.js';
import type { Locale } from './locale.js';
import { enumOptions, primaryType, schemaText, valueText, type JsonSchema } from './schema.js';
import { uiText, type UiKey } from './ui-text.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Every JSON type, in the order a node without a type offers them. */
const ALL_TYPES = ['string', 'number', 'boolean', 'object', 'array', 'null'];

/** Keywords that give a branch a shape of its own (a branch with none only adds constraints). */
const SHAPE = ['type', 'properties', 'items', 'prefixItems', 'const', 'enum', '$ref', 'additionalProperties', 'patternProperties', 'format'];

const branchCache = new WeakMap<object, JsonSchema[] | null>();

/**
 * The branches a union node chooses between, or undefined when the node is not a union: an
 * anyOf/oneOf (unless all constants, an enum, or all objects, which conditional.ts draws), a
 * type array of several types, or a node with no type and nothing that implies one.
 */
export function unionBranches(schema: JsonSchema, root: JsonSchema): JsonSchema[] | undefined {
  let hit = branchCache.get(schema);
  if (hit === undefined) branchCache.set(schema, (hit = findBranches(schema, root) ?? null));
  return hit ?? undefined;
}

function findBranches(schema: JsonSchema, root: JsonSchema): JsonSchema[] | undefined {
  if ('const' in schema || Array.isArray(schema.enum)) return undefined;
  const list = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(list) && list.length && enumOptions(schema, 'zh-CN') === undefined && !objectBranches(schema)) {
    const resolved = list.map((b) => (isObj(b) ? deref(b as JsonSchema, root) : b === false ? undefined : {}));
    if (resolved.some((b) => b && SHAPE.some((k) => k in b))) {
      // the node's own keywords (its title, its type) apply to every branch; the branch's win
      const { oneOf: _o, anyOf: _a, title: _t, description: _d, 'x-title-en': _e, ...own } = schema;
      return resolved.flatMap((b) => (b ? [{ ...own, ...b }] : []));
    }
    return undefined;
  }
  const types = schema.type === undefined ? (primaryType(schema) ? [] : ALL_TYPES) : ([] as unknown[]).concat(schema.type);
  if (schema.nullable === true && types.length === 1) types.push('null');
  if (types.length < 2) return undefined;
  // the node's title names the field, not each type
  const { title: _t, description: _d, 'x-title-en': _e, nullable: _n, ...own } = schema;
  return types.map((t) => ({ ...own, type: t as string }));
}

/** The word for each JSON type (ui-text.ts). */
const TYPE_WORDS: Record<string, UiKey> = {
  string: 'typeString',
  number: 'typeNumber',
  integer: 'typeInteger',
  boolean: 'typeBoolean',
  object: 'typeObject',
  array: 'typeArray',
  null: 'typeNull',
};

/** What a branch is called in a choice: its title, its constant, the name it is referred by, its type, its fields. */
export function branchLabel(branch: JsonSchema, index: number, locale: Locale): string {
  const title = schemaText(branch, 'title', locale);
  if (title) return title;
  if ('const' in branch) return valueText(branch.const, locale);
  if (typeof branch.$ref === 'string') return decodeURIComponent(branch.$ref.slice(branch.$ref.lastIndexOf('/') + 1));
  const key = TYPE_WORDS[typeof branch.type === 'string' ? branch.type : ''];
  const word = key && uiText(locale, key);
  const fields = Object.keys(branch.properties ?? {}).slice(0, 3);
  if (fields.length) return (word ? word + ': ' : '') + fields.join(', ');
  return word || uiText(locale, 'option', { n: index + 1 });
}

/** JSON type of a value, as a schema names it ('integer' for whole numbers). */
function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** Whether a branch's declared (or implied) type admits a value of this JSON type. */
function admits(branch: JsonSchema, t: string): boolean {
  if ('const' in branch) return typeOf(branch.const) === t || (t === 'integer' && typeOf(branch.const) === 'number');
  const declared = branch.type === undefined ? primaryType(branch) : undefined;
  const types = branch.type === undefined ? (declared ? [declared] : ALL_TYPES) : ([] as unknown[]).concat(branch.type);
  return types.includes(t) || (t === 'integer' && types.includes('number'));
}

const picked = new WeakMap<object, Map<string, number>>();

/** Remember the branch the user picked at pointer, where the value cannot tell it yet. */
export function pickUnionBranch(branches: JsonSchema[], pointer: string, index: number): void {
  (picked.get(branches) ?? picked.set(branches, new Map()).get(branches)!).set(pointer, index);
}

/**
 * Which branch the value is in: an equal constant, else the one the user picked here if the value
 * fits it, else the first one `matches` (the validator) accepts, else the first whose type admits
 * the value, else the first.
 */
export function unionBranch(branches: JsonSchema[], value: unknown, pointer: string, matches: (b: JsonSchema) => boolean): number {
  const c = branches.findIndex((b) => 'const' in b && equal(b.const, value));
  if (c >= 0) return c;
  const t = typeOf(value);
  const chosen = picked.get(branches)?.get(pointer);
  if (chosen !== undefined && (value === undefined || admits(branches[chosen]!, t))) return chosen;
  if (value === undefined) return 0;
  const ok = branches.findIndex((b) => admits(b, t) && matches(b));
  if (ok >= 0) return ok;
  const typed = branches.findIndex((b) => admits(b, t));
  return typed >= 0 ? typed : 0;
}

// ---- maps -----------------------------------------------------------------------------------

const patterns = new Map<string, RegExp | null>();
function patternOf(p: string): RegExp | null {
  let re = patterns.get(p);
  if (re === undefined) {
    try {
      re = new RegExp(p, 'u');
    } catch {
      re = null;
    }
    patterns.set(p, re);
  }
  return re;
}

/**
 * Whether an object node takes keys of the user's choosing: `patternProperties`, an
 * `additionalProperties` that is a schema or true, or no declared properties at all.
 */
export function takesFreeKeys(schema: JsonSchema): boolean {
  if (isObj(schema.patternProperties) && Object.keys(schema.patternProperties).length) return true;
  const extra = schema.additionalProperties;
  if (extra === false) return false;
  return isObj(extra) || extra === true || !isObj(schema.properties) || Object.keys(schema.properties).length === 0;
}

/** The schema of a free key's value: the first patternProperties that matches, else additionalProperties. */
export function freeKeySchema(schema: JsonSchema, key: string): JsonSchema {
  for (const [p, s] of Object.entries(isObj(schema.patternProperties) ? schema.patternProperties : {})) {
    if (patternOf(p)?.test(key)) return isObj(s) ? (s as JsonSchema) : {};
  }
  return isObj(schema.additionalProperties) ? (schema.additionalProperties as JsonSchema) : {};
}

// ---- tuples ---------------------------------------------------------------------------------

/** The positional schemas of a tuple (prefixItems, or an array under items in older drafts) and what may follow. */
export function tupleOf(schema: JsonSchema): { positions: unknown[]; rest: unknown } | undefined {
  if (Array.isArray(schema.prefixItems)) return { positions: schema.prefixItems, rest: schema.items ?? true };
  if (Array.isArray(schema.items)) return { positions: schema.items, rest: schema.additionalItems ?? true };
  return undefined;
}

// ---- first values ---------------------------------------------------------------------------

/** A value to start from when the user adds a node: its default, constant or first option, else an empty one of its type. */
export function blankValue(schema: unknown, root: JsonSchema): unknown {
  if (!isObj(schema)) return '';
  const s = deref(schema as JsonSchema, root);
  if (s.default !== undefined) return structuredClone(s.default);
  if ('const' in s) return structuredClone(s.const);
  const options = enumOptions(s, 'zh-CN');
  if (options?.length) return structuredClone(options[0]!.value);
  const branches = unionBranches(s, root);
  if (branches) return blankValue(branches[0], root);
  switch (primaryType(s)) {
    case 'number':
    case 'integer':
      return typeof s.minimum === 'number' ? s.minimum : 0;
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'object':
      return {};
    case 'array':
      return [];
    default:
      return '';
  }
}
