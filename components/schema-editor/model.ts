// Edits of a definition's schema as pure functions: each takes a schema and returns a new one
// (never mutating), so undo is a stack of snapshots and the preview sees a new object.
// A field is addressed by its path of property keys from the root (nested through "properties").
import type { JsonSchema } from '../core/index.js';

export type FieldPath = readonly string[];

/** The kinds of field an administrator picks from; each maps to schema keywords. */
export const FIELD_KINDS = ['string', 'textarea', 'number', 'integer', 'boolean', 'date', 'select', 'multiselect', 'object'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export interface FieldOption {
  readonly value: string;
  readonly zh: string;
  readonly en: string;
}

export interface GroupDef {
  readonly key: string;
  readonly zh: string;
  readonly en: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A property key an administrator may choose: what JSON Logic `var` paths and columns can name. */
export const KEY_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

export function fieldAt(schema: JsonSchema, path: FieldPath): JsonSchema | undefined {
  let node: JsonSchema | undefined = schema;
  for (const key of path) {
    const props: Obj | undefined = isObj(node?.properties) ? (node.properties as Obj) : undefined;
    const next: unknown = props?.[key];
    node = isObj(next) ? (next as JsonSchema) : undefined;
    if (!node) return undefined;
  }
  return node;
}

/** Replaces the node at path by what `edit` returns, copying only the nodes along the path. */
function updateAt(schema: JsonSchema, path: FieldPath, edit: (node: JsonSchema) => JsonSchema): JsonSchema {
  if (path.length === 0) return edit(schema);
  const [head, ...rest] = path as [string, ...string[]];
  const props = { ...(schema.properties ?? {}) };
  const child = props[head];
  if (!child) return schema;
  props[head] = updateAt(child, rest, edit);
  return { ...schema, properties: props };
}

/** The parent path and the key of a field. */
function split(path: FieldPath): [FieldPath, string] {
  return [path.slice(0, -1), path[path.length - 1] ?? ''];
}

/** Child fields of an object node in display order (x-order, then declaration). */
export function childKeys(node: JsonSchema | undefined): string[] {
  const props = node?.properties;
  if (!isObj(props)) return [];
  return Object.entries(props)
    .map(([k, v], i) => ({ k, i, order: isObj(v) && typeof v['x-order'] === 'number' ? (v['x-order'] as number) : Infinity }))
    .sort((a, b) => (a.order === b.order ? a.i - b.i : a.order - b.order))
    .map((x) => x.k);
}

/** What kind of field a node is, for the inspector's type select. */
export function kindOf(node: JsonSchema): FieldKind {
  const type = Array.isArray(node.type) ? node.type.find((t) => t !== 'null') : node.type;
  if (type === 'array') return 'multiselect';
  if (type === 'object' || (!type && node.properties)) return 'object';
  if (type === 'boolean') return 'boolean';
  if (type === 'integer') return 'integer';
  if (type === 'number') return 'number';
  if (Array.isArray(node.oneOf) || Array.isArray(node.enum)) return 'select';
  if (node.format === 'date') return 'date';
  if (node['x-widget'] === 'textarea') return 'textarea';
  return 'string';
}

/** The schema of a new field of a kind, keeping titles and help of the old node when re-typed. */
function nodeOfKind(kind: FieldKind, keep: JsonSchema = {}): JsonSchema {
  const texts: JsonSchema = {};
  for (const k of ['title', 'x-title-en', 'description', 'x-description-en', 'x-help', 'x-help-en', 'x-order', 'x-group', 'x-visible', 'x-column']) {
    if (keep[k] !== undefined) texts[k] = keep[k];
  }
  const options = optionsOf(keep);
  const someOptions = options.length > 0 ? options : [{ value: 'a', zh: '选项一', en: 'Option 1' }];
  switch (kind) {
    case 'string':
      return { type: 'string', ...texts };
    case 'textarea':
      return { type: 'string', 'x-widget': 'textarea', ...texts };
    case 'number':
      return { type: 'number', ...texts };
    case 'integer':
      return { type: 'integer', ...texts };
    case 'boolean':
      return { type: 'boolean', ...texts };
    case 'date':
      return { type: 'string', format: 'date', ...texts };
    case 'select':
      return { type: 'string', ...texts, oneOf: optionNodes(someOptions) };
    case 'multiselect':
      return { type: 'array', uniqueItems: true, 'x-widget': 'checkboxes', ...texts, items: { type: 'string', oneOf: optionNodes(someOptions) } };
    case 'object':
      return { type: 'object', ...texts, properties: isObj(keep.properties) ? keep.properties : {} };
  }
}

function optionNodes(options: readonly FieldOption[]): JsonSchema[] {
  return options.map((o) => ({ const: o.value, title: o.zh, ...(o.en ? { 'x-title-en': o.en } : {}) }));
}

/** The labelled options of a select or multiselect field. */
export function optionsOf(node: JsonSchema): FieldOption[] {
  const host = kindOf(node) === 'multiselect' && isObj(node.items) ? (node.items as JsonSchema) : node;
  if (Array.isArray(host.oneOf)) {
    return host.oneOf.filter(isObj).map((b) => ({
      value: String(b['const'] ?? ''),
      zh: typeof b['title'] === 'string' ? b['title'] : '',
      en: typeof b['x-title-en'] === 'string' ? b['x-title-en'] : '',
    }));
  }
  if (Array.isArray(host.enum)) return host.enum.map((v) => ({ value: String(v), zh: String(v), en: '' }));
  return [];
}

export function setOptions(schema: JsonSchema, path: FieldPath, options: readonly FieldOption[]): JsonSchema {
  return updateAt(schema, path, (node) => {
    if (kindOf(node) === 'multiselect') {
      const items = { ...(isObj(node.items) ? node.items : { type: 'string' }) } as JsonSchema;
      delete items.enum;
      return { ...node, items: { ...items, oneOf: optionNodes(options) } };
    }
    const next = { ...node, oneOf: optionNodes(options) };
    delete next.enum;
    return next;
  });
}

export function setKind(schema: JsonSchema, path: FieldPath, kind: FieldKind): JsonSchema {
  return updateAt(schema, path, (node) => (kindOf(node) === kind ? node : nodeOfKind(kind, node)));
}

/**
 * Sets (or, with undefined or '', removes) keywords of a field. Numbers arrive as numbers;
 * the caller parses what the administrator typed.
 */
export function setKeywords(schema: JsonSchema, path: FieldPath, patch: Readonly<Record<string, unknown>>): JsonSchema {
  return updateAt(schema, path, (node) => {
    const next: JsonSchema = { ...node };
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') delete next[k];
      else next[k] = v;
    }
    return next;
  });
}

export function isRequired(schema: JsonSchema, path: FieldPath): boolean {
  const [parentPath, key] = split(path);
  const parent = fieldAt(schema, parentPath);
  return Array.isArray(parent?.required) && parent.required.includes(key);
}

export function setRequired(schema: JsonSchema, path: FieldPath, required: boolean): JsonSchema {
  const [parentPath, key] = split(path);
  return updateAt(schema, parentPath, (parent) => {
    const list = (Array.isArray(parent.required) ? parent.required : []).filter((k) => k !== key);
    if (required) list.push(key);
    const next: JsonSchema = { ...parent, required: list };
    if (list.length === 0) delete next.required;
    return next;
  });
}

/** Problems with a new field's key, in both languages; null when it can be added. */
export function keyProblem(schema: JsonSchema, parentPath: FieldPath, key: string): { zh: string; en: string } | null {
  if (!KEY_PATTERN.test(key)) {
    return { zh: '字段标识须以小写字母开头，只含小写字母、数字和下划线（最多 64 个字符）', en: 'A field key starts with a lowercase letter and has only lowercase letters, digits and underscores (at most 64)' };
  }
  if (fieldAt(schema, [...parentPath, key])) return { zh: `已有字段 ${key}`, en: `There already is a field ${key}` };
  return null;
}

export function addField(schema: JsonSchema, parentPath: FieldPath, key: string, kind: FieldKind, zh: string, en: string): JsonSchema {
  return updateAt(schema, parentPath, (parent) => {
    const keys = childKeys(parent);
    const last = keys.length > 0 ? parent.properties?.[keys[keys.length - 1]!]?.['x-order'] : 0;
    const order = (typeof last === 'number' ? last : keys.length) + 1;
    const node: JsonSchema = { ...nodeOfKind(kind), title: zh, ...(en ? { 'x-title-en': en } : {}), 'x-order': order };
    return { ...parent, properties: { ...(parent.properties ?? {}), [key]: node } };
  });
}

export function removeField(schema: JsonSchema, path: FieldPath): JsonSchema {
  const [parentPath, key] = split(path);
  const without = updateAt(schema, parentPath, (parent) => {
    const props = { ...(parent.properties ?? {}) };
    delete props[key];
    return { ...parent, properties: props };
  });
  return setRequired(without, path, false);
}

/** Moves a field up (-1) or down (+1) among its siblings; x-order is renumbered 1..n. */
export function moveField(schema: JsonSchema, path: FieldPath, delta: -1 | 1): JsonSchema {
  const [parentPath, key] = split(path);
  return updateAt(schema, parentPath, (parent) => {
    const keys = childKeys(parent);
    const i = keys.indexOf(key);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= keys.length) return parent;
    [keys[i], keys[j]] = [keys[j]!, keys[i]!];
    const props: Record<string, JsonSchema> = {};
    keys.forEach((k, n) => {
      props[k] = { ...parent.properties![k]!, 'x-order': n + 1 };
    });
    return { ...parent, properties: props };
  });
}

