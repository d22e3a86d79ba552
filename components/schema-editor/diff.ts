// What changed between the published version and the draft, field by field, as text for the
// administrator to read before publishing.
import type { JsonSchema } from '../core/index.js';

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface SchemaChange {
  readonly kind: ChangeKind;
  /** Dotted field path, or '' for the definition itself. */
  readonly field: string;
  /** The keyword that changed ('' for a whole field added or removed). */
  readonly keyword: string;
  readonly before: string;
  readonly after: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

function show(v: unknown): string {
  if (v === undefined) return '';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (isObj(v)) return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical(v[k])]));
  return v;
}

/** Changes from `before` to `after`: fields added and removed, keywords changed per field. */
export function diffSchemas(before: JsonSchema | undefined, after: JsonSchema): SchemaChange[] {
  const out: SchemaChange[] = [];
  walk(before ?? {}, after, [], out);
  return out;
}

function walk(before: Obj, after: Obj, path: string[], out: SchemaChange[]): void {
  const field = path.join('.');
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const k of [...keys].sort()) {
    if (k === 'properties') continue;
    if (!same(before[k], after[k])) {
      const kind: ChangeKind = before[k] === undefined ? 'added' : after[k] === undefined ? 'removed' : 'changed';
      out.push({ kind, field, keyword: k, before: show(before[k]), after: show(after[k]) });
    }
  }
  const bp = isObj(before['properties']) ? before['properties'] : {};
  const ap = isObj(after['properties']) ? after['properties'] : {};
  for (const k of new Set([...Object.keys(bp), ...Object.keys(ap)])) {
    const b = bp[k];
    const a = ap[k];
    const childPath = [...path, k].join('.');
    if (b === undefined && isObj(a)) out.push({ kind: 'added', field: childPath, keyword: '', before: '', after: show(a['title'] ?? k) });
    else if (a === undefined && isObj(b)) out.push({ kind: 'removed', field: childPath, keyword: '', before: show(b['title'] ?? k), after: '' });
    else if (isObj(a) && isObj(b)) walk(b, a, [...path, k], out);
  }
}
