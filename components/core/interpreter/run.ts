// Evaluating one (sub)schema against one value: the loop every keyword calls back into.
import type { Ctx, Ev, SchemaNode } from './types.js';

/** Validate d against schema s (a boolean or a prepared object) at instance path `at`. */
export function run(c: Ctx, s: unknown, path: string, d: unknown, at: string, ev: Ev | null): boolean {
  if (s === true) return true;
  if (s === false) {
    c.errs.push({ instancePath: at, schemaPath: path + '/false schema', keyword: 'false schema', params: {} });
    return false;
  }
  const n = c.doc.nodes.get(s as object) as SchemaNode;
  if (c.doc.track && !ev) ev = newEv();
  // The dynamic scope ($dynamicRef) is the chain of resources evaluation went through.
  const enter = c.doc.dynamic && c.scope[c.scope.length - 1] !== n.base;
  if (enter) c.scope.push(n.base);
  let ok = true;
  for (const step of n.steps) if (!step(c, n, d, at, ev)) ok = false;
  if (enter) c.scope.pop();
  return ok;
}

export function fail(c: Ctx, n: SchemaNode, at: string, keyword: string, params: Record<string, unknown>, kwPath = keyword): false {
  c.errs.push({ instancePath: at, schemaPath: `${n.path}/${kwPath}`, keyword, params });
  return false;
}

export const newEv = (): Ev => ({ props: new Set(), allProps: false, items: 0, itemSet: new Set(), allItems: false });

/** Annotations of a subschema that passed join those of the schema that applied it. */
export function merge(to: Ev | null, from: Ev | null): void {
  if (!to || !from) return;
  for (const p of from.props) to.props.add(p);
  for (const i of from.itemSet) to.itemSet.add(i);
  to.allProps ||= from.allProps;
  to.allItems ||= from.allItems;
  if (from.items > to.items) to.items = from.items;
}

/** Apply a subschema in place (allOf, $ref, if …): its annotations count only if it passes. */
export function inPlace(c: Ctx, s: unknown, path: string, d: unknown, at: string, ev: Ev | null): boolean {
  const sub = ev && newEv();
  const ok = run(c, s, path, d, at, sub);
  if (ok) merge(ev, sub);
  return ok;
}

/** A JSON Pointer step (Ajv's instancePath and schemaPath escaping). */
export const esc = (k: string | number): string => '/' + String(k).replace(/~/g, '~0').replace(/\//g, '~1');

/** A step of a schemaPath, URI-escaped as Ajv writes it. */
export const escS = (k: string | number): string => '/' + encodeURIComponent(esc(k).slice(1));

export const isObj = (d: unknown): d is Record<string, unknown> => typeof d === 'object' && d !== null && !Array.isArray(d);

export const has = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
