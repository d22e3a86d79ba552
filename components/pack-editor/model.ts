// Pure edits of a pack document (schemas/packs/README.md): a new version from a stored one, a
// new pack for a jurisdiction, a value set at a path, and what changed against the published
// version. The element only renders and calls these.
import { equal } from '../core/interpreter/equal.js';
import type { PackDocument, PackTable, RulePack } from '../data/rule-packs.js';

export type Json = unknown;
/** A path into a JSON value: property names and array indexes. */
export type JsonPath = readonly (string | number)[];

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The document of a stored version, without the record's own columns. */
export function documentOf(pack: RulePack): PackDocument {
  const { id: _id, version: _v, status: _s, publishedAt: _p, ...doc } = structuredClone(pack);
  return doc;
}

/** A new pack for a jurisdiction, layered on `parent` (its key); no tables, rules or tests yet. */
export function newPack(init: { key: string; jurisdiction: string; parent: string | null; title: string; titleEn: string; from: string }): PackDocument {
  return {
    key: init.key,
    title: init.title,
    title_en: init.titleEn,
    jurisdiction: init.jurisdiction,
    legal_status: 'in_force',
    effective_from: init.from,
    effective_to: null,
    extends: init.parent,
    sources: [],
    tables: {},
    computations: [],
    rules: [],
    tests: [],
  };
}

/** `value` with `next` at `path` (copies along the path; the rest is shared). */
export function setAt(value: Json, path: JsonPath, next: Json): Json {
  if (path.length === 0) return next;
  const [head, ...rest] = path;
  if (Array.isArray(value) && typeof head === 'number') {
    const out = [...value];
    out[head] = setAt(value[head], rest, next);
    return out;
  }
  const obj = isObj(value) ? value : {};
  return { ...obj, [head as string]: setAt(obj[head as string], rest, next) };
}

/** `list` without item `index`. */
export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/** An object without `key`. */
export function withoutKey<T>(obj: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const { [key]: _gone, ...rest } = obj;
  return rest;
}

/**
 * A new row for a table of objects: the keys of its first row, each empty of its kind
 * (a number 0, a list empty, text ''), so the columns stay the same.
 */
export function blankLike(row: Json): Json {
  if (typeof row === 'number') return 0;
  if (typeof row === 'boolean') return false;
  if (Array.isArray(row)) return [];
  if (isObj(row)) return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, blankLike(v)]));
  return '';
}

/** A table the pack overrides, copied whole from the one in force (a table is replaced whole). */
export function overrideTable(doc: PackDocument, name: string, inherited: PackTable): PackDocument {
  const { source: _source, ...rest } = structuredClone(inherited);
  return { ...doc, tables: { ...doc.tables, [name]: rest } };
}

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface PackChange {
  readonly kind: ChangeKind;
  /** `title`, `tables.min_cover_per_person`, `rules.cover_below_minimum`, `tests.<name>`… */
  readonly what: string;
  readonly before: string;
  readonly after: string;
}

const show = (v: unknown): string => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

/** The document's changes from `before` (the published version; none for a new key): header fields, tables by name, rules by code, tests by name. */
export function diffPacks(before: PackDocument | undefined, after: PackDocument): PackChange[] {
  const out: PackChange[] = [];
  const push = (what: string, b: unknown, a: unknown): void => {
    if (equal(b ?? null, a ?? null)) return;
    out.push({ kind: b === undefined ? 'added' : a === undefined ? 'removed' : 'changed', what, before: show(b), after: show(a) });
  };
  for (const k of ['title', 'title_en', 'jurisdiction', 'legal_status', 'effective_from', 'effective_to', 'extends', 'sources'] as const) {
    push(k, before?.[k] ?? undefined, after[k] ?? undefined);
  }
  const byName = <T>(list: readonly T[] | undefined, name: (t: T) => string): Map<string, T> => new Map((list ?? []).map((t) => [name(t), t]));
  const groups: [string, Map<string, unknown>, Map<string, unknown>][] = [
    ['tables', new Map(Object.entries(before?.tables ?? {})), new Map(Object.entries(after.tables))],
    ['computations', byName(before?.computations, (c) => c.name), byName(after.computations, (c) => c.name)],
    ['rules', byName(before?.rules, (r) => r.code), byName(after.rules, (r) => r.code)],
    ['tests', byName(before?.tests, (t) => t.name), byName(after.tests, (t) => t.name)],
  ];
  for (const [group, b, a] of groups) {
    for (const name of new Set([...b.keys(), ...a.keys()])) push(`${group}.${name}`, b.get(name), a.get(name));
  }
  return out;
}

/** The highest version of each key, and the latest published one. */
export function versionsOf(packs: readonly RulePack[], key: string): { readonly all: RulePack[]; readonly published: RulePack | undefined; readonly draft: RulePack | undefined; readonly next: number } {
  const all = packs.filter((p) => p.key === key).sort((a, b) => a.version - b.version);
  const published = all.filter((p) => p.status === 'published').at(-1);
  const draft = all.find((p) => p.status === 'draft');
  return { all, published, draft, next: (all.at(-1)?.version ?? 0) + 1 };
}

/** Errors of the server by document path that fall under `prefix` (the path itself or below it). */
export function errorsUnder<E>(errors: Readonly<Record<string, E>>, prefix: string): [string, E][] {
  return Object.entries(errors).filter(([p]) => p === prefix || p.startsWith(prefix + '.'));
}
