/**
 * Keyset paging for PocketBaseStore: a deep page is read as "the rows after this key" rather
 * than with OFFSET. Access rules that read the signed-in user's own fields make PocketBase
 * de-duplicate whole rows (SELECT DISTINCT), so OFFSET 50,000 costs seconds; the server's
 * /api/azx/paging route finds the key at an offset over the sort columns alone, and the rows
 * after it come from the index in a millisecond (bench-ledger: scroll jumps).
 */
import type { FilterScalar } from './store.js';

/** Pages that start this deep are read by key; shallower ones by OFFSET (cheaper than two requests). */
export const KEYSET_FROM_OFFSET = 1000;

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Whether a sort can be paged by key: plain fields, ending with id so one key names one row. */
export function keysetSortable(sort: readonly string[]): boolean {
  const fields = sort.map((s) => s.replace(/^[-+]/, ''));
  return fields.length > 0 && fields.length <= 4 && fields[fields.length - 1] === 'id' && fields.every((f) => FIELD.test(f));
}

/**
 * The filter "after key in this sort", for PocketBase's filter syntax with named params:
 * `a <= :k0 && (a < :k0 || (a = :k0 && id < :k1))` for ["-a", "-id"]. The leading `<=` on the
 * first field is redundant logically; it lets SQLite start the index range at the key.
 */
export function keysetFilter(sort: readonly string[], key: Readonly<Record<string, FilterScalar>>): { expr: string; params: Record<string, FilterScalar> } {
  const params: Record<string, FilterScalar> = {};
  const terms = sort.map((s, i) => {
    const field = s.replace(/^[-+]/, '');
    params[`k${i}`] = key[field] ?? '';
    return { field, after: s.startsWith('-') ? '<' : '>', name: `{:k${i}}` };
  });
  let chain = '';
  for (let i = terms.length - 1; i >= 0; i--) {
    const t = terms[i]!;
    chain = chain ? `${t.field} ${t.after} ${t.name} || (${t.field} = ${t.name} && (${chain}))` : `${t.field} ${t.after} ${t.name}`;
  }
  const first = terms[0]!;
  return { expr: `${first.field} ${first.after}= ${first.name} && (${chain})`, params };
}
