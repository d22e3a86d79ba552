// The applicators that change a record's shape with its value: $ref/$defs, allOf, if/then/else,
// dependentSchemas, dependentRequired (draft-07's dependencies) and oneOf/anyOf of objects. For one object node and its
// current value they yield the "effective" schema: plain properties and required, nothing
// conditional left, so the ordinary renderers draw it. Properties declared only in a branch that
// does not apply are hidden: logic.settle removes them from the value, as it does for x-visible.
import type { JsonSchema } from './schema.js';
import { matcher } from './validator.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

const REFS = ['$ref', '$recursiveRef', '$dynamicRef'] as const;
const CONDITIONAL = [...REFS, 'allOf', 'if', 'dependentSchemas', 'dependentRequired', 'dependencies'] as const;

/** The fixed value a branch's property stands for: its `const`, or an `enum` of one (RJSF's style). */
function fixedOf(p: JsonSchema): { value: unknown } | undefined {
  if ('const' in p) return { value: p.const };
  return Array.isArray(p.enum) && p.enum.length === 1 ? { value: p.enum[0] } : undefined;
}

/** Keywords an applied subschema lends the node where the node has none (an allOf of $refs gives the type). */
const LENT = ['type', 'items', 'prefixItems', 'additionalProperties', 'patternProperties', 'format', 'enum', 'const', 'default', 'title', 'description'];

/** The object branches of a oneOf/anyOf (a list of `const` is an enum, not a choice). */
export function objectBranches(schema: JsonSchema): JsonSchema[] | undefined {
  const list = schema.oneOf ?? schema.anyOf;
  if (!Array.isArray(list) || list.length === 0) return undefined;
  if (list.every((b) => isObj(b) && 'const' in b)) return undefined;
  return list.every((b) => isObj(b) && (b.type === 'object' || isObj(b.properties) || typeof b.$ref === 'string'))
    ? list
    : undefined;
}

/** True when the node needs resolving before the ordinary renderers can draw it. */
export function isConditional(schema: JsonSchema): boolean {
  return CONDITIONAL.some((k) => k in schema) || objectBranches(schema) !== undefined;
}

/**
 * `$ref` to `#/...` resolved against root; keywords beside the `$ref` win over the target's. A
 * `$recursiveRef` or `$dynamicRef` is drawn as its static target (the validator follows the
 * dynamic scope; a form of one document draws the same shape).
 */
export function deref(schema: JsonSchema, root: JsonSchema, depth = 0): JsonSchema {
  const key = REFS.find((k) => typeof schema[k] === 'string');
  const ref = key && (schema[key] as string);
  if (!ref || !ref.startsWith('#') || depth > 32) return schema;
  let target: unknown = root;
  for (const raw of ref.slice(1).split('/').filter(Boolean)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    target = isObj(target) ? target[key] : undefined;
  }
  if (!isObj(target)) return schema;
  const { [key]: _ref, ...siblings } = schema;
  return { ...deref(target as JsonSchema, root, depth + 1), ...siblings };
}

/** The property that is a `const` (or an `enum` of one) in every branch (a discriminator), if there is one. */
export function discriminator(branches: JsonSchema[], root: JsonSchema): string | undefined {
  const resolved = branches.map((b) => deref(b, root));
  const first = resolved[0]?.properties ?? {};
  return Object.keys(first).find((k) =>
    resolved.every((b) => {
      const p = b.properties?.[k];
      return isObj(p) && fixedOf(deref(p, root)) !== undefined;
    }),
  );
}

/** The discriminator's value in a branch. */
const fixedIn = (b: JsonSchema, disc: string, root: JsonSchema): unknown => fixedOf(deref(deref(b, root).properties![disc]!, root))!.value;