// ── groups (x-groups on the root, x-group on a top-level field) ─────────────────────────

export function groupsOf(schema: JsonSchema): GroupDef[] {
  const list = schema['x-groups'];
  if (!Array.isArray(list)) return [];
  return list.filter(isObj).map((g) => ({
    key: String(g['key'] ?? ''),
    zh: typeof g['title'] === 'string' ? g['title'] : '',
    en: typeof g['x-title-en'] === 'string' ? g['x-title-en'] : '',
  }));
}

export function setGroups(schema: JsonSchema, groups: readonly GroupDef[]): JsonSchema {
  const next: JsonSchema = { ...schema, 'x-groups': groups.map((g) => ({ key: g.key, title: g.zh, ...(g.en ? { 'x-title-en': g.en } : {}) })) };
  if (groups.length === 0) delete next['x-groups'];
  // a field of a removed group falls back to no group
  const keys = new Set(groups.map((g) => g.key));
  const props = { ...(next.properties ?? {}) };
  for (const [k, v] of Object.entries(props)) {
    if (typeof v['x-group'] === 'string' && !keys.has(v['x-group'])) {
      const copy = { ...v };
      delete copy['x-group'];
      props[k] = copy;
    }
  }
  return { ...next, properties: props };
}

// ── cross-field rules (x-rules on the root) ─────────────────────────────────────────────

