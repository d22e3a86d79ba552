// Object keywords. Property checks use own properties ("toString" is not present in {}).
import { esc, escS, fail, has, inPlace, run } from '../run.js';
import type { Json, Step } from '../types.js';

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
  dependentRequired: (c, n, d, at) => {
    let ok = true;
    const deps = n.s.dependentRequired as Record<string, string[]>;
    for (const property in deps) {
      const list = deps[property]!;
      if (!has(d as Json, property)) continue;
      for (const m of list)
        if (!has(d as Json, m)) ok = fail(c, n, at, 'dependentRequired', { property, missingProperty: m, depsCount: list.length, deps: list.join(', ') });
    }
    return ok;
  },
  dependentSchemas: (c, n, d, at, ev) => {
    let ok = true;
    const deps = n.s.dependentSchemas as Json;
    for (const p in deps) if (has(d as Json, p) && !inPlace(c, deps[p], `${n.path}/dependentSchemas${escS(p)}`, d, at, ev)) ok = false;
    return ok;
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