/** Which branch a value is in: by the discriminator, else the first it satisfies, else the first. */
export function chosenBranch(branches: JsonSchema[], value: unknown, root: JsonSchema): number {
  const disc = discriminator(branches, root);
  const v = isObj(value) ? value : {};
  if (disc !== undefined) {
    const i = branches.findIndex((b) => fixedIn(b, disc, root) === v[disc]);
    return i >= 0 ? i : 0;
  }
  // without a discriminator: the branch most of whose own fields are filled, then the last one
  // picked (a choice the value cannot show yet), then the first the value satisfies
  const scores = branches.map((b) => Object.keys(deref(b, root).properties ?? {}).filter((k) => k in v).length);
  const best = Math.max(...scores);
  const tied = scores.flatMap((s, i) => (s === best ? [i] : []));
  if (tied.length === 1) return tied[0]!;
  const picked = lastPicked.get(branches);
  if (picked !== undefined && tied.includes(picked)) return picked;
  const i = tied.find((t) => matches(branches[t]!, v, root));
  return i ?? tied[0] ?? 0;
}

const lastPicked = new WeakMap<object, number>();

/** Remember the branch the user picked where the value cannot tell it yet. */
export function pickBranch(branches: JsonSchema[], index: number): void {
  lastPicked.set(branches, index);
}

function matches(schema: JsonSchema, value: unknown, root: JsonSchema): boolean {
  return matcher(schema, root)(value);
}

/** The node with its applicators applied to value: plain properties and required only. */
export function effectiveSchema(node: JsonSchema, value: unknown, root: JsonSchema, depth = 0): JsonSchema {
  const n = deref(node, root);
  if (depth > 16) return n;
  const { $ref: _r, allOf, if: cond, then: yes, else: no, dependentSchemas, dependentRequired, dependencies, ...rest } = n;
  const out: JsonSchema = { ...rest, properties: { ...(n.properties ?? {}) }, required: [...(n.required ?? [])] };
  const v = isObj(value) ? value : {};
  const merge = (sub: unknown, lend = LENT) => {
    if (!isObj(sub)) return;
    const e = effectiveSchema(sub as JsonSchema, value, root, depth + 1);
    for (const [k, p] of Object.entries(e.properties ?? {})) {
      const base = out.properties![k];
      out.properties![k] = base ? { ...deref(base, root), ...deref(p, root) } : p;
    }
    for (const r of e.required ?? []) if (!out.required!.includes(r)) out.required!.push(r);
    for (const k of lend) if (out[k] === undefined && e[k] !== undefined) out[k] = e[k];
  };
  if (Array.isArray(allOf)) allOf.forEach((x) => merge(x));
  if (isObj(cond)) merge(matches(cond as JsonSchema, value, root) ? yes : no);
  if (isObj(dependentSchemas)) for (const [k, s] of Object.entries(dependentSchemas)) if (k in v) merge(s);
  // draft-07's dependencies: a list of names acts as dependentRequired, a schema as dependentSchemas
  for (const deps of [dependentRequired, dependencies]) {
    if (!isObj(deps)) continue;
    for (const [k, dep] of Object.entries(deps)) {
      if (!(k in v)) continue;
      if (!Array.isArray(dep)) merge(dep);
      else for (const r of dep) if (typeof r === 'string' && !out.required!.includes(r)) out.required!.push(r);
    }
  }
  const branches = objectBranches(n);
  if (branches) {
    delete out.oneOf;
    delete out.anyOf;
    const chosen = chosenBranch(branches, value, root);
    // the branch's own title names the branch in the choice, not the node
    merge(branches[chosen], LENT.slice(0, -2));
    const disc = discriminator(branches, root);
    // the discriminator becomes a labelled choice between the branches; picking one switches the sub-form
    if (disc !== undefined) {
      const base = n.properties?.[disc] ? deref(n.properties[disc]!, root) : {};
      const options = branches.map((b) => {
        const r = deref(b, root);
        const c = deref(r.properties![disc]!, root);
        const value = fixedIn(b, disc, root);
        return { const: value, title: (c.title as string | undefined) ?? r.title ?? String(value), 'x-title-en': c['x-title-en'] ?? r['x-title-en'] };
      });
      const { const: _c, enum: _e, ...plain } = base;
      out.properties![disc] = {
        'x-order': Number.MIN_SAFE_INTEGER,
        title: n.title ?? disc,
        'x-title-en': n['x-title-en'],
        ...plain,
        oneOf: options,
      };
      if (!out.required!.includes(disc)) out.required!.unshift(disc);
    }
  }
  // a $ref to a scalar stays a scalar
  if (Object.keys(out.properties!).length === 0 && !n.properties) delete out.properties;
  if (out.required!.length === 0 && !n.required) delete out.required;
  return out;
}

