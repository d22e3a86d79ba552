// JSON Pointers (RFC 6901) over plain JSON values, with immutable updates so
// Lit sees a new object whenever anything inside changes.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function childPointer(pointer: string, key: string | number): string {
  const k = String(key);
  // most keys need no escaping; this runs for every field on every render
  if (!k.includes('~') && !k.includes('/')) return `${pointer}/${k}`;
  return `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Parsed pointers for getAt: a form reads the same few thousand pointers on every render. */
const parsed = new Map<string, readonly string[]>();
const PARSED_MAX = 20_000;

function keysOf(pointer: string): readonly string[] {
  let keys = parsed.get(pointer);
  if (!keys) {
    if (parsed.size >= PARSED_MAX) parsed.clear();
    keys = parsePointer(pointer);
    parsed.set(pointer, keys);
  }
  return keys;
}

export function getAt(root: unknown, pointer: string): unknown {
  let node: unknown = root;
  for (const key of keysOf(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * A copy of root with the value at pointer replaced. Undefined removes an
 * object member (an emptied field is absent, so `required` catches it).
 */
export function setAt(root: unknown, pointer: string, value: unknown): unknown {
  const keys = parsePointer(pointer);
  if (keys.length === 0) return value;
  const [head, ...rest] = keys as [string, ...string[]];
  const restPointer = rest.length ? '/' + rest.map((k) => k.replace(/~/g, '~0').replace(/\//g, '~1')).join('/') : '';
  if (Array.isArray(root)) {
    const copy = root.slice();
    copy[Number(head)] = rest.length ? setAt(copy[Number(head)], restPointer, value) : value;
    return copy;
  }
  const base = root !== null && typeof root === 'object' ? (root as Record<string, unknown>) : {};
  const next = rest.length ? setAt(base[head], restPointer, value) : value;
  const copy: Record<string, unknown> = { ...base };
  if (next === undefined) delete copy[head];
  else copy[head] = next;
  return copy;
}

/** True when pointer is ancestor itself or lies inside it. */
export function isWithin(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(ancestor + '/');
}