export interface RuleDef {
  readonly rule: unknown;
  readonly zh: string;
  readonly en: string;
  /** Dotted path of the field the message is shown at; empty for the record. */
  readonly path: string;
}

export function rulesOf(schema: JsonSchema): RuleDef[] {
  const list = schema['x-rules'];
  if (!Array.isArray(list)) return [];
  return list.filter(isObj).map((r) => {
    const message = r['message'];
    const m = isObj(message) ? message : {};
    return {
      rule: r['rule'],
      zh: typeof m['zh-CN'] === 'string' ? m['zh-CN'] : typeof message === 'string' ? message : '',
      en: typeof m['en'] === 'string' ? m['en'] : '',
      path: typeof r['path'] === 'string' ? r['path'] : '',
    };
  });
}

export function setRules(schema: JsonSchema, rules: readonly RuleDef[]): JsonSchema {
  const next: JsonSchema = {
    ...schema,
    'x-rules': rules.map((r) => ({ rule: r.rule, message: { 'zh-CN': r.zh, en: r.en }, ...(r.path ? { path: r.path } : {}) })),
  };
  if (rules.length === 0) delete next['x-rules'];
  return next;
}

/** Every leaf field (not object) as [dotted path, title], for rule and formula pickers. */
export function leafFields(schema: JsonSchema, prefix: FieldPath = []): { path: string; title: string; kind: FieldKind }[] {
  const node = fieldAt(schema, prefix);
  const out: { path: string; title: string; kind: FieldKind }[] = [];
  for (const key of childKeys(node)) {
    const child = node!.properties![key]!;
    const path = [...prefix, key];
    if (kindOf(child) === 'object') out.push(...leafFields(schema, path));
    else out.push({ path: path.join('.'), title: typeof child.title === 'string' ? child.title : key, kind: kindOf(child) });
  }
  return out;
}

// ── extending a definition for a new industry ───────────────────────────────────────────

/** The schema of a new definition that extends `base`: a deep copy with its own $id and title. */
export function extendSchema(base: JsonSchema, key: string, zh: string, en: string): JsonSchema {
  const copy = structuredClone(base) as Obj;
  copy['$id'] = `https://azx.demo/schemas/${key}.json`;
  copy['title'] = zh;
  if (en) copy['x-title-en'] = en;
  else delete copy['x-title-en'];
  return copy as JsonSchema;
}