/** Every subschema of a node that may declare properties: allOf, then, else, dependentSchemas, oneOf/anyOf. */
function branchSchemas(n: JsonSchema): unknown[] {
  return [
    ...(Array.isArray(n.allOf) ? n.allOf : []),
    n.then,
    n.else,
    ...(isObj(n.dependentSchemas) ? Object.values(n.dependentSchemas) : []),
    ...(isObj(n.dependencies) ? Object.values(n.dependencies).filter(isObj) : []),
    ...(objectBranches(n) ?? []),
  ];
}

/** Every property name an object node could have in some branch. */
function declared(node: JsonSchema, root: JsonSchema, depth = 0): Set<string> {
  const n = deref(node, root);
  const out = new Set(Object.keys(n.properties ?? {}));
  if (depth > 16) return out;
  const subs = branchSchemas(n);
  for (const s of subs) if (isObj(s)) for (const k of declared(s as JsonSchema, root, depth + 1)) out.add(k);
  return out;
}

/**
 * Locations of properties present in value whose branch does not apply: they are hidden, not
 * validated and not submitted. Walks nested objects through the effective schema.
 */
export function inactiveLocations(root: JsonSchema, value: unknown): string[][] {
  const out: string[][] = [];
  const visit = (node: JsonSchema, v: unknown, loc: string[], depth: number) => {
    if (!isObj(v) || depth > 32) return;
    const eff = isConditional(node) ? effectiveSchema(node, v, root) : node;
    if (isConditional(node)) {
      const active = new Set(Object.keys(eff.properties ?? {}));
      for (const k of declared(node, root)) if (!active.has(k) && k in v) out.push([...loc, k]);
    }
    for (const [k, p] of Object.entries(eff.properties ?? {})) if (k in v && isObj(p)) visit(p, v[k], [...loc, k], depth + 1);
  };
  visit(root, value, [], 0);
  return out;
}

const conditionalCache = new WeakMap<object, boolean>();

/** Whether any node of the schema uses an applicator that depends on the value. */
export function hasConditionals(schema: JsonSchema): boolean {
  const hit = conditionalCache.get(schema);
  if (hit !== undefined) return hit;
  const seen = new Set<unknown>();
  const scan = (node: unknown): boolean => {
    if (!isObj(node) && !Array.isArray(node)) return false;
    if (seen.has(node)) return false;
    seen.add(node);
    if (Array.isArray(node)) return node.some(scan);
    if (isConditional(node as JsonSchema)) return true;
    return Object.entries(node).some(([k, v]) => k !== 'const' && k !== 'enum' && k !== 'default' && k !== 'examples' && scan(v));
  };
  const found = scan(schema);
  conditionalCache.set(schema, found);
  return found;
}

/** The schema of property key of an object node, in whichever branch declares it (for labels). */
export function propertySchema(node: JsonSchema, key: string, root: JsonSchema, depth = 0): JsonSchema | undefined {
  const n = deref(node, root);
  const own = n.properties?.[key];
  if (own) return deref(own, root);
  if (depth > 16) return undefined;
  const subs = branchSchemas(n);
  for (const s of subs) {
    const found = isObj(s) ? propertySchema(s as JsonSchema, key, root, depth + 1) : undefined;
    if (found) return found;
  }
  return undefined;
}
