// Object keywords. Property checks use own properties ("toString" is not present in {}).
import { esc, escS, fail, has, inPlace, run } from '../run.js';
import type { Ctx, Ev, Json, SchemaNode, Step } from '../types.js';

const keys = (d: unknown): string[] => Object.keys(d as Json);
const count = (d: unknown): number => keys(d).length;

/** Whether additionalProperties leaves key alone (properties or patternProperties cover it). */
function covered(s: Json, pp: [RegExp, string][] | undefined, k: string): boolean {
  return (typeof s.properties === 'object' && has(s.properties as Json, k)) || !!pp?.some(([re]) => re.test(k));
}

export const object: Record<string, Step> = {
  maxProperties: (c, n, d, at) => count(d) <= (n.s.maxProperties as number) || fail(c, n, at, 'maxProperties', { limit: n.s.maxProperties }),
  minProperties: (c, n, d, at) => count(d) >= (n.s.minProperties as number) || fail(c, n, at, 'minProperties', { limit: n.s.minProperties }),
  required: (c, n, d, at) => {
    let ok = true;
    for (const p of n.s.required as string[]) if (!has(d as Json, p)) ok = fail(c, n, at, 'required', { missingProperty: p });
    return ok;
  },
  propertyNames: (c, n, d, at) => {
    let ok = true;
    for (const k of keys(d)) {
      const before = c.errs.length;
      if (run(c, n.s.propertyNames, n.path + '/propertyNames', k, at, null)) continue;
      for (let i = before; i < c.errs.length; i++) c.errs[i]!.propertyName = k;
      ok = fail(c, n, at, 'propertyNames', { propertyName: k });
    }
    return ok;
  },
  additionalProperties: (c, n, d, at, ev) => {
    const s = n.s.additionalProperties;
    let ok = true;
    for (const k of keys(d)) {
      if (covered(n.s, n.pp, k)) continue;
      ev?.props.add(k);
      if (s === false) ok = fail(c, n, at, 'additionalProperties', { additionalProperty: k });
      else if (!run(c, s, n.path + '/additionalProperties', (d as Json)[k], at + esc(k), null)) ok = false;
    }
    return ok;
  },
  properties: (c, n, d, at, ev) => {
    const props = n.s.properties as Json;
    let ok = true;
    for (const [k, step, path] of n.props!) {
      if (!has(d as Json, k)) continue;
      ev?.props.add(k);
      if (!run(c, props[k], path, (d as Json)[k], at + step, null)) ok = false;
    }
    return ok;
  },
  patternProperties: (c, n, d, at, ev) => {
    let ok = true;
    for (const k of keys(d))
      for (const [re, p] of n.pp!) {
        if (!re.test(k)) continue;
        ev?.props.add(k);
        const s = (n.s.patternProperties as Json)[p];
        if (!run(c, s, `${n.path}/patternProperties${escS(p)}`, (d as Json)[k], at + esc(k), null)) ok = false;
      }
    return ok;
  },
  dependentRequired: (c, n, d, at) => requires(c, n, d as Json, at, n.s.dependentRequired as Json, 'dependentRequired'),
  dependentSchemas: (c, n, d, at, ev) => inPlaceFor(c, n, d as Json, at, ev, n.s.dependentSchemas as Json, 'dependentSchemas'),
  // draft-07's keyword, which Ajv keeps in every draft: lists of names first, then schemas
  dependencies: (c, n, d, at, ev) => {
    const deps = n.s.dependencies as Json;
    const lists: Json = {};
    const schemas: Json = {};
    for (const k in deps) (Array.isArray(deps[k]) ? lists : schemas)[k] = deps[k];
    const ok = requires(c, n, d as Json, at, lists, 'dependencies');
    return inPlaceFor(c, n, d as Json, at, ev, schemas, 'dependencies') && ok;
  },
  unevaluatedProperties: (c, n, d, at, ev) => {
    const s = n.s.unevaluatedProperties;
    if (!ev || ev.allProps) return true;
    let ok = true;
    for (const k of keys(d)) {
      if (ev.props.has(k)) continue;
      if (s === false) ok = fail(c, n, at, 'unevaluatedProperties', { unevaluatedProperty: k });
      else if (!run(c, s, n.path + '/unevaluatedProperties', (d as Json)[k], at + esc(k), null)) ok = false;
    }
    ev.allProps = true;
    return ok;
  },
};

/** Each listed property present requires the properties of its list. */
function requires(c: Ctx, n: SchemaNode, d: Json, at: string, deps: Json, kw: string): boolean {
  let ok = true;
  for (const property in deps) {
    const list = deps[property] as string[];
    if (!has(d, property)) continue;
    for (const m of list) if (!has(d, m)) ok = fail(c, n, at, kw, { property, missingProperty: m, depsCount: list.length, deps: list.join(', ') });
  }
  return ok;
}

/** Each listed property present applies its schema to the whole object. */
function inPlaceFor(c: Ctx, n: SchemaNode, d: Json, at: string, ev: Ev | null, deps: Json, kw: string): boolean {
  let ok = true;
  for (const p in deps) if (has(d, p) && !inPlace(c, deps[p], `${n.path}/${kw}${escS(p)}`, d, at, ev)) ok = false;
  return ok;
}
