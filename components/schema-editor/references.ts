// Warnings, not errors: logic that names a field the definition does not have (usually one
// just removed or renamed). JSON Logic reads a missing field as null, so such a rule or
// condition silently never does what was meant.
import type { JsonSchema } from '../core/index.js';
import { childKeys, fieldAt, rulesOf } from './model.js';

export interface Warning {
  readonly zh: string;
  readonly en: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The field paths a JSON Logic expression reads with `var`. */
export function varsOf(logic: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(logic)) {
    for (const l of logic) varsOf(l, out);
  } else if (isObj(logic)) {
    for (const [op, arg] of Object.entries(logic)) {
      if (op === 'var') {
        const name = Array.isArray(arg) ? arg[0] : arg;
        if (typeof name === 'string' && name !== '') out.add(name);
      } else if (op === 'map' || op === 'filter' || op === 'all' || op === 'none' || op === 'some' || op === 'reduce') {
        // inside these, `var` names the current item, not a field: read only the list argument
        if (Array.isArray(arg)) varsOf(arg[0], out);
      } else varsOf(arg, out);
    }
  }
  return out;
}

function exists(schema: JsonSchema, dotted: string): boolean {
  return fieldAt(schema, dotted.split('.')) !== undefined;
}

export function referenceWarnings(schema: JsonSchema): Warning[] {
  const warnings: Warning[] = [];
  rulesOf(schema).forEach((r, i) => {
    for (const name of varsOf(r.rule)) {
      if (!exists(schema, name)) warnings.push({ zh: `规则 ${i + 1} 引用了不存在的字段 ${name}`, en: `Rule ${i + 1} reads a field that does not exist: ${name}` });
    }
    if (r.path && !exists(schema, r.path)) warnings.push({ zh: `规则 ${i + 1} 的提示位置 ${r.path} 不存在`, en: `Rule ${i + 1} shows its message at a field that does not exist: ${r.path}` });
  });
  const walk = (path: string[]) => {
    const node = fieldAt(schema, path);
    for (const key of childKeys(node)) {
      const child = fieldAt(schema, [...path, key])!;
      const here = [...path, key].join('.');
      for (const [kw, zh, en] of [['x-visible', '显示条件', 'visibility condition'], ['x-compute', '计算公式', 'formula']] as const) {
        for (const name of varsOf(child[kw])) {
          if (!exists(schema, name)) warnings.push({ zh: `字段 ${here} 的${zh}引用了不存在的字段 ${name}`, en: `The ${en} of ${here} reads a field that does not exist: ${name}` });
        }
      }
      walk([...path, key]);
    }
  };
  walk([]);
  return warnings;
}
