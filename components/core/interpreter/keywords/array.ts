// Array keywords, errors shaped and ordered as Ajv's allErrors mode reports them.
import { equal } from '../equal.js';
import { fail, run } from '../run.js';
import type { Ctx, Ev, SchemaNode, Step } from '../types.js';
import { isType } from './generic.js';

const always = (s: unknown): boolean => s === true || (typeof s === 'object' && s !== null && Object.keys(s).length === 0);

export const array: Record<string, Step> = {
  maxItems: (c, n, d, at) => (d as unknown[]).length <= (n.s.maxItems as number) || fail(c, n, at, 'maxItems', { limit: n.s.maxItems }),
  minItems: (c, n, d, at) => (d as unknown[]).length >= (n.s.minItems as number) || fail(c, n, at, 'minItems', { limit: n.s.minItems }),
  prefixItems: (c, n, d, at, ev) => tuple(c, n, d as unknown[], at, ev, n.s.prefixItems as unknown[], 'prefixItems'),
  items: (c, n, d, at, ev) => {
    const a = d as unknown[];
    const s = n.s.items;
    // draft-07 and 2019-09: an array of schemas is a tuple (additionalItems says what follows)
    if (Array.isArray(s)) return tuple(c, n, a, at, ev, s, 'items');
    const from = c.doc.draft === '2020' && Array.isArray(n.s.prefixItems) ? n.s.prefixItems.length : 0;
    if (ev) ev.allItems = true;
    // after prefixItems, `items: false` is one error for the whole array, as in Ajv
    if (s === false && from) return a.length <= from || fail(c, n, at, 'items', { limit: from });
    return rest(c, n, a, at, s, from, 'items');
  },
  additionalItems: (c, n, d, at, ev) => {
    const a = d as unknown[];
    const s = n.s.additionalItems;
    if (!Array.isArray(n.s.items)) return true;
    const from = n.s.items.length;
    if (ev) ev.allItems = true;
    if (s === false) return a.length <= from || fail(c, n, at, 'additionalItems', { limit: from });
    return rest(c, n, a, at, s, from, 'additionalItems');
  },
  contains: (c, n, d, at, ev) => {
    const a = d as unknown[];
    const s = n.s.contains;
    // draft-07 has no minContains/maxContains
    const newer = c.doc.draft !== '07';
    const min = newer ? ((n.s.minContains as number | undefined) ?? 1) : 1;
    const max = newer ? (n.s.maxContains as number | undefined) : undefined;
    const params = max === undefined ? { minContains: min } : { minContains: min, maxContains: max };
    if (max === undefined && min === 0) return true;
    if (max !== undefined && min > max) return fail(c, n, at, 'contains', params);
    const before = c.errs.length;
    let count = 0;
    let cut = -1;
    if (always(s)) count = a.length;
    else
      for (let i = 0; i < a.length; i++) {
        if (run(c, s, n.path + '/contains', a[i], at + '/' + i, null)) {
          ev?.itemSet.add(i);
          // Ajv stops at the item that goes over maxContains: later items add no errors
          if (++count > (max ?? Infinity) && cut < 0) cut = c.errs.length;
        }
      }
    if (count >= min && (max === undefined || count <= max)) {
      c.errs.length = before;
      return true;
    }
    if (cut >= 0) c.errs.length = cut;
    return fail(c, n, at, 'contains', params);
  },
  uniqueItems: (c, n, d, at) => {
    const a = d as unknown[];
    if (n.s.uniqueItems !== true) return true;
    const it = n.s.items as Record<string, unknown> | undefined;
    const types = typeof it === 'object' && it && it.type !== undefined ? ([] as unknown[]).concat(it.type) as string[] : [];
    // Ajv's two loops, so the pair it reports (params i, j) is the same
    if (types.length && !types.some((t) => t === 'object' || t === 'array')) {
      const seen = new Map<unknown, number>();
      for (let i = a.length; i--; ) {
        if (!types.some((t) => isType(a[i], t))) continue;
        const j = seen.get(a[i]);
        if (j !== undefined) return fail(c, n, at, 'uniqueItems', { i, j });
        seen.set(a[i], i);
      }
      return true;
    }
    for (let i = a.length; i--; ) for (let j = i; j--; ) if (equal(a[i], a[j])) return fail(c, n, at, 'uniqueItems', { i, j });
    return true;
  },
  unevaluatedItems: (c, n, d, at, ev) => {
    const a = d as unknown[];
    const s = n.s.unevaluatedItems;
    if (!ev || ev.allItems) return true;
    let ok = true;
    let reported = false;
    for (let i = ev.items; i < a.length; i++) {
      if (ev.itemSet.has(i)) continue;
      if (s === false) {
        if (!reported) fail(c, n, at, 'unevaluatedItems', { limit: ev.items });
        reported = true;
        ok = false;
      } else if (!run(c, s, n.path + '/unevaluatedItems', a[i], at + '/' + i, null)) ok = false;
    }
    ev.allItems = true;
    return ok;
  },
};


/** The positional schemas of a tuple (prefixItems, or an array under items in older drafts). */
function tuple(c: Ctx, n: SchemaNode, a: unknown[], at: string, ev: Ev | null, p: unknown[], kw: string): boolean {
  const len = Math.min(a.length, p.length);
  let ok = true;
  for (let i = 0; i < len; i++) if (!run(c, p[i], `${n.path}/${kw}/${i}`, a[i], at + '/' + i, null)) ok = false;
  if (ev && len > ev.items) ev.items = len;
  return ok;
}

/** Every item from `from` on against one schema. */
function rest(c: Ctx, n: SchemaNode, a: unknown[], at: string, s: unknown, from: number, kw: string): boolean {
  let ok = true;
  for (let i = from; i < a.length; i++) if (!run(c, s, `${n.path}/${kw}`, a[i], at + '/' + i, null)) ok = false;
  return ok;
}
