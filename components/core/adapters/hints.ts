// What the adapters of other libraries' hints (rjsf.ts, formily.ts) share.

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Set a text hint when the other library gave one. */
export function hint(out: Obj, key: string, value: unknown): void {
  if (typeof value === 'string') out[key] = value;
}

/**
 * Positions (x-order) of properties from an ordered list of names, where "*" stands for every
 * property the list does not name (RJSF's ui:order); no list: no positions.
 */
export function orderOf(keys: string[], order: unknown): Map<string, number> {
  if (!Array.isArray(order)) return new Map();
  const star = order.indexOf('*');
  const named = (list: unknown[]) => list.filter((k): k is string => typeof k === 'string' && keys.includes(k));
  const before = named(star < 0 ? order : order.slice(0, star));
  const after = named(star < 0 ? [] : order.slice(star + 1));
  const rest = keys.filter((k) => !before.includes(k) && !after.includes(k));
  return new Map([...before, ...rest, ...after].map((k, i) => [k, i + 1]));
}
